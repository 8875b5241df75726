export interface SimRequest {
	method: string;
	/** The path without the query string, as sent (not percent-decoded). */
	path: string;
	query: URLSearchParams;
	/** Header names are lowercased; repeated headers are joined with ', '. */
	headers: Record<string, string>;
	body: Buffer;
	/** The client's IP address, when known. */
	remoteAddress?: string;
	/** Aborted when the client closes the connection before the reply (long polling uses it). */
	signal?: AbortSignal;
	text(): string;
	/** Throws InvalidJsonError when the body is empty or not JSON. */
	json(): unknown;
}

export interface SimResponse {
	status: number;
	headers?: Record<string, string>;
	/** An object is sent as JSON; null or undefined sends an empty body. */
	body?: string | Buffer | object | null;
}

export type RouteParams = Record<string, string>;

export type RouteHandler = (
	request: SimRequest,
	params: RouteParams,
) => SimResponse | Promise<SimResponse>;

export interface LoggedRequest {
	method: string;
	path: string;
	/** The raw query string without the leading '?'. */
	query: string;
	headers: Record<string, string>;
	body: string;
	/** Epoch milliseconds when the request arrived. */
	at: number;
	/** The status sent back; 0 when the connection was reset without a reply. */
	status: number;
}

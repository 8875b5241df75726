/** A reply's status and headers: what is known of it before its body is read. */
export interface ReplyHead {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
}

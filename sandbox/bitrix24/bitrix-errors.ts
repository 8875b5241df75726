import type { SimResponse } from '../framework';

// Every Bitrix24 error is { "error": code, "error_description": text }.
export function bitrixError(status: number, error: string, description: string): SimResponse {
	return { status, body: { error, error_description: description } };
}

export class MethodError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		readonly description: string,
	) {
		super(description);
	}
}

export const queryLimitExceeded = () =>
	bitrixError(503, 'QUERY_LIMIT_EXCEEDED', 'Too many requests');

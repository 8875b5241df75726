import type { SimResponse } from './types';

export function jsonError(status: number, error: string, reason: string): SimResponse {
	return { status, body: { error, reason } };
}

import type { SimResponse } from '../framework';

/** ERA's error body on every status: `{error_code, error_message, error_details?}`. */
export function eraError(
	status: number,
	code: number,
	message: string,
	details?: Record<string, unknown>,
): SimResponse {
	return {
		status,
		body: {
			error_code: code,
			error_message: message,
			...(details ? { error_details: details } : {}),
		},
	};
}

export const unauthorized = () => eraError(401, 1407, 'Unauthorized');
export const notFound = (message = 'Not found') => eraError(404, 1404, message);
export const invalidParams = (message: string, details?: Record<string, unknown>) =>
	eraError(400, 1413, message, details);
export const invalidRequest = (message: string) => eraError(400, 1405, message);

const MASK = '[redacted]';

/** Replaces every occurrence of each secret (and of its URL-encoded form) with a mask. */
export function redactSecrets(text: string, secrets: unknown[]): string {
	let result = text;
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret.length < 4) continue;
		for (const form of new Set([secret, encodeURIComponent(secret)])) {
			result = result.split(form).join(MASK);
		}
	}
	return result;
}

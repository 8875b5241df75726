const MASK = '[redacted]';

/** The ways a secret can appear in text: as is, URL- or form-encoded, escaped in JSON or XML. */
function formsOf(secret: string): string[] {
	return [
		secret,
		encodeURIComponent(secret),
		encodeURIComponent(secret).replace(/%20/g, '+'),
		JSON.stringify(secret).slice(1, -1),
		secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
	];
}

/** What a Basic `Authorization` header carries for this login, so it can be redacted too. */
export function basicAuthSecret(login: unknown, password: unknown): string {
	return Buffer.from(`${String(login ?? '')}:${String(password ?? '')}`).toString('base64');
}

/** Every form of each secret, longest first. */
export function secretForms(secrets: unknown[]): string[] {
	const forms = new Set<string>();
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret.length < 4) continue;
		for (const form of formsOf(secret)) forms.add(form);
	}
	return [...forms].sort((a, b) => b.length - a.length);
}

/** Replaces every form of each secret with a mask, longest first. */
export function redactSecrets(text: string, secrets: unknown[]): string {
	let result = text;
	for (const form of secretForms(secrets)) {
		result = result.split(form).join(MASK);
	}
	return result;
}

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

/** Forms already worked out, by the secrets: a credential's, asked again for every request. */
const knownForms = new Map<string, readonly string[]>();
const MAX_KNOWN_FORMS = 64;

/** Values of four characters or more are masked; shorter ones would mask ordinary words. */
function isMasked(secret: unknown): secret is string {
	return typeof secret === 'string' && secret.length >= 4;
}

/** Every form of each secret, longest first. */
export function secretForms(secrets: unknown[]): readonly string[] {
	// Each secret after its length, so no two lists of secrets share a key.
	let key = '';
	for (const secret of secrets) if (isMasked(secret)) key += `${secret.length}:${secret}`;
	const known = knownForms.get(key);
	if (known) return known;
	const kept = secrets.filter(isMasked);
	const forms = new Set<string>();
	for (const secret of kept) for (const form of formsOf(secret)) forms.add(form);
	const sorted = Object.freeze([...forms].sort((a, b) => b.length - a.length));
	if (knownForms.size >= MAX_KNOWN_FORMS) knownForms.clear();
	knownForms.set(key, sorted);
	return sorted;
}

/** Replaces every form of each secret with a mask, longest first. */
export function redactSecrets(text: string, secrets: unknown[]): string {
	let result = text;
	for (const form of secretForms(secrets)) {
		if (result.includes(form)) result = result.split(form).join(MASK);
	}
	return result;
}

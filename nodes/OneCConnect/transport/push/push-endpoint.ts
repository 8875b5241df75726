/** Where the push API (service lines and bots) lives; no n8n imports: the credential uses it. */
export const PUSH_DEFAULT_URL = 'https://push.1c-connect.com';

/** The credential's Push API URL, or the vendor's host when it is left empty (older credentials). */
export function pushBaseOf(credentials: { pushUrl?: unknown }): string {
	const given = typeof credentials.pushUrl === 'string' ? credentials.pushUrl.trim() : '';
	return given === '' ? PUSH_DEFAULT_URL : given;
}

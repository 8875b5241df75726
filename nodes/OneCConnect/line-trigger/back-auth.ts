import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The bearer token SetHook's `back_auth` makes 1C-Connect send on every hook call. */
export const newBackAuthToken = () => randomBytes(32).toString('base64url');

/** Whether the Authorization header carries the token, compared without a timing leak. */
export function carriesToken(header: unknown, token: string | undefined): boolean {
	if (typeof header !== 'string' || !token) return false;
	const digest = (text: string) => createHash('sha256').update(text).digest();
	return timingSafeEqual(digest(header.trim()), digest(`Bearer ${token}`));
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Compares without telling, by its timing, how much of a guess was right. */
export function sameSecret(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || given === '' || expected === '') return false;
	const digest = (text: string) => createHash('sha256').update(text).digest();
	return timingSafeEqual(digest(given), digest(expected));
}

/** The random key an app's handler URL carries, so only Bitrix24 knows the whole URL. */
export const newHandlerKey = () => randomBytes(24).toString('hex');

import { randomBytes } from 'node:crypto';

export const ACCESS_TOKEN_SECONDS = 3600;

interface AccessToken {
	userId: number;
	expiresAt: number;
}

export type TokenCheck = 'ok' | 'expired' | 'invalid';

/**
 * What oauth.bitrix.info keeps: one-time authorization codes, access tokens that live an hour,
 * and refresh tokens that are replaced by every renewal.
 */
export class TokenStore {
	private readonly codes = new Map<string, number>();
	private readonly access = new Map<string, AccessToken>();
	private readonly refresh = new Map<string, number>();
	/** Renewals by refresh token since the last reset. */
	refreshCount = 0;

	issueCode(userId: number): string {
		const code = randomBytes(16).toString('hex');
		this.codes.set(code, userId);
		return code;
	}

	redeemCode(code: string): { access: string; refresh: string } | undefined {
		const userId = this.codes.get(code);
		if (userId === undefined) return undefined;
		this.codes.delete(code);
		return this.issue(userId);
	}

	/** A rotated pair, or undefined when the refresh token is unknown or already used. */
	renew(refreshToken: string): { access: string; refresh: string } | undefined {
		const userId = this.refresh.get(refreshToken);
		if (userId === undefined) return undefined;
		this.refresh.delete(refreshToken);
		this.refreshCount++;
		return this.issue(userId);
	}

	/** Issues a pair directly, as after an app install; tests and the sandbox start from it. */
	issue(userId = 1): { access: string; refresh: string } {
		const access = randomBytes(16).toString('hex');
		const refresh = randomBytes(16).toString('hex');
		this.access.set(access, { userId, expiresAt: Date.now() + ACCESS_TOKEN_SECONDS * 1000 });
		this.refresh.set(refresh, userId);
		return { access, refresh };
	}

	check(token: string): TokenCheck {
		const entry = this.access.get(token);
		if (!entry) return 'invalid';
		return entry.expiresAt <= Date.now() ? 'expired' : 'ok';
	}

	userOf(token: string): number | undefined {
		return this.access.get(token)?.userId;
	}

	expireAccessTokens(): number {
		for (const entry of this.access.values()) entry.expiresAt = 0;
		return this.access.size;
	}

	/** The app was removed: every token stops working. */
	revokeAll(): void {
		this.access.clear();
		this.refresh.clear();
		this.codes.clear();
	}

	reset(): void {
		this.revokeAll();
		this.refreshCount = 0;
	}
}

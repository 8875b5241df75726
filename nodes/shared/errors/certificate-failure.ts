const TLS_FAILURE = /certificate|self[- ]signed|SSL|TLS/i;

/** A failed TLS handshake, told by its message (Node's TLS errors have many codes). */
export function isCertificateFailure(message: string): boolean {
	return TLS_FAILURE.test(message);
}

/** What to do about it: the credential's switch, where it has one. */
export function certificateAdvice(vendor: string, hasSwitch: boolean): string {
	return hasSwitch
		? `If the server uses a self-signed certificate, switch on "Ignore SSL Issues" in the ${vendor} credential; otherwise check the Server URL.`
		: `Check the address in the ${vendor} credential, and that this machine's clock and certificate store are up to date.`;
}

/**
 * A certificate refused by a request sent outside the shared transport (a login in a credential's
 * preAuthentication). The message holds the advice, since a credential test shows only the
 * message; the transport finds it in the cause chain and words it as for any request.
 */
export class CertificateFailure extends Error {
	constructor(
		vendor: string,
		readonly reason: string,
	) {
		super(
			`Could not verify the ${vendor} server's certificate: ${reason}. ${certificateAdvice(vendor, true)}`,
		);
	}
}

export function certificateFailureIn(error: unknown): CertificateFailure | undefined {
	const seen = new Set<unknown>();
	let current = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		if (current instanceof CertificateFailure) return current;
		seen.add(current);
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

import type { IHttpRequestHelper } from 'n8n-workflow';

import { CertificateFailure, isCertificateFailure } from '../../shared/errors/certificate-failure';
import { networkFailure } from '../../shared/errors/network-failure';
import { discardBody, readBody } from '../../shared/http/body-reader';
import { Deadline } from '../../shared/http/deadline';
import { decodeReplyText, parseJsonReply } from '../../shared/http/reply-body';

const LOGIN_TIMEOUT_MS = 30_000;
/** A login reply is a few hundred bytes; anything near this is not ERA. */
const LOGIN_MAX_BYTES = 1024 * 1024;

export interface LoginReply {
	statusCode: number;
	/** The redirect target a 3xx names, if any. */
	location?: string;
	/** The parsed JSON body, or undefined when it is empty or not JSON. */
	body: unknown;
}

interface StreamedReply {
	statusCode: number;
	headers?: Record<string, unknown>;
	body: unknown;
}

/**
 * POSTs the login, bounded like every ERA request: one deadline for the whole exchange, a cap on
 * the reply, and no redirect followed, so the password goes to the Server URL and nowhere else.
 * Fails with a plain message (never the request, which holds the password).
 */
export async function postLogin(
	helpers: IHttpRequestHelper['helpers'],
	url: string,
	body: object,
	skipSslCertificateValidation: boolean,
): Promise<LoginReply> {
	const deadline = new Deadline(LOGIN_TIMEOUT_MS);
	try {
		const reply = await deadline.race(
			helpers.httpRequest(
				deadline.attachTo({
					method: 'POST',
					url,
					headers: {
						Accept: 'application/json',
						'Content-Type': 'application/json; charset=utf-8',
					},
					body: JSON.stringify(body),
					json: false,
					encoding: 'stream',
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					disableFollowRedirect: true,
					sendCredentialsOnCrossOriginRedirect: false,
					timeout: LOGIN_TIMEOUT_MS,
					skipSslCertificateValidation,
				}),
			) as Promise<StreamedReply>,
			(late) => discardBody(late.body),
		);
		const location = reply.headers?.location;
		if (reply.statusCode >= 300 && reply.statusCode < 400) discardBody(reply.body);
		const text =
			reply.statusCode >= 300 && reply.statusCode < 400
				? ''
				: decodeReplyText(await readBody(reply.body, LOGIN_MAX_BYTES, deadline));
		const parsed = text.trim() === '' ? undefined : parseJsonReply(text, 'ERA');
		return {
			statusCode: reply.statusCode,
			location: typeof location === 'string' ? location : undefined,
			body: parsed?.ok ? parsed.value : undefined,
		};
	} catch (error) {
		throw loginFailure(deadline, error);
	} finally {
		deadline.clear();
	}
}

function loginFailure(deadline: Deadline, error: unknown): Error {
	const check = 'Check the Server URL in the ERA credential and the network.';
	const cut = deadline.cutShort;
	if (cut?.reason === 'too-large') {
		return new Error(
			`ERA sent a login reply larger than ${LOGIN_MAX_BYTES / 1024 / 1024} MB; n8n stopped reading it. ${check}`,
		);
	}
	if (cut) {
		return new Error(`ERA did not answer the login within ${LOGIN_TIMEOUT_MS / 1000} s. ${check}`);
	}
	const failure = networkFailure(error);
	const reason = error instanceof Error ? error.message : String(error);
	if (!failure && isCertificateFailure(reason)) return new CertificateFailure('ERA', reason);
	// An address that does not answer at all: the transport says "Could not reach ERA" as for any
	// request. A login dropped midway is not passed on as a network failure, so that a write
	// waiting for it is neither repeated nor reported as possibly made.
	if (failure && !failure.transient) return Object.assign(new Error(failure.message), failure);
	return new Error(
		`Could not reach ERA to log in: ${failure?.message ?? 'The request failed'}. ${check}`,
	);
}

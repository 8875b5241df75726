import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { discardBody, readBody } from '../../shared/http/body-reader';
import { Deadline, RequestCutShort } from '../../shared/http/deadline';
import { endpointOf } from '../transport/endpoint';
import { pushBaseOf } from '../transport/push/push-endpoint';
import { buildEnvelope, readSoapReply, soapActionOf } from '../transport/soap-envelope';

/** Each check's deadline: connecting, the headers and the whole reply. */
export const CHECK_TIMEOUT_MS = 20_000;
const CHECK_MAX_REPLY_BYTES = 1024 * 1024;

interface Reply {
	statusCode: number;
	body: string;
}

interface Check {
	/** The API as the message names it. */
	api: string;
	url: string;
	/** What to change when the check fails for a reason other than the login. */
	fix: string;
	request: { method: string; headers: Record<string, string>; body?: string };
	/** Why the reply is not the API's answer, or undefined when it is. */
	problemOf: (reply: Reply) => string | undefined;
}

interface Login {
	user: string;
	pass: string;
}

/**
 * The credential test n8n runs from the credential's "Test" button (the nodes name it with
 * `testedBy`): one cheap read of each API the login is used for, PartnerWebAPI2 (RegionRead) and
 * the push API (the lines, GetLines). Each check has its own deadline and reply cap; neither
 * follows a redirect, so the login goes to the two configured addresses only.
 */
export async function oneCConnectApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data: ICredentialDataDecryptedObject = credential.data ?? {};
	const login = { user: String(data.login ?? ''), pass: String(data.password ?? '') };
	const checks = [partnerCheck(endpointOf(data)), pushCheck(pushBaseOf(data))];
	const failures = (
		await Promise.all(checks.map(async (check) => await run(this, check, login)))
	).filter((failure): failure is Failure => failure !== undefined);
	if (failures.length > 0) return { status: 'Error', message: messageOf(failures) };
	return {
		status: 'OK',
		message: 'PartnerWebAPI2 and the push API both accepted the API login',
	};
}

function partnerCheck(url: string): Check {
	return {
		api: 'PartnerWebAPI2',
		url,
		fix: 'Check Region (or Custom URL).',
		request: {
			method: 'POST',
			headers: {
				'Content-Type': 'text/xml; charset=utf-8',
				SOAPAction: soapActionOf('RegionRead'),
			},
			body: buildEnvelope({ operation: 'RegionRead', params: {} }),
		},
		problemOf: (reply) => {
			try {
				const soap = readSoapReply(reply.body, 'RegionRead');
				if (soap.kind === 'fault') return `it answered a fault: ${soap.message}`;
				if (soap.kind === 'result' && soap.resultCode !== 'SUCCESS') {
					return `it answered ${soap.resultCode}`;
				}
				return undefined;
			} catch {
				return 'its reply is not a 1C-Connect SOAP reply';
			}
		},
	};
}

function pushCheck(base: string): Check {
	const url = `${base.replace(/\/+$/, '')}/v1/line/`;
	return {
		api: 'the push API',
		url,
		fix: 'Check Push API URL (https://push.1c-connect.com unless 1C-Connect gave you another).',
		request: { method: 'GET', headers: { Accept: 'application/json' } },
		problemOf: (reply) => {
			try {
				return Array.isArray(JSON.parse(reply.body))
					? undefined
					: 'its reply is not a list of lines';
			} catch {
				return 'its reply is not JSON';
			}
		},
	};
}

interface Failure {
	/** The API, its address and what went wrong. */
	problem: string;
	fix: string;
}

const LOGIN_FIX =
	'Copy the API login and password again from Administration → API settings (Администрирование → Настройки API).';

/** The failed checks in one message: what went wrong with each, then each fix once. */
function messageOf(failures: Failure[]): string {
	const problems = failures.map((failure) => failure.problem).join('; ');
	const fixes = [...new Set(failures.map((failure) => failure.fix))].join(' ');
	return `${problems.charAt(0).toUpperCase()}${problems.slice(1)}. ${fixes}`;
}

/** One check: undefined when it passed, else what went wrong and what to change. */
async function run(
	context: ICredentialTestFunctions,
	check: Check,
	login: Login,
): Promise<Failure | undefined> {
	const at = `${check.api} (${check.url})`;
	const failed = (problem: string, fix = check.fix): Failure => ({ problem, fix });
	if (!/^https?:\/\/[^\s/]+/i.test(check.url)) {
		return failed(`${check.api}: "${check.url}" is not an http(s) address`);
	}
	let reply: Reply;
	try {
		reply = await send(context, login, { ...check.request, uri: check.url });
	} catch (error) {
		if (error instanceof RequestCutShort) {
			return failed(
				error.reason === 'deadline'
					? `${at} did not answer within ${CHECK_TIMEOUT_MS / 1000} s`
					: `${at} sent a reply larger than ${CHECK_MAX_REPLY_BYTES / 1024 / 1024} MB`,
			);
		}
		return failed(`${at} could not be reached (${(error as Error).message})`);
	}
	const { statusCode } = reply;
	if (statusCode === 401) return failed(`${at} refused the API login or password (401)`, LOGIN_FIX);
	if (statusCode === 403) {
		return failed(
			`${at} says this API login may not use it (403)`,
			'Ask 1C-Connect to open that API for the login.',
		);
	}
	if (statusCode >= 300 && statusCode < 400) {
		return failed(
			`${at} redirected the test elsewhere (${statusCode}), and n8n does not send the login and password there`,
			'Put the final address in the credential.',
		);
	}
	if (statusCode < 200 || statusCode >= 300) return failed(`${at} answered HTTP ${statusCode}`);
	const problem = check.problemOf(reply);
	return problem ? failed(`${at} answered, but ${problem}`) : undefined;
}

interface LegacyReply {
	statusCode: number;
	body: unknown;
}

/**
 * One request through the only helper n8n gives a credential test (`ICredentialTestFunctions`
 * has `helpers.request` and nothing newer): the reply streamed in, read up to the cap, every
 * status returned rather than thrown, no redirect followed.
 */
async function send(
	context: ICredentialTestFunctions,
	login: Login,
	request: { method: string; uri: string; headers: Record<string, string>; body?: string },
): Promise<Reply> {
	const deadline = new Deadline(CHECK_TIMEOUT_MS);
	try {
		const reply = (await deadline.race(
			context.helpers.request({
				...request,
				auth: { user: login.user, pass: login.pass, sendImmediately: true },
				followRedirect: false,
				followAllRedirects: false,
				sendCredentialsOnCrossOriginRedirect: false,
				resolveWithFullResponse: true,
				simple: false,
				useStream: true,
				timeout: CHECK_TIMEOUT_MS,
			}) as Promise<LegacyReply>,
			(late) => discardBody(late.body),
		)) as LegacyReply;
		const body = await readBody(reply.body, CHECK_MAX_REPLY_BYTES, deadline);
		return { statusCode: reply.statusCode, body: body.toString('utf8') };
	} finally {
		deadline.clear();
	}
}

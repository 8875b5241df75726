import { apiError } from '../../../shared/errors/node-errors';
import { basicAuthSecret } from '../../../shared/errors/redact';
import { runCredentials } from '../../../shared/execution/run-credentials';
import { defaultRetryPolicy } from '../../../shared/http/retry-policy';
import type { RequestContext } from '../../../shared/http/vendor-request';
import { sendVendorRequest } from '../../../shared/http/vendor-request';
import { pushBaseOf } from './push-endpoint';
import { ONE_C_CREDENTIAL, PUSH_TIMEOUT_SECONDS } from './push-request';

export interface DownloadedFile {
	body: Buffer;
	contentType?: string;
}

/**
 * Reads a file a hook call links to, within a deadline and a size cap. The API login goes only to
 * the push API's own origin; a link to any other server is fetched without credentials.
 */
export async function downloadLinkedFile(
	context: RequestContext,
	url: string,
	limits: { maxBytes: number; timeoutMs?: number },
): Promise<DownloadedFile> {
	const credentials = await runCredentials<{ pushUrl?: string; login: string; password: string }>(
		context,
		ONE_C_CREDENTIAL,
	);
	const target = new URL(url);
	const pushOrigin = new URL(pushBaseOf(credentials)).origin;
	const ours = target.origin === pushOrigin;
	const response = await sendVendorRequest(
		context,
		{
			credentialType: ONE_C_CREDENTIAL,
			credentials: ours ? credentials : undefined,
			withoutCredentials: !ours,
			vendor: '1C-Connect',
			retryPolicy: { ...defaultRetryPolicy, maxTotalWaitMs: 10_000 },
			secrets: [credentials.password, basicAuthSecret(credentials.login, credentials.password)],
			unreachableHint: `Check that n8n can reach ${target.origin}.`,
			limitsHint: 'Raise "Max File Size (MB)" in the trigger\'s options for larger files.',
		},
		{
			method: 'GET',
			url: target.href,
			timeoutMs: limits.timeoutMs ?? PUSH_TIMEOUT_SECONDS * 1000,
			maxReplyBytes: limits.maxBytes,
			effect: 'read',
		},
	);
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw apiError(context.getNode(), {
			message: `The file could not be read from ${target.origin} (${response.statusCode})`,
			description: ours
				? 'Check that the API login in the 1C-Connect credential may read files of this line.'
				: 'The link may have expired; the hook call is kept in the item under raw.',
			httpCode: response.statusCode,
		});
	}
	const type = response.headers['content-type'];
	return { body: response.body, contentType: Array.isArray(type) ? type[0] : type };
}

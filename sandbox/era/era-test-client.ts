import { ERA_DEMO_CREDENTIALS } from './demo-data';

export interface EraTestReply {
	status: number;
	headers: { get(name: string): string | null };
	text: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	json: any;
}

/** A small client for the simulator's own tests: logs in once and sends JSON. */
export function eraClient(baseUrl: () => string) {
	let token = '';
	const send = async (
		method: string,
		path: string,
		body?: unknown,
		auth = true,
	): Promise<EraTestReply> => {
		const res = await fetch(`${baseUrl()}${path}`, {
			method,
			headers: {
				...(auth && token ? { Authorization: `Bearer ${token}` } : {}),
				...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : null };
	};
	return {
		send,
		login: async (overrides: Record<string, unknown> = {}) => {
			const reply = await send(
				'POST',
				'/rest/v1/iam/sessions',
				{
					domain: ERA_DEMO_CREDENTIALS.domain,
					login: ERA_DEMO_CREDENTIALS.login,
					pwd: ERA_DEMO_CREDENTIALS.password,
					session_type: 'token',
					...overrides,
				},
				false,
			);
			if (reply.status === 200) token = reply.json.session_token;
			return reply;
		},
		get token() {
			return token;
		},
	};
}

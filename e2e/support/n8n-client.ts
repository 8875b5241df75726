import { OWNER_EMAIL, OWNER_PASSWORD } from '../../runtime/owner';

/** The editor's REST API as a logged-in owner, for what the tests check in a real n8n. */
export class N8nClient {
	private cookie = '';

	constructor(readonly baseUrl: string) {}

	async login(): Promise<void> {
		const reply = await fetch(`${this.baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER_EMAIL, password: OWNER_PASSWORD }),
		});
		if (!reply.ok) throw new Error(`Login failed: ${reply.status} ${await reply.text()}`);
		const setCookie = reply.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
		if (!setCookie) throw new Error('Login answered without an n8n-auth cookie');
		this.cookie = setCookie.split(';')[0];
	}

	/** A GET outside /rest (such as /types/nodes.json) as the logged-in owner. */
	async fetch(path: string): Promise<Response> {
		return await fetch(`${this.baseUrl}${path}`, { headers: { cookie: this.cookie } });
	}

	async request<T>(method: string, path: string, body?: unknown): Promise<T> {
		const reply = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: {
				cookie: this.cookie,
				'browser-id': 'e2e',
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await reply.text();
		if (!reply.ok) throw new Error(`${method} ${path}: ${reply.status} ${text.slice(0, 500)}`);
		const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
		return parsed.data as T;
	}

	async activate(workflowId: string): Promise<void> {
		const workflow = await this.request<{ versionId: string }>('GET', `/workflows/${workflowId}`);
		await this.request('POST', `/workflows/${workflowId}/activate`, {
			versionId: workflow.versionId,
		});
	}

	async deactivate(workflowId: string): Promise<void> {
		await this.request('POST', `/workflows/${workflowId}/deactivate`, {});
	}
}

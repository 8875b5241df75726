import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseForm } from 'node:querystring';

import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';

import type { N8nHarness, NodeUnderTest } from './n8n-harness';

export interface WebhookCall {
	status: number;
	body: unknown;
	/** Whether the call started an execution. */
	started: boolean;
}

export interface RunningWebhookTrigger {
	/** The node's production webhook URL, served by this harness. */
	readonly url: string;
	readonly port: number;
	/** The items of each execution the calls started, one entry per execution. */
	readonly executions: INodeExecutionData[][];
	readonly calls: WebhookCall[];
	/** As n8n activating the workflow: checkExists, then create when it says no. */
	activate(): Promise<void>;
	/** As n8n deactivating the workflow: delete. */
	deactivate(): Promise<void>;
	/** The next `count` calls are answered 500 before reaching the node (n8n unreachable). */
	failNext(count: number): void;
	staticData(): IDataObject;
	/** As n8n deactivating from a copy of the workflow whose static data lacks what activation kept. */
	forgetStaticData(): void;
	/** Sets the node's own static data, as an earlier version of the node may have left it. */
	seedNodeStaticData(data: IDataObject): void;
	waitForExecutions(count: number, timeoutMs?: number): Promise<INodeExecutionData[][]>;
	close(): Promise<void>;
}

/**
 * A webhook trigger as an active workflow: its `webhookMethods` run with n8n-core's HookContext,
 * and each HTTP call to its URL runs `webhook()` with n8n-core's WebhookContext, the body read as
 * n8n's body parser reads it (form bodies flat, by field name, with Node's querystring).
 */
export async function startWebhookTrigger(
	harness: N8nHarness,
	nodeUnderTest: NodeUnderTest,
	/** The port to serve on (to keep a URL across restarts); any free one by default. */
	port = 0,
	/** Another workflow's trigger (each workflow keeps its own state). */
	workflowId?: string,
): Promise<RunningWebhookTrigger> {
	const { workflow, node, additionalData } = harness.triggerSetup(nodeUnderTest, 'trigger');
	if (workflowId !== undefined) workflow.id = workflowId;
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	const description = nodeType.description.webhooks?.[0];
	if (!description || !nodeType.webhook) throw new Error(`${node.type} is not a webhook trigger`);
	const executions: INodeExecutionData[][] = [];
	const calls: WebhookCall[] = [];
	let failures = 0;
	const waiters = new Set<() => void>();

	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			void (async () => {
				let answered: WebhookCall | undefined;
				const reply = (status: number, body: unknown) => {
					if (answered) return answered;
					answered = { status, body, started: false };
					calls.push(answered);
					response.writeHead(status, { 'content-type': 'application/json' });
					response.end(JSON.stringify(body ?? {}));
					waiters.forEach((check) => check());
					return answered;
				};
				const started = (items: INodeExecutionData[], call: WebhookCall) => {
					if (items.length === 0) return;
					executions.push(items);
					call.started = true;
					waiters.forEach((check) => check());
				};
				if (failures > 0) {
					failures--;
					return reply(500, { message: 'n8n is not reachable' });
				}
				const raw = Buffer.concat(chunks).toString('utf8');
				const type = String(request.headers['content-type'] ?? '').split(';')[0];
				const body =
					type === 'application/json'
						? (JSON.parse(raw || '{}') as IDataObject)
						: type === 'application/x-www-form-urlencoded'
							? parseForm(raw)
							: {};
				const url = new URL(request.url ?? '/', 'http://harness');
				let status = 200;
				// As express: what the node writes through the response object goes out at once.
				const res = {
					status(code: number) {
						status = code;
						return res;
					},
					json(value: unknown) {
						reply(status, value);
						return res;
					},
					send(value: unknown) {
						reply(status, value);
						return res;
					},
				};
				const req = {
					method: request.method,
					headers: request.headers,
					query: Object.fromEntries(url.searchParams),
					body,
					rawBody: Buffer.from(raw),
				};
				const context = new WebhookContext(
					workflow,
					node,
					{ ...additionalData, httpRequest: req, httpResponse: res } as never,
					'trigger',
					webhookData,
					[],
					null,
				);
				try {
					const result = await nodeType.webhook!.call(context);
					const items = result.workflowData?.[0] ?? [];
					// n8n starts the workflow after a node has answered itself (noWebhookResponse).
					if (result.noWebhookResponse) return started(items, reply(status, {}));
					started(items, reply(200, { message: 'Workflow was started' }));
				} catch (error) {
					reply(500, { message: error instanceof Error ? error.message : String(error) });
				}
			})();
		});
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const { port: listening } = server.address() as AddressInfo;
	const base = `http://127.0.0.1:${listening}/webhook`;
	const data = { ...additionalData, webhookBaseUrl: base } as IWorkflowExecuteAdditionalData;
	const webhookData: IWebhookData = {
		httpMethod: description.httpMethod as IWebhookData['httpMethod'],
		node: node.name,
		path: String(description.path),
		webhookDescription: description,
		workflowId: String(workflow.id),
		workflowExecuteAdditionalData: data,
	};
	Object.assign(additionalData, { webhookBaseUrl: base });
	const hook = async (method: 'checkExists' | 'create' | 'delete') => {
		const methods = nodeType.webhookMethods?.default;
		if (!methods?.[method]) throw new Error(`${node.type} has no webhookMethods.default.${method}`);
		const context = new HookContext(workflow, node, data, 'trigger', 'activate', webhookData);
		return await methods[method].call(context);
	};
	const url = new HookContext(
		workflow,
		node,
		data,
		'trigger',
		'activate',
		webhookData,
	).getNodeWebhookUrl('default') as string;

	return {
		url,
		port: listening,
		executions,
		calls,
		activate: async () => {
			if (!(await hook('checkExists'))) await hook('create');
		},
		deactivate: async () => {
			await hook('delete');
		},
		failNext: (count) => {
			failures = count;
		},
		staticData: () => JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
		seedNodeStaticData: (data) => {
			(workflow.staticData as IDataObject)[`node:${node.name}`] = { ...data };
		},
		forgetStaticData: () => {
			workflow.staticData = {} as Workflow['staticData'];
		},
		waitForExecutions: async (count, timeoutMs = 10_000) =>
			await new Promise((resolve, reject) => {
				const check = () => {
					if (executions.length < count) return;
					clearTimeout(timer);
					waiters.delete(check);
					resolve([...executions]);
				};
				const timer = setTimeout(() => {
					waiters.delete(check);
					reject(new Error(`Timed out waiting for ${count} executions; got ${executions.length}`));
				}, timeoutMs);
				waiters.add(check);
				check();
			}),
		close: async () =>
			await new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

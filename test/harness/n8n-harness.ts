import { createRequire } from 'node:module';

import {
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PollContext,
	PollTriggerExecutor,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { HarnessCredentialsHelper } from './credentials-helper';
import { HarnessInput, INPUT_NODE_TYPE } from './input-node';
import { HarnessOAuth2Api } from './oauth2-credential';
import { PACKAGE_NAME, loadPackageCredentials, loadPackageNodes } from './package-loader';
import { testNodeDescription } from './test-node-description';

export interface NodeUnderTest {
	/** The node's short name, e.g. `ati` (the package prefix is added). */
	type: string;
	parameters: INodeParameters;
	typeVersion?: number;
	/** Credential type → stored credential id. */
	credentials?: Record<string, string>;
	continueOnFail?: boolean;
	/** The node's ID in its workflow: two triggers that must tell each other apart need two. */
	nodeId?: string;
}

export interface NodeRunResult {
	/** Items of the first output. */
	items: INodeExecutionData[];
	outputs: INodeExecutionData[][];
	/** The error the workflow stopped with, if any. */
	error?: ExecutionError;
	run: IRun;
}

export interface PollResult {
	items: INodeExecutionData[];
	/** How many executions the poll started (one per emit). */
	emits: number;
	error?: Error;
}

const NODE_NAME = 'Node Under Test';

/** n8n-core registers its services in its own copy of @n8n/di. */
const requireFromHere = createRequire(__filename);
const { Container } = requireFromHere(
	requireFromHere.resolve('@n8n/di', { paths: [requireFromHere.resolve('n8n-core')] }),
) as typeof import('@n8n/di');

class HarnessNodeTypes implements INodeTypes {
	constructor(private readonly types: Map<string, INodeType | IVersionedNodeType>) {}

	getByName(type: string): INodeType | IVersionedNodeType {
		const found = this.types.get(type);
		if (!found) throw new Error(`Unknown node type "${type}"`);
		return found;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	add(type: string, node: INodeType): void {
		this.types.set(type, node);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

/**
 * Runs the package's nodes inside n8n's own execution engine (WorkflowExecute, PollContext,
 * PollTriggerExecutor), with credentials resolved like n8n resolves them.
 */
/** When a run is stopped: after this many ms, or once the promise settles. */
export type StopSignal = number | (() => Promise<unknown>);

export class N8nHarness {
	readonly nodeTypes: HarnessNodeTypes;
	readonly credentialTypes: Map<string, ICredentialType>;
	readonly credentialsHelper: HarnessCredentialsHelper;
	/** The workflows' time zone (n8n's default, America/New_York, when unset). */
	timezone?: string;
	private credentialCount = 0;
	private executionCount = 0;

	/** Test-only node and credential types may be added beside the package's own. */
	constructor(extra: { nodes?: INodeType[]; credentials?: ICredentialType[] } = {}) {
		const types = loadPackageNodes();
		types.set(INPUT_NODE_TYPE, new HarnessInput());
		for (const node of extra.nodes ?? [])
			types.set(`${PACKAGE_NAME}.${node.description.name}`, node);
		this.nodeTypes = new HarnessNodeTypes(types);
		this.credentialTypes = loadPackageCredentials();
		for (const credential of extra.credentials ?? [])
			this.credentialTypes.set(credential.name, credential);
		if (!this.credentialTypes.has('oAuth2Api'))
			this.credentialTypes.set('oAuth2Api', new HarnessOAuth2Api());
		this.credentialsHelper = new HarnessCredentialsHelper(this.credentialTypes);
	}

	addCredential(type: string, data: ICredentialDataDecryptedObject): string {
		const id = `cred-${++this.credentialCount}`;
		this.credentialsHelper.store({ id, name: `${type} ${id}`, type, data });
		return id;
	}

	/** Runs Input → node in manual mode and returns what the node emitted. */
	async runNode(node: NodeUnderTest, input: IDataObject[] = [{}]): Promise<NodeRunResult> {
		return await this.runNodeOn(node, { items: JSON.stringify(input) });
	}

	/** As `runNode`, with whole input items: `binary` entries hold base64 `data`, as n8n keeps it. */
	async runNodeOnItems(node: NodeUnderTest, items: INodeExecutionData[]): Promise<NodeRunResult> {
		return await this.runNodeOn(node, { items: JSON.stringify(items), wholeItems: true });
	}

	/** As `runNode`, stopping the execution after `afterMs`, as the editor's Stop button does. */
	/** Runs the node and stops the execution after `stopAfter` ms, or once the promise it gives settles. */
	async runNodeStoppedAfter(
		node: NodeUnderTest,
		input: IDataObject[],
		stopAfter: StopSignal,
	): Promise<NodeRunResult> {
		return await this.runNodeOn(node, { items: JSON.stringify(input) }, stopAfter);
	}

	private async runNodeOn(
		node: NodeUnderTest,
		parameters: INodeParameters,
		stopAfter?: StopSignal,
	) {
		const inputNode: INode = {
			id: 'input',
			name: 'Input',
			type: INPUT_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters,
		};
		const workflow = this.workflow([inputNode, this.nodeOf(node)], {
			Input: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
		});
		const run = await this.execute(workflow, inputNode, stopAfter);
		return this.resultOf(run);
	}

	/**
	 * Tests a stored credential as n8n's credential tester does: its `test.request` becomes the
	 * routing of a one-parameter declarative node, which n8n's RoutingNode sends.
	 */
	async testCredential(
		credentialId: string,
		type: string,
	): Promise<{ ok: boolean; message?: string; run: IRun }> {
		const testRequest = this.credentialTypes.get(type)?.test?.request;
		if (!testRequest) throw new Error(`Credential type "${type}" has no test request`);
		const nodeTypeName = `credentialTest_${type}`;
		this.nodeTypes.add(`${PACKAGE_NAME}.${nodeTypeName}`, {
			description: testNodeDescription(nodeTypeName, type, [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: testRequest },
				},
			]),
		});
		const result = await this.runNode({
			type: nodeTypeName,
			parameters: { temp: '' },
			credentials: { [type]: credentialId },
		});
		return {
			ok: result.error === undefined,
			message: ruleMessage(this.credentialTypes.get(type)?.test?.rules, result.error),
			run: result.run,
		};
	}

	/**
	 * Calls a node's `listSearch` method as the editor does for a resource locator's list mode:
	 * with n8n's LoadOptionsContext, so credentials (and their preAuthentication) apply.
	 */
	async listSearch(
		node: NodeUnderTest,
		method: string,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const nodeUnderTest = this.nodeOf(node);
		const workflow = this.workflow([nodeUnderTest], {});
		const type = this.nodeTypes.getByNameAndVersion(nodeUnderTest.type, nodeUnderTest.typeVersion);
		const search = type.methods?.listSearch?.[method];
		if (!search) throw new Error(`${node.type} has no listSearch method "${method}"`);
		const context = new LoadOptionsContext(
			workflow,
			nodeUnderTest,
			this.additionalData(workflow, 'manual'),
			'parameters',
		);
		return await search.call(context, filter, paginationToken);
	}

	/** Calls a node's `loadOptions` method as the editor does for an options picker. */
	async loadOptions(node: NodeUnderTest, method: string): Promise<INodePropertyOptions[]> {
		const nodeUnderTest = this.nodeOf(node);
		const workflow = this.workflow([nodeUnderTest], {});
		const type = this.nodeTypes.getByNameAndVersion(nodeUnderTest.type, nodeUnderTest.typeVersion);
		const load = type.methods?.loadOptions?.[method];
		if (!load) throw new Error(`${node.type} has no loadOptions method "${method}"`);
		const context = new LoadOptionsContext(
			workflow,
			nodeUnderTest,
			this.additionalData(workflow, 'manual'),
			'parameters',
		);
		return await load.call(context);
	}

	/** Runs a trigger node alone in manual mode, as the editor's "Test step" does. */
	async runTriggerManually(node: NodeUnderTest): Promise<NodeRunResult> {
		const nodeUnderTest = this.nodeOf(node);
		const workflow = this.workflow([nodeUnderTest], {});
		const run = await this.execute(workflow, nodeUnderTest);
		return this.resultOf(run);
	}

	/**
	 * An active polling trigger: each `poll()` runs one poll as n8n's PollTriggerExecutor does.
	 * Static data is kept between polls as n8n stores it (serialised, and only after a poll that
	 * did not fail); `restart()` starts from the stored copy as a restarted n8n would.
	 */
	createPoller(node: NodeUnderTest, staticData: IDataObject = {}) {
		let stored: IDataObject = structuredClone(staticData);
		const run = (workflow: Workflow, mode: WorkflowExecuteMode) =>
			this.additionalData(workflow, mode);
		const build = (staticData: IDataObject) => this.workflow([this.nodeOf(node)], {}, staticData);
		return {
			get staticData(): IDataObject {
				return structuredClone(stored);
			},
			async poll(): Promise<PollResult> {
				const workflow = build(structuredClone(stored));
				const pollNode = workflow.getNode(NODE_NAME) as INode;
				const emitted: INodeExecutionData[] = [];
				let emits = 0;
				let failure: Error | undefined;
				const context = new PollContext(
					workflow,
					pollNode,
					run(workflow, 'trigger'),
					'trigger',
					'activate',
					(data) => {
						emits++;
						emitted.push(...data.flat());
					},
					(error) => (failure = error),
				);
				const executor = Container.get(PollTriggerExecutor);
				await executor.create(workflow, pollNode, context, () => true)(false);
				if (!failure) stored = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
				return { items: emitted, emits, error: failure };
			},
		};
	}

	/** The workflow, node and run data a trigger's context needs (see trigger-runner.ts). */
	triggerSetup(node: NodeUnderTest, mode: WorkflowExecuteMode) {
		const workflow = this.workflow([this.nodeOf(node)], {});
		return {
			workflow,
			node: workflow.getNode(NODE_NAME) as INode,
			additionalData: this.additionalData(workflow, mode),
		};
	}

	private nodeOf(node: NodeUnderTest): INode {
		const credentials = Object.fromEntries(
			Object.entries(node.credentials ?? {}).map(([type, id]) => [type, { id, name: id }]),
		);
		return {
			id: node.nodeId ?? 'node-under-test',
			name: NODE_NAME,
			type: `${PACKAGE_NAME}.${node.type}`,
			typeVersion: node.typeVersion ?? 1,
			position: [200, 0],
			parameters: node.parameters,
			credentials,
			...(node.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		};
	}

	private workflow(
		nodes: INode[],
		connections: Workflow['connectionsBySourceNode'],
		staticData?: IDataObject,
	) {
		return new Workflow({
			id: 'harness-workflow',
			name: 'Harness Workflow',
			nodes,
			connections,
			active: false,
			nodeTypes: this.nodeTypes,
			staticData,
			settings: { executionOrder: 'v1', ...(this.timezone ? { timezone: this.timezone } : {}) },
		});
	}

	private async execute(
		workflow: Workflow,
		startNode: INode,
		stopAfter?: StopSignal,
	): Promise<IRun> {
		const executionId = `harness-${++this.executionCount}`;
		const additionalData = this.additionalData(workflow, 'manual', executionId);
		const execution = new WorkflowExecute(additionalData, 'manual');
		const running = execution.run({ workflow, startNode });
		if (stopAfter === undefined) return await running;
		if (typeof stopAfter === 'function') {
			void stopAfter().finally(() => running.cancel());
			return await running;
		}
		const stop = setTimeout(() => running.cancel(), stopAfter);
		try {
			return await running;
		} finally {
			clearTimeout(stop);
		}
	}

	private additionalData(
		workflow: Workflow,
		mode: WorkflowExecuteMode,
		executionId = `harness-${++this.executionCount}`,
	): IWorkflowExecuteAdditionalData {
		const hooks = new ExecutionLifecycleHooks(mode, executionId, {
			id: workflow.id,
			name: workflow.name ?? '',
			active: false,
			nodes: Object.values(workflow.nodes),
			connections: workflow.connectionsBySourceNode,
			createdAt: new Date(),
			updatedAt: new Date(),
			isArchived: false,
			activeVersionId: null,
		} as never);
		return {
			credentialsHelper: this.credentialsHelper,
			hooks,
			executionId,
			currentNodeExecutionIndex: 0,
			restApiUrl: 'http://127.0.0.1:5678/rest',
			instanceBaseUrl: 'http://127.0.0.1:5678/',
			formBaseUrl: 'http://127.0.0.1:5678/form',
			formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
			formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
			webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
			webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
			webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
			mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
			mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
			variables: {},
			executeWorkflow: async () => {
				throw new Error('Sub-workflows are not part of the harness');
			},
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			logAiEvent: () => {},
			startRunnerTask: async () => {
				throw new Error('Task runners are not part of the harness');
			},
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	private resultOf(run: IRun): NodeRunResult {
		const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
		const outputs = (taskData?.data?.main ?? []).map((output) => output ?? []);
		return {
			items: outputs[0] ?? [],
			outputs,
			error: run.data.resultData.error,
			run,
		};
	}
}

/** As n8n's credential tester: a `responseCode` rule replaces the message for its status. */
function ruleMessage(
	rules: ICredentialTestRequest['rules'],
	error: ExecutionError | undefined,
): string | undefined {
	if (!error) return undefined;
	const status = Number((error as { httpCode?: unknown }).httpCode);
	for (const rule of rules ?? []) {
		if (rule.type === 'responseCode' && rule.properties.value === status) {
			return rule.properties.message;
		}
	}
	return error.message;
}

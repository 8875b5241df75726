import { spawnSync } from 'node:child_process';

import type { N8nClient } from '../e2e/support/n8n-client';
import { manualExamples, triggerExamples as allTriggerExamples } from '../e2e/support/examples';
import { outputOf, parseStoredExecution } from '../e2e/support/run-data';
import { finishedExecution, manualTriggerOf } from '../e2e/support/run-workflow';
import { control, requestsSeen } from '../e2e/support/sandbox-control';
import { waitFor } from '../test/support/wait-until';
import type { RunningSandbox } from '../sandbox/run-all';
import type { QueueN8n } from './n8n-process';
import type { PrivatePostgres } from './services';
import { burstWorkflows } from './workflows';

const triggerExamples = allTriggerExamples.filter((example) => !example.sharesEvent);

export interface QueueChecks {
	client: N8nClient;
	mainProcess: QueueN8n;
	/** Worker 3 starts only for the ERA check. */
	workers: QueueN8n[];
	sandbox: RunningSandbox;
	postgres: PrivatePostgres;
}

const BURST = Number(process.env.QUEUE_BURST ?? 200);
const ERA_RUNS = 30;
/** A polling trigger polls once a minute: arming takes up to a minute, the event up to another. */
const POLL_WAIT_MS = 150_000;

/** Runs every check, printing each result; returns the number that failed. */
export async function runChecks(checks: QueueChecks): Promise<number> {
	const steps: Array<[string, () => Promise<void>]> = [
		['every example gives its expected output on the workers', async () => await examples(checks)],
		[
			'every trigger fires once per event, and once more after main restarts',
			async () => await triggers(checks),
		],
		[
			`${BURST} executions at once against ATI and Bitrix24: no refusals, no failures`,
			async () => await burst(checks),
		],
		[
			'a wrong ERA password with 3 workers costs one failed login',
			async () => await eraWrongPassword(checks),
		],
		['no trigger ran twice for one event', async () => await triggersRanOnce(checks)],
		[
			'a Bitrix24 event posted twice at once (a retrying proxy) runs once',
			async () => await bitrix24DeliveredAgain(checks),
		],
	];
	let failures = 0;
	// QUEUE_ONLY=<part of a check's name> runs only the checks that match (while developing).
	const only = process.env.QUEUE_ONLY?.split('|');
	const chosen = only ? steps.filter(([name]) => only.some((part) => name.includes(part))) : steps;
	for (const [name, run] of chosen) {
		const started = Date.now();
		try {
			await run();
			console.log(`ok - ${name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
		} catch (error) {
			failures++;
			console.log(
				`not ok - ${name}\n  ${String(error instanceof Error ? error.stack : error).replace(/\n/g, '\n  ')}`,
			);
		}
	}
	console.log(`queue: ${chosen.length - failures} of ${chosen.length} checks passed`);
	return failures;
}

function assert(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

/** Straight from PostgreSQL: the executions of a workflow by status. */
function executionCounts(checks: QueueChecks, workflowId: string): Record<string, number> {
	const { host, port, user, database } = checks.postgres;
	const result = spawnSync(
		'psql',
		[
			'-h',
			host,
			'-p',
			String(port),
			'-U',
			user,
			'-d',
			database,
			'-At',
			'-F',
			' ',
			'-c',
			`SELECT status, count(*) FROM execution_entity WHERE "workflowId" = '${workflowId.replace(/'/g, '')}' GROUP BY status`,
		],
		{ encoding: 'utf8', env: { ...process.env, PGPASSWORD: 'trusted-locally' } },
	);
	if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
	return Object.fromEntries(
		result.stdout
			.trim()
			.split('\n')
			.filter((line) => line !== '')
			.map((line) => {
				const [status, count] = line.split(' ');
				return [status, Number(count)];
			}),
	);
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Which worker ran an execution, by the line each worker logs when it starts one. */
function workerOf(checks: QueueChecks, executionId: string): string | undefined {
	const line = new RegExp(`started execution ${executionId}\\b`, 'i');
	return checks.workers.find((worker) => line.test(worker.output()))?.name;
}

function startsPerWorker(checks: QueueChecks): Record<string, number> {
	return Object.fromEntries(
		checks.workers.map((worker) => [
			worker.name,
			(worker.output().match(/started execution/gi) ?? []).length,
		]),
	);
}

async function examples(checks: QueueChecks): Promise<void> {
	const { client } = checks;
	for (const example of manualExamples) {
		const { executionId } = await client.request<{ executionId: string }>(
			'POST',
			`/workflows/${example.workflowId}/run`,
			{ triggerToStartFrom: { name: manualTriggerOf(example.workflowId) } },
		);
		const stored = await finishedExecution(client, executionId, 120_000);
		const run = parseStoredExecution(stored.data);
		assert(
			stored.status === 'success',
			`${example.workflowId}: ${stored.status} ${run.resultData.error?.message ?? ''}`,
		);
		example.check(outputOf(run, example.outputNode));
		const worker = await waitFor(
			`the worker that ran ${example.workflowId}`,
			async () => workerOf(checks, executionId),
			10_000,
			250,
		);
		console.log(
			`  ${example.workflowId}: execution ${executionId} on ${worker}, output as expected`,
		);
	}
}

async function newExecutionOf(checks: QueueChecks, workflowId: string, before: number) {
	await waitFor(
		`an execution of ${workflowId}`,
		async () => (total(executionCounts(checks, workflowId)) > before ? true : undefined),
		POLL_WAIT_MS,
	);
}

async function latestOutput(checks: QueueChecks, workflowId: string, outputNode: string) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const page = await checks.client.request<{ results: Array<{ id: string; status: string }> }>(
		'GET',
		`/executions?filter=${filter}`,
	);
	const latest = page.results[0];
	const stored = await finishedExecution(checks.client, latest.id);
	return outputOf(parseStoredExecution(stored.data), outputNode);
}

/** Each trigger once for an event, then main restarts, then once more for a new event. */
async function triggers(checks: QueueChecks): Promise<void> {
	const { client } = checks;
	for (const example of triggerExamples) await control(example.simulator, 'DELETE', '/requests');
	for (const example of triggerExamples) await client.activate(example.workflowId);
	await Promise.all(
		triggerExamples.map(async (example) => await fireOnce(checks, example, 'first')),
	);

	await checks.mainProcess.stop();
	// While main is down ATI's carrier goes offline again: the trigger must not lose it.
	await control('ATI', 'POST', '/ati/contacts', { '123456.1': 'offline' });
	for (const example of triggerExamples) await control(example.simulator, 'DELETE', '/requests');
	await checks.mainProcess.start();
	await client.login();
	await Promise.all(
		triggerExamples.map(async (example) => await fireOnce(checks, example, 'after the restart')),
	);
}

async function fireOnce(
	checks: QueueChecks,
	example: (typeof triggerExamples)[number],
	when: string,
): Promise<void> {
	await waitFor(
		`${example.workflowId} to take its baseline`,
		async () => ((await example.armed()) ? true : undefined),
		POLL_WAIT_MS,
	);
	const before = total(executionCounts(checks, example.workflowId));
	await example.drive(checks.client);
	await newExecutionOf(checks, example.workflowId, before);
	example.check(await latestOutput(checks, example.workflowId, example.outputNode));
	console.log(`  ${example.workflowId}: fired ${when}`);
}

/**
 * Bitrix24 never sends an event twice, but a proxy in front of n8n may: a deal event the Event
 * Trigger took is posted to main again at once, within the trigger's repeat window (10 s), and
 * starts no second execution on the workers (the repeat key is kept in n8n's Redis in queue mode).
 */
async function bitrix24DeliveredAgain(checks: QueueChecks): Promise<void> {
	const example = allTriggerExamples.find((one) => one.workflowId === 'exB24DealEvent01');
	assert(example, 'the Bitrix24 deal event example is missing');
	const deliveries = async () =>
		(
			await control<{
				deliveries: Array<{ event: string; url: string; body: string; status: number | string }>;
			}>('BITRIX24', 'GET', '/bitrix24/events')
		).deliveries;
	// n8n 2.x deactivates in the background: an unbind still on its way would remove the binding
	// this activation finds already in place.
	await waitFor(
		`${example.workflowId}'s earlier deactivation to unbind its events`,
		async () => ((await example.armed()) ? undefined : true),
		60_000,
	);
	await checks.client.activate(example.workflowId);
	try {
		await waitFor(
			`${example.workflowId} to bind its events`,
			async () => ((await example.armed()) ? true : undefined),
			POLL_WAIT_MS,
		);
		const known = (await deliveries()).length;
		const before = total(executionCounts(checks, example.workflowId));
		await example.drive(checks.client);
		const delivery = await waitFor(
			'the deal event to be delivered',
			async () =>
				(await deliveries())
					.slice(known)
					.find((one) => one.event === 'ONCRMDEALADD' && one.status === 200),
			120_000,
			100,
		).catch(async (error: unknown) => {
			const seen = (await deliveries())
				.slice(known)
				.map(({ event, url, status }) => ({ event, url, status }));
			throw new Error(`${String(error)}; deliveries since: ${JSON.stringify(seen)}`);
		});
		const reply = await fetch(delivery.url, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: delivery.body,
		});
		await reply.arrayBuffer();
		assert(reply.status < 300, `the repeated delivery was answered ${reply.status}`);
		await newExecutionOf(checks, example.workflowId, before);
		// A second execution would be queued within a second or two: give a slow machine ten times that.
		await new Promise((resolve) => setTimeout(resolve, 20_000));
		const runs = total(executionCounts(checks, example.workflowId)) - before;
		assert(runs === 1, `${example.workflowId} ran ${runs} times for one delivery sent twice`);
	} finally {
		await checks.client.deactivate(example.workflowId);
	}
}

async function triggersRanOnce(checks: QueueChecks): Promise<void> {
	for (const example of triggerExamples) {
		const counts = executionCounts(checks, example.workflowId);
		await checks.client.deactivate(example.workflowId);
		const failed = counts.error ? ` (failed: ${await errorsOf(checks, example.workflowId)})` : '';
		assert(
			total(counts) === 2,
			`${example.workflowId} ran ${JSON.stringify(counts)} for 2 events${failed}`,
		);
	}
}

async function errorsOf(checks: QueueChecks, workflowId: string): Promise<string> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId, status: 'error' }));
	const page = await checks.client.request<{ results: Array<{ id: string }> }>(
		'GET',
		`/executions?filter=${filter}`,
	);
	const messages = await Promise.all(
		page.results.map(async ({ id }) => {
			const stored = await finishedExecution(checks.client, id);
			const { error } = parseStoredExecution(stored.data).resultData;
			return `${id}: ${error?.message ?? 'no message'} ${error?.description ?? ''}`.trim();
		}),
	);
	return messages.join('; ');
}

/**
 * Main serves a webhook once its workflow is active: until then a GET is "not registered", after
 * it "not registered for GET" (the workflow takes POST), which starts no execution.
 */
async function webhookReady(checks: QueueChecks, path: string): Promise<void> {
	const url = `${checks.mainProcess.instance.baseUrl}/webhook/${path}`;
	await waitFor(
		`main to serve the webhook ${path}`,
		async () => {
			const reply = await fetch(url);
			return /POST/.test(await reply.text()) ? true : undefined;
		},
		60_000,
		500,
	);
}

async function fire(checks: QueueChecks, path: string, times: number): Promise<void> {
	await webhookReady(checks, path);
	const url = `${checks.mainProcess.instance.baseUrl}/webhook/${path}`;
	const replies = await Promise.all(
		Array.from({ length: times }, async () => {
			const reply = await fetch(url, {
				method: 'POST',
				body: '{}',
				headers: { 'content-type': 'application/json' },
			});
			await reply.arrayBuffer();
			return reply.status;
		}),
	);
	const refused = replies.filter((status) => status !== 200);
	assert(refused.length === 0, `n8n answered ${refused.length} webhook calls with ${refused[0]}`);
}

async function allFinished(
	checks: QueueChecks,
	workflowId: string,
	count: number,
	timeoutMs: number,
) {
	return await waitFor(
		`${count} executions of ${workflowId} to finish`,
		async () => {
			const counts = executionCounts(checks, workflowId);
			const done = total(counts) - (counts.new ?? 0) - (counts.running ?? 0);
			return done >= count ? counts : undefined;
		},
		timeoutMs,
	);
}

async function burst(checks: QueueChecks): Promise<void> {
	const { client } = checks;
	await client.activate(burstWorkflows.ati.id);
	await client.activate(burstWorkflows.bitrix24.id);
	await control('BITRIX24', 'POST', '/bitrix24/limit', { perSecond: 5, burst: 250 });
	await control('ATI', 'DELETE', '/requests');
	await control('BITRIX24', 'DELETE', '/requests');
	const before = startsPerWorker(checks);
	const started = Date.now();
	await Promise.all([
		fire(checks, burstWorkflows.ati.path, BURST),
		fire(checks, burstWorkflows.bitrix24.path, BURST),
	]);
	const ati = await allFinished(checks, burstWorkflows.ati.id, BURST, 300_000);
	const bitrix24 = await allFinished(checks, burstWorkflows.bitrix24.id, BURST, 300_000);
	const seconds = ((Date.now() - started) / 1000).toFixed(0);
	const atiRequests = await requestsSeen('ATI');
	const bitrixRequests = (await requestsSeen('BITRIX24')).filter((request) =>
		request.path.startsWith('/rest/'),
	);
	const after = startsPerWorker(checks);
	const perWorker = Object.fromEntries(
		Object.entries(after).map(([name, count]) => [name, count - (before[name] ?? 0)]),
	);
	console.log(
		`  ${2 * BURST} executions in ${seconds} s; ATI saw ${atiRequests.length} requests (${atiRequests.filter((r) => r.status === 429).length} refused), Bitrix24 ${bitrixRequests.length} (${bitrixRequests.filter((r) => r.status === 503).length} refused); executions per worker ${JSON.stringify(perWorker)}`,
	);
	await client.deactivate(burstWorkflows.ati.id);
	await client.deactivate(burstWorkflows.bitrix24.id);
	assert(ati.success === BURST, `ATI executions: ${JSON.stringify(ati)}`);
	assert(bitrix24.success === BURST, `Bitrix24 executions: ${JSON.stringify(bitrix24)}`);
	assert(
		atiRequests.every((request) => request.status !== 429),
		'ATI refused requests (429)',
	);
	assert(
		bitrixRequests.every((request) => request.status !== 503),
		'Bitrix24 refused requests (503)',
	);
	assert(
		Object.values(perWorker).filter((count) => count > 0).length >= 2,
		'both workers ran executions',
	);
}

async function eraWrongPassword(checks: QueueChecks): Promise<void> {
	const third = checks.workers[2];
	await third.start();
	await checks.client.activate(burstWorkflows.era.id);
	await control('ERA', 'DELETE', '/requests');
	const before = startsPerWorker(checks);
	await fire(checks, burstWorkflows.era.path, ERA_RUNS);
	const counts = await allFinished(checks, burstWorkflows.era.id, ERA_RUNS, 180_000);
	await checks.client.deactivate(burstWorkflows.era.id);
	const after = startsPerWorker(checks);
	const perWorker = Object.fromEntries(
		Object.entries(after).map(([name, count]) => [name, count - (before[name] ?? 0)]),
	);
	const logins = (await requestsSeen('ERA')).filter(
		(request) => request.method === 'POST' && request.path === '/rest/v1/iam/sessions',
	);
	console.log(
		`  ${ERA_RUNS} executions (${JSON.stringify(counts)}) on ${JSON.stringify(perWorker)}: ERA saw ${logins.length} login(s)`,
	);
	assert(
		Object.values(perWorker).filter((count) => count > 0).length === 3,
		'all 3 workers ran executions',
	);
	assert(logins.length === 1, `ERA saw ${logins.length} failed logins, expected 1`);
	assert(
		(counts.error ?? 0) === ERA_RUNS,
		`every run fails with the login error: ${JSON.stringify(counts)}`,
	);
}

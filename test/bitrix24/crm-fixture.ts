import type { IDataObject, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import { parsePhpQuery } from '../../sandbox/bitrix24/php-params';
import type { Bitrix24Fixture } from './bitrix24-fixture';

/** A resource mapper value with these columns, as the editor saves it. */
export const mapped = (value: IDataObject) =>
	({ mappingMode: 'defineBelow', value }) as unknown as NodeParameterValueType;

/** A record picked By ID. */
export const byId = (id: string | number) => ({ __rl: true, mode: 'id', value: String(id) });

/** Runs one operation of a Bitrix24 resource with the webhook credential. */
export function crmRunner(b24: Bitrix24Fixture) {
	return (
		resource: string,
		operation: string,
		parameters: INodeParameters,
		input: IDataObject[] = [{}],
		continueOnFail = false,
	) =>
		b24.harness.runNode(
			b24.node({ resource, operation, ...parameters }, 'webhook', continueOnFail),
			input,
		);
}

/** A PHP-parsed value with its lists ({0: a, 1: b}) as arrays. */
export function plain(value: unknown): unknown {
	if (!value || typeof value !== 'object') return value;
	const entries = Object.entries(value as IDataObject);
	if (entries.length > 0 && entries.every(([key], index) => key === String(index))) {
		return entries.map(([, entry]) => plain(entry));
	}
	return Object.fromEntries(entries.map(([key, entry]) => [key, plain(entry)]));
}

/**
 * The `fields` the last batch request sent to `method`, read back with the simulator's own PHP
 * query parser (undefined when that batch held no such command).
 */
export function sentFields(b24: Bitrix24Fixture, method: string): IDataObject | undefined {
	const body = JSON.parse(b24.restCalls().at(-1)?.body ?? '{}') as { cmd?: Record<string, string> };
	const command = Object.values(body.cmd ?? {}).find((cmd) => cmd.startsWith(`${method}?`));
	if (command === undefined) return undefined;
	return plain(parsePhpQuery(command.slice(method.length + 1)).fields) as IDataObject;
}

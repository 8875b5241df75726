import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { Auth, Bitrix24Fixture } from './bitrix24-fixture';

export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

/** Runs one operation of the Bitrix24 node over the input items (JSON, or whole items). */
export function workRunner(b24: Bitrix24Fixture) {
	return (
		resource: string,
		operation: string,
		parameters: INodeParameters,
		input: IDataObject[] | INodeExecutionData[] = [{}],
		options: { auth?: Auth; continueOnFail?: boolean } = {},
	) => {
		const node = b24.node(
			{ resource, operation, ...parameters },
			options.auth ?? 'webhook',
			options.continueOnFail ?? false,
		);
		const whole = input.length > 0 && 'json' in (input[0] as object);
		return whole
			? b24.harness.runNodeOnItems(node, input as INodeExecutionData[])
			: b24.harness.runNode(node, input as IDataObject[]);
	};
}

/** The REST methods the simulator was asked for, in order (`batch` for a batch request). */
export function methodsCalled(b24: Bitrix24Fixture): string[] {
	return b24.restCalls().map((request) => request.path.replace(/^.*\//, '').replace(/\.json$/, ''));
}

/** The commands inside the batch requests the simulator received. */
export function batchedCommands(b24: Bitrix24Fixture): string[] {
	return b24
		.restCalls()
		.filter((request) => request.path.endsWith('/batch.json'))
		.flatMap((request) =>
			Object.values((JSON.parse(request.body) as { cmd: Record<string, string> }).cmd),
		)
		.map((command) => command.split('?')[0]);
}

export const binaryItem = (name: string, bytes: Buffer, mimeType = 'application/octet-stream') => ({
	json: {},
	binary: { data: { data: bytes.toString('base64'), mimeType, fileName: name } },
});

export const bytesOf = (item: INodeExecutionData, property = 'data') =>
	Buffer.from(String(item.binary?.[property]?.data), 'base64');

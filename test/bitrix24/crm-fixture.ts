import type { IDataObject, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

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

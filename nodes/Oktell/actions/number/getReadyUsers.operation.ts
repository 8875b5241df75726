import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiError } from '../../../shared/errors/node-errors';
import { quoteStart } from '../../../shared/http/reply-body';
import { runPerItem } from '../../../shared/execution/per-item';
import { rawOutputProperty, wantsRawOutput } from '../../helpers/raw-output';
import { requestLimits, requestOptions } from '../../helpers/request-options';
import { requiredText } from '../../helpers/required-text';
import { typedValue } from '../../helpers/typed-value';
import { oktellXml } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Number',
		name: 'number',
		type: 'string',
		default: '',
		required: true,
		placeholder: '120',
		description: 'An internal standard number (a group of users)',
	},
	rawOutputProperty,
	requestOptions(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['number'], operation: ['getReadyUsers'] } },
	properties,
);

type Node = Record<string, unknown>;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const number = requiredText(
			this,
			itemIndex,
			'number',
			'number',
			'Enter an internal number such as 120.',
		);
		const { text, xml } = await oktellXml(this, {
			command: 'tst_getintnumberreadyusers',
			qs: { number },
			idempotent: true,
			itemIndex,
			...requestLimits(this, itemIndex),
		});
		if (wantsRawOutput(this, itemIndex)) return { xml: text };
		const group = xml.group as Node | undefined;
		if (!group || typeof group !== 'object') {
			throw apiError(this.getNode(), {
				message: `Oktell sent no <group> for number ${number}: ${quoteStart(text)}`,
				description: 'Check that the number is an internal standard number.',
				itemIndex,
			});
		}
		const elements = (group.element as Node[] | undefined) ?? [];
		const count = (value: unknown) => (typeof value === 'string' ? typedValue(value) : 0);
		return {
			number: typeof group['@_name'] === 'string' ? group['@_name'] : number,
			ready: count(group['@_ready']),
			busy: count(group['@_busy']),
			readyUsers: elements.map((element) => String(element['@_name'])),
		};
	});
}

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { apiError } from '../../../shared/errors/node-errors';
import { runPerItem } from '../../../shared/execution/per-item';
import { quoteStart } from '../../../shared/http/reply-body';
import { requiredText } from '../../helpers/required-text';
import { rawOutputProperty, wantsRawOutput } from '../parameters/raw-output';
import { requestLimits, requestOptions } from '../parameters/request-options';
import { OKTELL_CONCURRENCY, oktellXml } from '../../transport';
import { typedValue } from '../../transport/typed-value';

export const option = {
	name: 'Get Ready Users',
	value: 'getReadyUsers',
	description:
		'Count the free and busy users of an internal number and list the free ones (tst_getintnumberreadyusers)',
	action: 'Get the ready users of a number',
};

export const properties: INodeProperties[] = [
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

type Node = Record<string, unknown>;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
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
				effect: 'read',
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
		},
		{ concurrency: OKTELL_CONCURRENCY },
	);
}

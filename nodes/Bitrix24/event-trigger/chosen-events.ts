import type {
	IHookFunctions,
	INodeProperties,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { EVENT_OPTIONS, eventNameOf, OTHER_EVENT } from './event-names';

/** The Events list and the Other Events field of both event triggers, read by `chosenEvents`. */
export const eventChoiceProperties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_OPTIONS,
		default: [],
		required: true,
		description: 'The Bitrix24 events that start the workflow',
	},
	{
		displayName: 'Other Events',
		name: 'otherEvents',
		type: 'string',
		default: '',
		placeholder: 'ONCRMINVOICEADD, ONUSERADD',
		description: 'Bitrix24 event names, separated by commas',
		displayOptions: { show: { events: [OTHER_EVENT] } },
	},
];

type ParameterSource = IHookFunctions | IWebhookFunctions | IPollFunctions;

/** The events the user chose in the list and typed under Other, checked and without repeats. */
export function chosenEvents(context: ParameterSource): string[] {
	const chosen = (context.getNodeParameter('events', []) as string[]).filter(
		(event) => event !== OTHER_EVENT,
	);
	const others = String(context.getNodeParameter('otherEvents', '') ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	const wrong = others.filter((name) => !eventNameOf(name));
	if (wrong.length > 0) {
		throw new NodeOperationError(context.getNode(), `"${wrong[0]}" is not a Bitrix24 event name`, {
			description:
				'Event names hold only letters, digits and underscores, such as ONCRMINVOICEADD; separate several with commas.',
		});
	}
	const named = [...chosen, ...others].map((name) => eventNameOf(name) as string);
	if (named.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Choose at least one event', {
			description: 'Pick events in the Events list, or choose Other and type their names.',
		});
	}
	return [...new Set(named)];
}

import type { IDataObject } from 'n8n-workflow';

import { isPlainObject } from '../../shared/http/reply-shape';

/**
 * What a hook call is about, by its `message_type`. The numbers are those of the vendor's bots
 * (1C-Connect/1cconnect-example-bot and 1cconnect-text-bot, messages/text.go); the wiki pages
 * list none.
 */
/** The message type of a client's file (type 70 in the wiki's list of message types). */
export const FILE_MESSAGE_TYPE = 70;

const EVENT_OF_TYPE: Record<number, { event: string; detail?: IDataObject }> = {
	1: { event: 'message', detail: { kind: 'text' } },
	[FILE_MESSAGE_TYPE]: { event: 'message', detail: { kind: 'file' } },
	20: { event: 'call', detail: { withTreatment: true } },
	21: { event: 'call', detail: { withTreatment: false } },
	80: { event: 'treatmentStarted', detail: { startedBy: 'client' } },
	81: { event: 'specialistAssigned', detail: { startedBy: 'specialist' } },
	82: { event: 'treatmentClosed' },
	83: { event: 'noFreeSpecialists' },
	89: { event: 'transferredToLine' },
	90: { event: 'treatmentClosed', detail: { closedWhileActive: true } },
	200: { event: 'transferredToBot' },
};

export const EVENT_OPTIONS = [
	{ name: 'Client Message', value: 'message', description: 'Text, a pressed button or a file' },
	{
		name: 'Treatment Started',
		value: 'treatmentStarted',
		description: 'A client opened a treatment',
	},
	{
		name: 'Specialist Assigned',
		value: 'specialistAssigned',
		description: 'A specialist took the treatment',
	},
	{ name: 'Treatment Closed', value: 'treatmentClosed' },
	{
		name: 'Transferred to Bot',
		value: 'transferredToBot',
		description: 'A specialist handed the client to the bot',
	},
	{
		name: 'Transferred to Another Line',
		value: 'transferredToLine',
		description: 'The treatment moved to another service line',
	},
	{
		name: 'No Free Specialists',
		value: 'noFreeSpecialists',
		description: 'No specialist of the line was free to take the treatment',
	},
	{ name: 'Call', value: 'call', description: 'A call started in the line' },
	{ name: 'Other', value: 'other', description: 'Any other message type 1C-Connect sends' },
];

/** A hook call body: the fields every call carries, or why it is not one. */
export function readHookCall(body: unknown): IDataObject | string {
	if (!isPlainObject(body)) return 'the body is not a JSON object';
	const call = body;
	for (const field of ['line_id', 'user_id']) {
		if (typeof call[field] !== 'string' || call[field] === '') return `${field} is missing`;
	}
	if (typeof call.message_type !== 'number') return 'message_type is missing';
	return call;
}

export function eventOf(call: IDataObject): string {
	return EVENT_OF_TYPE[call.message_type as number]?.event ?? 'other';
}

/**
 * A message written by someone other than the client: the vendor's example bot answers only
 * messages whose author is absent or is the client, so a bot never answers itself.
 */
export function isFromSpecialistOrBot(call: IDataObject): boolean {
	return (
		eventOf(call) === 'message' &&
		typeof call.author_id === 'string' &&
		call.author_id !== '' &&
		call.author_id !== call.user_id
	);
}

/** The item: plain field names, the vendor's own fields kept as sent under `raw`. */
export function itemOf(call: IDataObject): IDataObject {
	const data = isPlainObject(call.data) ? call.data : {};
	const known = EVENT_OF_TYPE[call.message_type as number];
	return {
		event: eventOf(call),
		...(known?.detail ?? {}),
		lineId: call.line_id,
		userId: call.user_id,
		messageId: call.message_id ?? null,
		messageType: call.message_type,
		authorId: call.author_id ?? null,
		fromClient: !isFromSpecialistOrBot(call),
		text: typeof call.text === 'string' ? call.text : '',
		messageTime: call.message_time ?? null,
		...(typeof data.redirect === 'string' && data.redirect !== ''
			? { redirect: data.redirect }
			: {}),
		...transferOf(data),
		raw: call,
	};
}

/**
 * A treatment's move between lines, as the wiki's hook message `data` describes it (page
 * 1487241255): `direction` from / to / to_fran / to_vendor, with the other line, treatment or
 * company.
 */
function transferOf(data: IDataObject): IDataObject {
	if (typeof data.direction !== 'string' || data.direction === '') return {};
	const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
	return {
		transfer: {
			direction: data.direction,
			lineId: text(data.line_id),
			treatmentId: text(data.treatment_id),
			companyId: text(data.company_id),
		},
	};
}

import type { IDataObject } from 'n8n-workflow';

import { isPlainObject } from '../../shared/http/reply-shape';

// A delivery: {topic, entities: [{entity_id, action_date, entity}], is_retry}; a deleted load
// (or invitation) comes with `entity: null` (ati.su/developers/api/webhooks/topics/cargoes).

export const ATI_TOPICS = [
	{ name: 'Loads (Cargoes)', value: 'cargoes', description: "Changes of the firm's own loads" },
	{
		name: 'Loads on Boards',
		value: 'cargoes.on_boards',
		description: "Other firms' loads on the personal boards the firm can see",
	},
	{ name: 'Orders', value: 'orders', description: 'Orders (заказы) the firm takes part in' },
	{
		name: 'Personal Invitations',
		value: 'orders.invites',
		description: 'Invitations to take a load as an order',
	},
];

export interface AtiEvent extends IDataObject {
	event: 'changed' | 'deleted';
	topic: string;
	entity_id: string;
	action_date: string | null;
	entity: IDataObject | null;
}

/** The events of a delivery, or undefined when the body is not one. */
export function eventsOf(body: unknown): AtiEvent[] | undefined {
	if (!isPlainObject(body) || typeof body.topic !== 'string' || !Array.isArray(body.entities)) {
		return undefined;
	}
	const topic = body.topic;
	return body.entities.filter(isPlainObject).flatMap((entry) => {
		if (typeof entry.entity_id !== 'string' && typeof entry.entity_id !== 'number') return [];
		const entity = isPlainObject(entry.entity) ? entry.entity : null;
		return [
			{
				event: entity === null ? 'deleted' : 'changed',
				topic,
				entity_id: String(entry.entity_id),
				action_date: typeof entry.action_date === 'string' ? entry.action_date : null,
				entity,
			} satisfies AtiEvent,
		];
	});
}

/** One event is one entity at one moment: what a repeat of the delivery repeats. */
export function repeatKeyOf(hookId: string, event: AtiEvent): string {
	return [
		hookId,
		event.topic,
		event.entity_id,
		event.action_date ?? JSON.stringify(event.entity),
	].join('|');
}

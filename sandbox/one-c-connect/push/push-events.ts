import { randomUUID } from 'node:crypto';

/** Message types the vendor's bots know (example bot and text bot, messages/text.go). */
export const MESSAGE_TYPE = {
	text: 1,
	file: 70,
	treatmentStartedByUser: 80,
	treatmentStartedBySpecialist: 81,
	treatmentClosed: 82,
	reroutedToOtherLine: 89,
} as const;

/** One hook call body, in the shape of the example bot's `Message`. */
export interface HookEvent {
	line_id: string;
	user_id: string;
	message_id: string;
	message_type: number;
	author_id: string | null;
	message_time: string;
	text: string;
	data?: Record<string, unknown>;
}

export function hookEvent(
	fields: Pick<HookEvent, 'line_id' | 'user_id' | 'message_type' | 'author_id'> &
		Partial<Pick<HookEvent, 'text' | 'data'>>,
	now: number,
): HookEvent {
	return {
		line_id: fields.line_id,
		user_id: fields.user_id,
		message_id: randomUUID(),
		message_type: fields.message_type,
		author_id: fields.author_id,
		message_time: new Date(now).toISOString(),
		text: fields.text ?? '',
		...(fields.data ? { data: fields.data } : {}),
	};
}

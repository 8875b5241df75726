// Chats and notifications as b24restdocs describes them: api-reference/chats/messages/im-message-add.md,
// api-reference/chats/notifications/im-notify-personal-add.md and im-notify-system-add.md,
// api-reference/chats/im-chat-add.md, api-reference/chats/search/im-search-chat-list.md.
import { MethodError } from '../bitrix-errors';
import type { MethodContext, MethodResult } from '../methods';
import { listOf } from '../php-params';

/** ATTACH may be an object or a JSON string; 60,000 characters at most. */
const MAX_ATTACH_CHARS = 60_000;

function attachOf(value: unknown, code = 'ATTACH'): unknown {
	if (value === undefined || value === null || value === '') return undefined;
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	if (text.length > MAX_ATTACH_CHARS) {
		throw new MethodError(
			400,
			`${code}_OVERSIZE`,
			'You have exceeded the maximum allowable size of attach',
		);
	}
	try {
		const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
		if (parsed && typeof parsed === 'object') return parsed;
	} catch {
		// falls through to the error
	}
	throw new MethodError(400, `${code}_ERROR`, `Incorrect ${code.toLowerCase()} params`);
}

function keyboardOf(value: unknown): unknown {
	if (value === undefined || value === null || value === '') return undefined;
	try {
		const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
		if (parsed && typeof parsed === 'object') return parsed;
	} catch {
		// falls through to the error
	}
	throw new MethodError(400, 'KEYBOARD_ERROR', 'Incorrect keyboard params');
}

function messageAdd({ params, caller, portal }: MethodContext): MethodResult {
	const dialogId = String(params.DIALOG_ID ?? '').trim();
	const text = String(params.MESSAGE ?? '').trim();
	const attach = attachOf(params.ATTACH);
	const keyboard = keyboardOf(params.KEYBOARD);
	if (text === '' && attach === undefined) {
		throw new MethodError(400, 'MESSAGE_EMPTY', "Message can't be empty");
	}
	const chat = /^chat(\d+)$/.exec(dialogId);
	if (chat) {
		const found = portal.work.chats.find((candidate) => candidate.id === Number(chat[1]));
		if (!found) throw new MethodError(400, 'CHAT_ID', 'Error creating message');
		if (!found.users.includes(caller.userId)) {
			throw new MethodError(400, 'ACCESS_ERROR', 'Action unavailable');
		}
	} else {
		if (!/^\d+$/.test(dialogId) || Number(dialogId) <= 0) {
			throw new MethodError(400, 'USER_ID_EMPTY', "User ID can't be empty");
		}
		if (!portal.users.some((user) => String(user.ID) === dialogId)) {
			throw new MethodError(400, 'USER_NOT_FOUND', 'User not found');
		}
	}
	const id = portal.work.nextId();
	portal.work.messages.push({
		id,
		dialogId,
		authorId: caller.userId,
		text,
		attach,
		keyboard,
		system: params.SYSTEM === 'Y',
	});
	return { result: id };
}

function notifyAdd(kind: 'personal' | 'system') {
	return ({ params, caller, portal }: MethodContext): MethodResult => {
		const userId = Number(params.USER_ID ?? 0);
		const text = String(params.MESSAGE ?? '').trim();
		if (!(userId > 0)) throw new MethodError(400, 'USER_ID_EMPTY', "User ID can't be empty");
		if (text === '') throw new MethodError(400, 'MESSAGE_EMPTY', "Message can't be empty");
		attachOf(params.ATTACH);
		const id = portal.work.nextId();
		const tag = params.TAG === undefined ? undefined : String(params.TAG);
		if (tag !== undefined) {
			portal.work.notifications = portal.work.notifications.filter((note) => note.tag !== tag);
		}
		portal.work.notifications.push({
			id,
			kind,
			userId,
			fromUserId: caller.userId,
			text,
			tag,
		});
		return { result: id };
	};
}

function chatAdd({ params, caller, portal }: MethodContext): MethodResult {
	const users = [
		caller.userId,
		...listOf(params.USERS)
			.map(Number)
			.filter((id) => id !== caller.userId),
	];
	const id = portal.work.nextId();
	const title = String(params.TITLE ?? '').trim() || `Чат №${id}`;
	portal.work.chats.push({
		id,
		title,
		type: params.TYPE === 'OPEN' ? 'OPEN' : 'CHAT',
		users,
		owner: caller.userId,
		description: String(params.DESCRIPTION ?? ''),
	});
	const first = String(params.MESSAGE ?? '').trim();
	if (first !== '') {
		portal.work.messages.push({
			id: portal.work.nextId(),
			dialogId: `chat${id}`,
			authorId: caller.userId,
			text: first,
			system: false,
		});
	}
	return { result: id };
}

function searchChats({ params, caller, portal }: MethodContext): MethodResult {
	const find = String(params.FIND ?? '').trim();
	if (find.length < 2) throw new MethodError(400, 'FIND_SHORT', 'Too short a search string');
	const limit = Math.min(50, Number(params.LIMIT ?? 10) || 10);
	const offset = Number(params.OFFSET ?? 0) || 0;
	const found = portal.work.chats
		.filter((chat) => chat.users.includes(caller.userId))
		.filter((chat) => chat.title.toLowerCase().includes(find.toLowerCase()))
		.sort((a, b) => b.id - a.id);
	return {
		result: found.slice(offset, offset + limit).map((chat) => ({
			id: chat.id,
			name: chat.title,
			description: chat.description,
			owner: chat.owner,
			type: chat.type === 'OPEN' ? 'open' : 'chat',
			user_counter: chat.users.length,
		})),
		total: found.length,
	};
}

export const IM_METHODS = {
	'im.message.add': messageAdd,
	'im.notify.personal.add': notifyAdd('personal'),
	'im.notify.system.add': notifyAdd('system'),
	'im.chat.add': chatAdd,
	'im.search.chat.list': searchChats,
};

import { randomBytes } from 'node:crypto';

import { nowStamp } from '../crm/store';

export interface ChatRecord {
	id: number;
	title: string;
	type: string;
	users: number[];
	owner: number;
	description: string;
}

export interface MessageRecord {
	id: number;
	/** `chat12`, or a user's ID for a personal dialog. */
	dialogId: string;
	authorId: number;
	text: string;
	attach?: unknown;
	keyboard?: unknown;
	system: boolean;
}

export interface NotificationRecord {
	id: number;
	kind: 'personal' | 'system';
	userId: number;
	fromUserId: number;
	text: string;
	tag?: string;
}

export interface DriveObject {
	ID: string;
	NAME: string;
	TYPE: 'folder' | 'file';
	STORAGE_ID: string;
	PARENT_ID: string | null;
	CREATE_TIME: string;
	CREATED_BY: string;
	content?: Buffer;
	/** The signed part of the download link. */
	token?: string;
}

export interface Storage {
	ID: string;
	NAME: string;
	CODE: string | null;
	MODULE_ID: string;
	ENTITY_TYPE: string;
	ENTITY_ID: string;
	ROOT_OBJECT_ID: string;
}

export interface ExternalCall {
	CALL_ID: string;
	userId: number;
	phone: string;
	type: number;
	externalId: string;
	startedAt: string;
	crmEntityType: string | null;
	crmEntityId: number | null;
	finished?: Record<string, unknown>;
	record?: { name: string; content: Buffer; fileId: number };
}

/** What an upload address given without the file's content saves the file as. */
export type PendingUpload =
	| { kind: 'disk'; folderId: string; unique: boolean; userId: number }
	| { kind: 'telephony'; callId: string; name: string };

const UPLOADED_FOLDER = 'Загруженные файлы';

/** Chats, Drive, task work and external calls of the simulated portal. */
export class WorkState {
	chats: ChatRecord[] = [];
	messages: MessageRecord[] = [];
	notifications: NotificationRecord[] = [];
	storages: Storage[] = [];
	drive: DriveObject[] = [];
	comments: Array<Record<string, unknown>> = [];
	checklist: Array<Record<string, unknown>> = [];
	elapsed: Array<Record<string, unknown>> = [];
	calls: ExternalCall[] = [];
	/** Upload addresses given by disk.folder.uploadfile without fileContent, by their token. */
	readonly uploads = new Map<string, PendingUpload>();
	/** The keys a webhook's download links carry, by user. */
	readonly downloadKeys = new Set<string>();
	private sequence = 100;

	constructor() {
		this.reset();
	}

	nextId(): number {
		return ++this.sequence;
	}

	newToken(): string {
		return randomBytes(12).toString('hex');
	}

	downloadKey(userId: number): string {
		const key = `wh${userId}${this.newToken()}`;
		this.downloadKeys.add(key);
		return key;
	}

	/**
	 * A file a method saved on Drive itself (a timeline comment's `FILES`), in the user's folder
	 * for uploaded files (api-reference/files/how-to-upload-files.md: "Bitrix24 places the file on
	 * Drive in a system folder for REST files"), made when first needed.
	 */
	saveUploaded(userId: number, name: string, content: Buffer): DriveObject {
		let folder = this.drive.find((object) => object.NAME === UPLOADED_FOLDER);
		if (!folder) {
			folder = {
				ID: String(this.nextId()),
				NAME: UPLOADED_FOLDER,
				TYPE: 'folder',
				STORAGE_ID: '1',
				PARENT_ID: '10',
				CREATE_TIME: nowStamp(),
				CREATED_BY: String(userId),
			};
			this.drive.push(folder);
		}
		const file: DriveObject = {
			ID: String(this.nextId()),
			NAME: name,
			TYPE: 'file',
			STORAGE_ID: folder.STORAGE_ID,
			PARENT_ID: folder.ID,
			CREATE_TIME: nowStamp(),
			CREATED_BY: String(userId),
			content,
			token: this.newToken(),
		};
		this.drive.push(file);
		return file;
	}

	reset(): void {
		this.sequence = 100;
		this.downloadKeys.clear();
		this.uploads.clear();
		this.chats = [
			{
				id: 7,
				title: 'Отдел продаж',
				type: 'CHAT',
				users: [1, 15, 27],
				owner: 1,
				description: 'Команда продаж',
			},
		];
		this.messages = [];
		this.notifications = [];
		this.storages = [
			{
				ID: '1',
				NAME: 'Анна Смирнова',
				CODE: null,
				MODULE_ID: 'disk',
				ENTITY_TYPE: 'user',
				ENTITY_ID: '1',
				ROOT_OBJECT_ID: '10',
			},
			{
				ID: '2',
				NAME: 'Общий диск',
				CODE: 'shared_files_s1',
				MODULE_ID: 'disk',
				ENTITY_TYPE: 'common',
				ENTITY_ID: 'shared_files_s1',
				ROOT_OBJECT_ID: '20',
			},
		];
		const folder = (ID: string, NAME: string, STORAGE_ID: string, PARENT_ID: string | null) => ({
			ID,
			NAME,
			TYPE: 'folder' as const,
			STORAGE_ID,
			PARENT_ID,
			CREATE_TIME: nowStamp(),
			CREATED_BY: '1',
		});
		this.drive = [
			folder('10', 'Анна Смирнова', '1', null),
			folder('20', 'Общий диск', '2', null),
			folder('21', 'Договоры', '2', '20'),
			folder('22', 'Записи звонков', '2', '20'),
		];
		this.comments = [];
		this.checklist = [];
		this.elapsed = [];
		this.calls = [];
	}
}

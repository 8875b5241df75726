export const WORK_DIR = 'C:\\Oktell';
export const AREAS = {
	temp: `${WORK_DIR}\\Temp\\UploadData`,
	storage: `${WORK_DIR}\\LocalStorage`,
	storageshared: `${WORK_DIR}\\LocalStorage\\Shared`,
} as const;

export interface StoredFile {
	path: string;
	bytes: Buffer;
}

const WAV = Buffer.concat([
	Buffer.from('RIFF'),
	Buffer.alloc(4),
	Buffer.from('WAVEfmt '),
	Buffer.alloc(20),
]);
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** Records, faxes, voicemail and the file storage, by absolute Windows-style path. */
export class FileStore {
	files = new Map<string, StoredFile>();
	records = new Map<string, string>();
	faxes = new Map<string, string>();
	voicemail = new Map<string, string>();
	/** downloadrecordbylink codes → record id. */
	recordLinks = new Map<string, string>();
	avatars = new Map<string, string>();

	constructor() {
		this.reset();
	}

	reset(): void {
		this.files.clear();
		this.put(`${WORK_DIR}\\Records\\rec-2024-001.wav`, WAV);
		this.put(`${WORK_DIR}\\Fax\\fax-17.tif`, Buffer.from('II*\u0000fax page'));
		this.put(`${WORK_DIR}\\Voicemail\\vm-5.wav`, WAV);
		this.put(`${AREAS.storageshared}\\123.jpg`, Buffer.from('ffd8ffe000104a464946', 'hex'));
		this.put(`${AREAS.storage}\\Отчёт.txt`, Buffer.from('Отчёт за день', 'utf8'));
		this.put(`${AREAS.temp}\\note.txt`, Buffer.from('temporary note', 'utf8'));
		this.put(`${AREAS.storage}\\Avatars\\da803f01-ea77-40fa-bc9d-e2efb36fd5a8.png`, PNG);
		this.records = new Map([['ABC', `${WORK_DIR}\\Records\\rec-2024-001.wav`]]);
		this.faxes = new Map([['ABC', `${WORK_DIR}\\Fax\\fax-17.tif`]]);
		this.voicemail = new Map([['5', `${WORK_DIR}\\Voicemail\\vm-5.wav`]]);
		this.recordLinks = new Map([['ABCDEFGH', 'ABC']]);
		this.avatars = new Map([
			[
				'da803f01-ea77-40fa-bc9d-e2efb36fd5a8',
				`${AREAS.storage}\\Avatars\\da803f01-ea77-40fa-bc9d-e2efb36fd5a8.png`,
			],
		]);
	}

	put(path: string, bytes: Buffer): StoredFile {
		const file = { path, bytes };
		this.files.set(path.toLowerCase(), file);
		return file;
	}

	/** An absolute path, or one relative to the work directory, the storage or its open folder. */
	find(path: string, roots: string[] = [WORK_DIR, AREAS.storage, AREAS.storageshared]) {
		const clean = path.replace(/\//g, '\\').replace(/^\\+/, '');
		if (/^[a-z]:\\/i.test(clean)) return this.files.get(clean.toLowerCase());
		for (const root of roots) {
			const found = this.files.get(`${root}\\${clean}`.toLowerCase());
			if (found) return found;
		}
		return undefined;
	}

	byId(map: Map<string, string>, id: string): StoredFile | undefined {
		const path = map.get(id);
		return path === undefined ? undefined : this.files.get(path.toLowerCase());
	}

	/** Whether the file may be downloaded directly (AllowDownloadFilesDirectlyOnlyFromTemp). */
	static inOpenZone(file: StoredFile): boolean {
		const path = file.path.toLowerCase();
		return (
			path.startsWith(`${WORK_DIR}\\Temp\\`.toLowerCase()) ||
			path.startsWith(AREAS.storage.toLowerCase())
		);
	}

	static isShared(file: StoredFile): boolean {
		const path = file.path.toLowerCase();
		return (
			path.startsWith(AREAS.storageshared.toLowerCase()) ||
			path.startsWith(AREAS.temp.toLowerCase())
		);
	}
}

const MIME: Record<string, string> = {
	wav: 'audio/wav',
	mp3: 'audio/mpeg',
	tif: 'image/tiff',
	jpg: 'image/jpeg',
	png: 'image/png',
	txt: 'text/plain',
	pdf: 'application/pdf',
};

export function fileName(path: string): string {
	return path.split('\\').pop() ?? path;
}

/** A file reply: MIME type by extension; "attachment" unless attachment=0. */
export function fileResponse(file: StoredFile, attachment: string | null) {
	const name = fileName(file.path);
	const extension = name.split('.').pop()?.toLowerCase() ?? '';
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
	const disposition = attachment === '0' ? 'inline' : 'attachment';
	return {
		status: 200,
		headers: {
			'content-type': MIME[extension] ?? 'application/octet-stream',
			'content-disposition': `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
		},
		body: file.bytes,
	};
}

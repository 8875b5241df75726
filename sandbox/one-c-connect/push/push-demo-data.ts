/** The sandbox's service lines, specialists and clients (IDs in the vendor's UUID form). */
export const PUSH_PATH_PREFIX = '/push';

export interface PushLine {
	line_id: string;
	name: string;
	allow_bot: boolean;
}

export const PUSH_DEMO_LINES: PushLine[] = [
	{ line_id: '5f0ddfd1-6d9c-4e25-9bca-c7ff0fd83c44', name: 'Техподдержка', allow_bot: true },
	{ line_id: '7bd06004-2341-11e7-80e4-0025904f970f', name: 'Бухгалтерия', allow_bot: true },
	{ line_id: '2b477e8b-14aa-11e3-93b5-7054d21ab6ff', name: 'Продажи', allow_bot: false },
];

/** Specialists of every demo line; the first is online and takes treatments from appoint/start. */
export const PUSH_DEMO_SPECIALISTS = [
	'46e24c9e-762f-4be1-af57-ac3e910652fc',
	'8ca00ffd-1940-11e4-93f7-e839352bba69',
];

/** Clients who receive support on the demo lines. */
export const PUSH_DEMO_CLIENTS = [
	'df4cca69-ce40-472e-9083-af9b279c72cc',
	'881f0ac6-d33a-11e0-960b-000c2926d843',
];

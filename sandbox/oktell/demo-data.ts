/** The account the sandbox accepts (an Oktell user with the Web-API privilege). */
export const OKTELL_DEMO_CREDENTIALS = {
	serverUrl: 'http://127.0.0.1:18105',
	login: 'api',
	password: 'oktell-demo-password',
	ignoreSslIssues: false,
} as const;

export interface DemoUser {
	id: string;
	login: string;
	name: string;
	state: number;
	lineId: string;
	lineNumber: string;
	workplace: string;
	callCenter: boolean;
}

/**
 * Number 120 groups five users: two ready (223, 227) and three busy, as in the vendor's
 * tst_getintnumberreadyusers example. Dima (17002) and Viktor (17001) talk, as in its chain example.
 */
export const DEMO_USERS: DemoUser[] = [
	{
		id: 'da803f01-ea77-40fa-bc9d-e2efb36fd5a8',
		login: 'ivanov',
		name: 'Иван Иванов',
		state: 1,
		lineId: '5f6a1c40-0000-4000-8000-000000000223',
		lineNumber: '223',
		workplace: 'OPERATOR1',
		callCenter: true,
	},
	{
		id: '0b9e7f52-21a4-4c55-9d0e-5d1b8f000227',
		login: 'petrov',
		name: 'Пётр Петров',
		state: 1,
		lineId: '5f6a1c40-0000-4000-8000-000000000227',
		lineNumber: '227',
		workplace: 'OPERATOR2',
		callCenter: true,
	},
	{
		id: '3c2d9a11-7e5f-4b8a-a0c4-1e2f3a000225',
		login: 'sidorov',
		name: 'Сидор Сидоров',
		state: 5,
		lineId: '5f6a1c40-0000-4000-8000-000000000225',
		lineNumber: '225',
		workplace: 'OPERATOR3',
		callCenter: true,
	},
	{
		id: '2a594b51-bb89-4da6-a69f-f48761baf0d9',
		login: 'Dima',
		name: 'Дмитрий Евгеньевич',
		state: 5,
		lineId: 'e76c86ea-a28a-4519-b4ff-8879a92c62b7',
		lineNumber: '17002',
		workplace: 'PROGRAMMER1',
		callCenter: false,
	},
	{
		id: '7cf84c23-2736-4fc8-9bf7-bfbb4778fb01',
		login: 'VIKTIRICH',
		name: 'Виктор Викторыч',
		state: 5,
		lineId: '070aafb0-f47c-4df5-a01f-7bb08ceee269',
		lineNumber: '17001',
		workplace: 'MANAGER1',
		callCenter: false,
	},
];

export const DEMO_NUMBERS: Record<string, string[]> = {
	'120': ['ivanov', 'petrov', 'sidorov', 'Dima', 'VIKTIRICH'],
};

export const DEMO_VERSION = {
	text: 'Версия программы: 2.7.120918(4644.26860). Версия БД: 120711.',
	environment: '1.1.4322.2032',
	build: '2.7.4644.26860',
	date: '120918',
	halbuild: '2.15.40.134',
	haldate: '120913',
};

export const DEMO_LICENSE = {
	text: 'Лицензия Oktell\r\nРегистрационный номер: 1234567\r\nОператоров: 50\r\nДата подтверждения: 01.12.2026',
	regserial: '1234567',
	confirmdate: '01.12.2026',
	updatelimitdate: '31.12.2027',
	xml: '<license regserial="1234567" operators="50"><owner><![CDATA[ООО "Ромашка"]]></owner><confirmdate>01.12.2026</confirmdate><updatelimitdate>31.12.2027</updatelimitdate></license>',
};

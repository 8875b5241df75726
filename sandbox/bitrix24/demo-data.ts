/** The demo portal's incoming webhook: https://<simulator>/rest/1/<code>/ */
export const BITRIX24_DEMO_WEBHOOK_USER = '1';
export const BITRIX24_DEMO_WEBHOOK_CODE = 'demo0webhook0code1';

export const BITRIX24_DEMO_CLIENT_ID = 'local.6560a1b2c3d4e5.12345678';
export const BITRIX24_DEMO_APP_SIGNATURE = 'bitrix24-demo-app';

export const BITRIX24_DEMO_MEMBER_ID = 'a223c6b3710f85df22e9377d6c4f7553';
/** The demo app's application_token: every event of its handlers carries it. */
export const BITRIX24_DEMO_APP_EVENTS_CODE = 'demo0app0events0code1';

/** Bitrix24's leaky bucket: 2 requests per second drain, bursts of 50 (Enterprise: 5 and 250). */
export const BITRIX24_STANDARD_LIMIT = { perSecond: 2, burst: 50 };
export const BITRIX24_ENTERPRISE_LIMIT = { perSecond: 5, burst: 250 };

export const BITRIX24_DEMO_USERS = [
	{
		ID: '1',
		ACTIVE: true,
		NAME: 'Анна',
		LAST_NAME: 'Смирнова',
		EMAIL: 'anna@example.ru',
		ADMIN: true,
	},
	{
		ID: '15',
		ACTIVE: true,
		NAME: 'Иван',
		LAST_NAME: 'Петров',
		EMAIL: 'ivan@example.ru',
		ADMIN: false,
	},
	{
		ID: '27',
		ACTIVE: true,
		NAME: 'Ольга',
		LAST_NAME: 'Кузнецова',
		EMAIL: 'olga@example.ru',
		ADMIN: false,
	},
];

const STAGES = ['NEW', 'PREPARATION', 'EXECUTING', 'WON', 'LOSE'];

/** 120 deals: three pages of 50, 50 and 20. */
export function demoDeals(count = 120): Array<Record<string, string>> {
	return Array.from({ length: count }, (_, index) => ({
		ID: String(index + 1),
		TITLE: `Сделка #${index + 1}`,
		STAGE_ID: STAGES[index % STAGES.length],
		OPPORTUNITY: `${(index + 1) * 1000}.00`,
		CURRENCY_ID: 'RUB',
		ASSIGNED_BY_ID: index % 2 === 0 ? '1' : '15',
		DATE_CREATE: new Date(Date.UTC(2026, 0, 1 + (index % 28), 9))
			.toISOString()
			.replace('.000Z', '+03:00'),
		...(['WON', 'LOSE'].includes(STAGES[index % STAGES.length])
			? { CLOSEDATE: closedThisMonth(index) }
			: {}),
	}));
}

/** Closed deals close in the current month, so "deals won this month" has rows whenever it runs. */
function closedThisMonth(index: number): string {
	const now = new Date();
	const day = 1 + (index % 28);
	return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), day))
		.toISOString()
		.slice(0, 10);
}

/** The values a user types into the two credentials to reach the sandbox (see README). */
export function bitrix24DemoCredentials(baseUrl: string) {
	return {
		bitrix24WebhookApi: {
			secretWebhookUrl: `${baseUrl}/rest/${BITRIX24_DEMO_WEBHOOK_USER}/${BITRIX24_DEMO_WEBHOOK_CODE}/`,
		},
		bitrix24OAuth2Api: {
			domain: baseUrl,
			clientId: BITRIX24_DEMO_CLIENT_ID,
			clientSecret: BITRIX24_DEMO_APP_SIGNATURE,
			accessTokenUrl: `${baseUrl}/oauth/token/`,
			applicationToken: BITRIX24_DEMO_APP_EVENTS_CODE,
		},
	};
}

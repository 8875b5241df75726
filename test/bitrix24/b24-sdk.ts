import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Bitrix24's own JS SDK (@bitrix24/b24jssdk), connected to a simulator: the SDK only speaks
 * https, so its own axios is given an adapter that sends to the simulator over http.
 */
export type Row = Record<string, unknown>;

export interface SdkHook {
	actions: {
		v2: {
			fetchList: { make(options: Row): AsyncGenerator<Row[]> };
			batch: { make(options: Row): Promise<{ getData(): Record<string, unknown> }> };
		};
	};
}

interface Sdk {
	B24Hook: { fromWebhookUrl(url: string): SdkHook };
	Text: { toB24Format(date: unknown): string };
}

interface AxiosLike {
	defaults: { adapter: unknown };
	getAdapter(name: string): (config: Row) => Promise<unknown>;
}

export interface SdkConnection {
	hook: SdkHook;
	Text: Sdk['Text'];
	/** Gives the SDK's axios back its own adapter. */
	restore(): void;
}

export async function connectSdk(webhookUrl: string): Promise<SdkConnection> {
	const axiosEntry = join(
		process.cwd(),
		'node_modules/@bitrix24/b24jssdk/node_modules/axios/index.js',
	);
	const axios = ((await import(pathToFileURL(axiosEntry).href)) as { default: AxiosLike }).default;
	const http = axios.getAdapter('http');
	const previousAdapter = axios.defaults.adapter;
	axios.defaults.adapter = async (config: Row) =>
		await http({
			...config,
			baseURL: String(config.baseURL ?? '').replace('https://', 'http://'),
			url: String(config.url ?? '').replace('https://', 'http://'),
		});
	const sdk = (await import('@bitrix24/b24jssdk')) as unknown as Sdk;
	return {
		hook: sdk.B24Hook.fromWebhookUrl(webhookUrl.replace('http://', 'https://')),
		Text: sdk.Text,
		restore: () => {
			axios.defaults.adapter = previousAdapter;
		},
	};
}

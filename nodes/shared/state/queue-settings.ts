import { readFileSync } from 'node:fs';

/** Where n8n's own queue (Bull) keeps its Redis: the same settings, read the way n8n reads them. */
export interface SharedRedisSettings {
	host: string;
	port: number;
	db: number;
	username?: string;
	password?: string;
	tls: boolean;
	tlsServerName?: string;
	tlsRejectUnauthorized: boolean;
	/** `host:port,host:port` when n8n uses a Redis cluster. */
	clusterNodes: Array<{ host: string; port: number }>;
	/** Keys are kept apart per installation, as n8n keeps its queues apart (`QUEUE_BULL_PREFIX`). */
	keyPrefix: string;
}

type Env = Record<string, string | undefined>;

/** n8n reads `NAME_FILE` (a path) where `NAME` is unset, for every setting. */
function setting(env: Env, name: string): string | undefined {
	const value = env[name];
	if (value !== undefined && value !== '') return value;
	const file = env[`${name}_FILE`];
	if (!file) return undefined;
	return readFileSync(file, 'utf8').trim();
}

function flag(value: string | undefined, fallback: boolean): boolean {
	if (value === undefined) return fallback;
	return value.trim().toLowerCase() === 'true';
}

function integer(value: string | undefined, fallback: number): number {
	const parsed = Number(value);
	return value !== undefined && Number.isInteger(parsed) ? parsed : fallback;
}

/**
 * n8n's queue mode: main and workers share Redis. Workers are started with `n8n worker` (and
 * webhook processes with `n8n webhook`), which run in queue mode whatever EXECUTIONS_MODE says.
 */
export function isQueueMode(env: Env = process.env, argv: string[] = process.argv): boolean {
	if (setting(env, 'EXECUTIONS_MODE') === 'queue') return true;
	const command = argv[2];
	return command === 'worker' || command === 'webhook';
}

/** The Redis every n8n process of this installation already uses, or undefined outside queue mode. */
export function sharedRedisSettings(
	env: Env = process.env,
	argv: string[] = process.argv,
): SharedRedisSettings | undefined {
	if (!isQueueMode(env, argv)) return undefined;
	const clusterNodes = (setting(env, 'QUEUE_BULL_REDIS_CLUSTER_NODES') ?? '')
		.split(',')
		.map((node) => node.trim())
		.filter((node) => node !== '')
		.map((node) => {
			const [host, port] = node.split(':');
			return { host, port: integer(port, 6379) };
		});
	return {
		host: setting(env, 'QUEUE_BULL_REDIS_HOST') ?? 'localhost',
		port: integer(setting(env, 'QUEUE_BULL_REDIS_PORT'), 6379),
		db: integer(setting(env, 'QUEUE_BULL_REDIS_DB'), 0),
		username: setting(env, 'QUEUE_BULL_REDIS_USERNAME'),
		password: setting(env, 'QUEUE_BULL_REDIS_PASSWORD'),
		tls: flag(setting(env, 'QUEUE_BULL_REDIS_TLS'), false),
		tlsServerName: setting(env, 'QUEUE_BULL_REDIS_TLS_SERVERNAME'),
		tlsRejectUnauthorized: flag(setting(env, 'QUEUE_BULL_REDIS_TLS_VALIDATE_CERTIFICATE'), true),
		clusterNodes,
		keyPrefix: `${setting(env, 'QUEUE_BULL_PREFIX') ?? 'bull'}:n8n-nodes-ru-business:`,
	};
}

import type { BitrixTarget } from '../../transport';
import type { BatchCommand } from '../../transport/batch';
import { DEFAULT_SOURCE_KEY } from '../../offline-event-trigger/description';

/**
 * Changes the OAuth2 app makes carry the pack's source key (`auth_connector`), so the Bitrix24
 * Offline Event Trigger bound with the same key does not queue them and a workflow that updates
 * the record it was started by does not start itself again (REST docs,
 * api-reference/events/offline-events.md, "How to Avoid Cycles"). Reads need no key.
 */
export function withSourceKey<Command extends Pick<BatchCommand, 'params'>>(
	command: Command,
	target: BitrixTarget,
	changes: boolean,
): Command {
	if (!changes || target.mode !== 'oAuth2') return command;
	return { ...command, params: { ...command.params, auth_connector: DEFAULT_SOURCE_KEY } };
}

import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { expectShape } from '../../shared/http/reply-shape';
import type { RequestContext } from '../../shared/http/vendor-request';
import { pushRequest } from '../transport/push/push-request';

/** GetLines (wiki 4.2.3.5): the lines the API login may use, with the hooks set on them. */
export async function readPushLines(
	context: RequestContext,
	itemIndex?: number,
	timeoutMs?: number,
): Promise<IDataObject[]> {
	const reply = await pushRequest(context, {
		method: 'GET',
		path: '/v1/line/',
		effect: 'read',
		what: 'the list of lines',
		itemIndex,
		timeoutMs,
	});
	return expectShape<IDataObject[]>(() => context.getNode(), reply ?? [], 'list of objects', {
		vendor: '1C-Connect',
		what: 'the list of lines',
		text: () => JSON.stringify(reply),
		itemIndex,
	});
}

/** The line picker of the node and the trigger: name or ID containing the typed text. */
export async function searchPushLines(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = (await readPushLines(this))
		.map((line) => ({ name: String(line.name ?? line.line_id), value: String(line.line_id) }))
		.filter(
			(line) =>
				wanted === '' ||
				line.name.toLowerCase().includes(wanted) ||
				line.value.toLowerCase().includes(wanted),
		)
		.sort((a, b) => a.name.localeCompare(b.name, 'ru'));
	return { results };
}

import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listPointsPage } from '../transport/integration-points';

const PICKER_PAGE = 100;

/**
 * Integration points for the picker, a page at a time. ERA's filter matches whole values only,
 * so the typed text is matched here against code, title and ID, case-insensitively.
 */
export async function searchIntegrationPoints(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const page = await listPointsPage(this, offset, PICKER_PAGE);
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = page
		.map((point) => {
			const title = String((point.opts as { title?: unknown } | undefined)?.title ?? '');
			const code = String(point.code ?? '');
			const name = `${code} (${String(point.type ?? '')})${title ? ` — ${title}` : ''}`;
			return {
				name,
				value: String(point.id),
				haystack: `${code} ${title} ${point.id}`.toLowerCase(),
			};
		})
		.filter((point) => wanted === '' || point.haystack.includes(wanted))
		.map(({ name, value }) => ({ name, value }));
	return {
		results,
		paginationToken: page.length === PICKER_PAGE ? String(offset + PICKER_PAGE) : undefined,
	};
}

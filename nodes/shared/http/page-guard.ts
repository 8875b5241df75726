import type { INode } from 'n8n-workflow';

import { apiError } from '../errors/node-errors';

/** More pages than any real list needs at the vendor's page size: a server that never ends. */
export const MAX_PAGES = 10_000;

/**
 * Stops a pagination loop that cannot end: a cursor the server sends twice, or more pages than
 * the cap. Call `next` with each cursor before asking for its page.
 */
export class PageGuard {
	private readonly seen = new Set<string>();
	private pages = 0;

	constructor(
		private readonly node: INode,
		private readonly vendor: string,
		private readonly maxPages = MAX_PAGES,
		private readonly itemIndex?: number,
	) {}

	next(cursor: unknown): void {
		const key = JSON.stringify(cursor);
		this.pages++;
		if (this.seen.has(key)) {
			throw apiError(this.node, {
				message: `${this.vendor} sent the same page position twice (${key}); paging was stopped`,
				description: `The server does not advance through the list, so reading on would never end. Use a limit instead of Return All, or check the server address in the credential.`,
				itemIndex: this.itemIndex,
			});
		}
		if (this.pages > this.maxPages) {
			throw apiError(this.node, {
				message: `${this.vendor} kept sending pages past ${this.maxPages}; paging was stopped`,
				description: `Use a limit or a narrower filter instead of Return All.`,
				itemIndex: this.itemIndex,
			});
		}
		this.seen.add(key);
	}
}

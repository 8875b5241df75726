import type { LoggedRequest, SimRequest } from './types';

export class RequestLog {
	private readonly entries: LoggedRequest[] = [];

	get all(): readonly LoggedRequest[] {
		return [...this.entries];
	}

	record(request: SimRequest, rawQuery: string, at: number, status: number): void {
		this.entries.push({
			method: request.method,
			path: request.path,
			query: rawQuery,
			headers: { ...request.headers },
			body: request.text(),
			at,
			status,
		});
	}

	clear(): void {
		this.entries.length = 0;
	}
}

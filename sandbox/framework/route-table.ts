import { compilePathPattern, type PathMatcher } from './path-pattern';
import type { RouteHandler, RouteParams } from './types';

interface Route {
	method: string;
	matchPath: PathMatcher;
	handler: RouteHandler;
}

export interface RouteMatch {
	handler: RouteHandler;
	params: RouteParams;
}

/** Any RFC 9110 token is a method, including ones Node's parser does not know (see client-error.ts). */
const METHOD_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export class RouteTable {
	private readonly routes: Route[] = [];

	add(method: string, pattern: string, handler: RouteHandler): void {
		if (!METHOD_TOKEN.test(method)) throw new Error(`Not an HTTP method token: '${method}'`);
		if (!pattern.startsWith('/'))
			throw new Error(`Route pattern must start with '/': '${pattern}'`);
		this.routes.push({
			method: method.toUpperCase(),
			matchPath: compilePathPattern(pattern),
			handler,
		});
	}

	/** Whether any route answers this method. */
	hasMethod(method: string): boolean {
		const wanted = method.toUpperCase();
		return this.routes.some((route) => route.method === wanted);
	}

	find(method: string, path: string): RouteMatch | undefined {
		const wanted = method.toUpperCase();
		for (const route of this.routes) {
			if (route.method !== wanted) continue;
			const params = route.matchPath(path);
			if (params) return { handler: route.handler, params };
		}
		return undefined;
	}
}

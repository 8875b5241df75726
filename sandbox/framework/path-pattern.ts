import type { RouteParams } from './types';

export type PathMatcher = (path: string) => RouteParams | undefined;

/**
 * Compiles '/presence/state/:code_id/' into a matcher. Segments are compared one by one, so a
 * trailing slash is significant, as it is for the vendors' documented paths.
 */
export function compilePathPattern(pattern: string): PathMatcher {
	const patternSegments = pattern.split('/');

	return (path) => {
		const pathSegments = path.split('/');
		if (pathSegments.length !== patternSegments.length) return undefined;

		const params: RouteParams = {};
		for (let index = 0; index < patternSegments.length; index++) {
			const expected = patternSegments[index];
			const actual = pathSegments[index];
			if (expected.startsWith(':')) {
				const value = decodeSegment(actual);
				if (!value) return undefined;
				params[expected.slice(1)] = value;
			} else if (expected !== actual) {
				return undefined;
			}
		}
		return params;
	};
}

function decodeSegment(segment: string): string | undefined {
	try {
		return decodeURIComponent(segment);
	} catch {
		return undefined;
	}
}

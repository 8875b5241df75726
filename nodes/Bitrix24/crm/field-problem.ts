/** What is wrong with a value of the form, and what to enter instead. */
export class FieldProblem extends Error {
	constructor(
		readonly what: string,
		readonly hint: string,
	) {
		super(what);
	}
}

/** The value `encode` gives, or the problem it found (any other failure too, as a problem). */
export function attempt<T>(encode: () => T): { value: T } | { problem: FieldProblem } {
	try {
		return { value: encode() };
	} catch (error) {
		return {
			problem:
				error instanceof FieldProblem
					? error
					: new FieldProblem(`could not be read: ${(error as Error).message}`, 'Check the value.'),
		};
	}
}

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** Every `.ts` file under `root` and the files under `root` it imports (type imports included). */
export function importGraph(root: string): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	for (const file of tsFilesUnder(root)) {
		const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
		const targets = importedFiles
			.map((imported) => resolveImport(file, imported.fileName))
			.filter((target): target is string => target !== undefined && target.startsWith(root));
		graph.set(file, [...new Set(targets)]);
	}
	return graph;
}

function tsFilesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) return tsFilesUnder(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

function resolveImport(from: string, specifier: string): string | undefined {
	if (!specifier.startsWith('.')) return undefined;
	const base = resolve(dirname(from), specifier);
	return [`${base}.ts`, join(base, 'index.ts'), base].find(
		(path) => existsSync(path) && statSync(path).isFile(),
	);
}

/** The import loops of a graph: each strongly connected group of two or more files (or a file importing itself). */
export function importLoops(graph: Map<string, string[]>, root: string): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const loops: string[][] = [];
	let next = 0;
	// Tarjan's algorithm, iterative: deep import chains must not exhaust the call stack.
	for (const start of graph.keys()) {
		if (index.has(start)) continue;
		const work: Array<{ file: string; edge: number }> = [{ file: start, edge: 0 }];
		index.set(start, next);
		low.set(start, next++);
		stack.push(start);
		onStack.add(start);
		while (work.length > 0) {
			const frame = work[work.length - 1];
			const targets = graph.get(frame.file) ?? [];
			if (frame.edge < targets.length) {
				const target = targets[frame.edge++];
				if (!index.has(target)) {
					index.set(target, next);
					low.set(target, next++);
					stack.push(target);
					onStack.add(target);
					work.push({ file: target, edge: 0 });
				} else if (onStack.has(target)) {
					low.set(frame.file, Math.min(low.get(frame.file)!, index.get(target)!));
				}
				continue;
			}
			work.pop();
			const parent = work[work.length - 1];
			if (parent) low.set(parent.file, Math.min(low.get(parent.file)!, low.get(frame.file)!));
			if (low.get(frame.file) !== index.get(frame.file)) continue;
			const group: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				group.push(relative(root, member));
			} while (member !== frame.file);
			const selfImport = (graph.get(frame.file) ?? []).includes(frame.file);
			if (group.length > 1 || selfImport) loops.push(group.sort());
		}
	}
	return loops;
}

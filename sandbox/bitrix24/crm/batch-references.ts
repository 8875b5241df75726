/**
 * `$result[key][path…]` inside a batch command's parameters: the value an earlier command of the
 * same batch answered (Bitrix24's batch docs, https://apidocs.bitrix24.com/api-reference/how-to-call-rest-api/batch.html
 * and dev.1c-bitrix.ru/rest_help/general/batch.php: "$result[идентификатор_запроса][поле_ответа]",
 * encoded inside the command's query, so it is read after the query is decoded).
 *
 * The list shapes (`start=-1` answers rows without total or next; `order` by ID with a `>ID`
 * filter; crm.item.list under `items`, tasks.task.list under `tasks`, UPPER_CASE filter keys for
 * camelCase task rows) follow @bitrix24/b24jssdk's fetchList (dist/esm/core/actions/v2/fetch-list.mjs),
 * which test/bitrix24/crm-sdk-oracle.test.ts runs against this simulator with its batch encoding.
 *
 * Inferred (the docs are silent; this is the one place the simulator guesses about CRM and
 * batch): a reference to a command that failed, did not run or has no such path becomes an
 * empty string, the harshest reading, so `filter[>ID]=` then matches every record; a node must
 * stop its `>ID` chain at the first short page rather than trust the commands after it. Lists
 * order by ID ascending when no order is given; phones compare by digits (a leading 8 read as 7);
 * `crm.item.delete` answers `[]`; record changes are announced only after they are made.
 */
export function resolveReferences(value: unknown, results: Record<string, unknown>): unknown {
	if (typeof value === 'string') {
		return value.replace(
			/\$result\[([^\]]+)\]((?:\[[^\]]*\])*)/g,
			(_, key: string, path: string) => {
				let node: unknown = results[key];
				for (const [, step] of path.matchAll(/\[([^\]]*)\]/g)) {
					node =
						node !== null && typeof node === 'object'
							? (node as Record<string, unknown>)[step]
							: undefined;
				}
				return node === undefined || node === null || typeof node === 'object' ? '' : String(node);
			},
		);
	}
	if (Array.isArray(value)) return value.map((entry) => resolveReferences(entry, results));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, resolveReferences(entry, results)]),
		);
	}
	return value;
}

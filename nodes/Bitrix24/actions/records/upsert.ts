import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import type { OperationModule } from '../../../shared/execution/resources';
import type { RecordKind } from '../../crm/record-kinds';
import type { BitrixTarget } from '../../transport';
import type { UnnamedCommand } from '../../transport/batch';
import { targetOf } from '../parameters/portal-options';
import type { CommType } from './communications';
import { commValues, findCommand, foundIds } from './communications';
import { fieldsProperty, replaceExistingOf, writeOptionsProperty } from './parameters';
import { resultOf, runStagedItems, sendCommandList } from './staged-items';
import type { PreparedFields } from './write-fields';
import { fieldsFor, prepareFields } from './write-fields';
import { mergeMultiFields, sameValue } from '../../crm/multi-field-merge';

interface Plan {
	fields: IDataObject;
	searches: Array<{ type: CommType; values: string[] }>;
	field?: { name: string; value: string };
	/** Values that decide which items must not run side by side (they could match one record). */
	keys: string[];
}

type Outcomes = Map<number, IDataObject[] | Error>;

export function upsertOperation(kind: RecordKind): OperationModule {
	return {
		option: {
			name: 'Create or Update',
			value: 'upsert',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			action: `Create or update a ${kind.label.toLowerCase()}`,
		},
		properties: [
			{
				displayName: 'Match By',
				name: 'matchBy',
				type: 'options',
				options: [
					{ name: 'Phone or Email', value: 'phoneOrEmail' },
					{ name: 'Phone', value: 'phone' },
					{ name: 'Email', value: 'email' },
					{ name: 'Field', value: 'field' },
				],
				default: 'phoneOrEmail',
				description: `How an existing ${kind.label.toLowerCase()} is recognised; with no match a new one is created`,
			},
			{
				displayName: 'Field to Match On Name or ID',
				name: 'matchField',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getListFields', loadOptionsDependsOn: ['resource'] },
				default: '',
				displayOptions: { show: { matchBy: ['field'] } },
				description:
					'A field that identifies the record, such as an external ID user field. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			fieldsProperty(true),
			...writeOptionsProperty(kind, true),
		],
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
			const target = targetOf(this);
			const prepared = await prepareFields(this, kind, false);
			return await runStagedItems<Plan>(
				this,
				(itemIndex) => readPlan(this, itemIndex, prepared),
				async (plans) => {
					const outcomes: Outcomes = new Map();
					for (const wave of waves(plans)) {
						await upsertWave(this, target, kind, wave, outcomes);
					}
					return outcomes;
				},
			);
		},
	};
}

function readPlan(context: IExecuteFunctions, itemIndex: number, prepared: PreparedFields): Plan {
	const fields = fieldsFor(prepared, itemIndex);
	const matchBy = String(context.getNodeParameter('matchBy', itemIndex, 'phoneOrEmail'));
	if (matchBy === 'field') {
		const name = String(context.getNodeParameter('matchField', itemIndex, '')).trim();
		const value = fields[name];
		if (name === '' || value === undefined || value === null || value === '') {
			throw inputError(
				context.getNode(),
				`Item ${itemIndex} has no value in the field to match on${name ? ` (${name})` : ''}`,
				'Pick "Field to Match On" and map a value to that field in "Fields".',
				itemIndex,
			);
		}
		return {
			fields,
			searches: [],
			field: { name, value: String(value) },
			keys: [`F:${String(value)}`],
		};
	}
	const types: CommType[] =
		matchBy === 'phone' ? ['PHONE'] : matchBy === 'email' ? ['EMAIL'] : ['PHONE', 'EMAIL'];
	const searches = types
		.map((type) => ({ type, values: commValues(fields, type) }))
		.filter((search) => search.values.length > 0);
	const keys = searches.flatMap(({ type, values }) =>
		values.map((value) => `${type}:${sameValue(type, value)}`),
	);
	return { fields, searches, keys };
}

/**
 * Items that share a phone, e-mail or match value run in later waves than the first of them, so
 * two items for one person never both create a record: the later one finds the earlier one's.
 */
function waves(plans: Map<number, Plan>): Array<Map<number, Plan>> {
	const waveOfKey = new Map<string, number>();
	const result: Array<Map<number, Plan>> = [];
	for (const [itemIndex, plan] of plans) {
		const wave = Math.max(-1, ...plan.keys.map((key) => waveOfKey.get(key) ?? -1)) + 1;
		for (const key of plan.keys) waveOfKey.set(key, wave);
		(result[wave] ??= new Map()).set(itemIndex, plan);
	}
	return result.filter(Boolean);
}

async function upsertWave(
	context: IExecuteFunctions,
	target: BitrixTarget,
	kind: RecordKind,
	plans: Map<number, Plan>,
	outcomes: Outcomes,
) {
	const entityType = kind.duplicateType as string;
	const finds: UnnamedCommand[] = [];
	const findsOfItem = new Map<number, { searches: number[]; field?: number }>();
	for (const [itemIndex, plan] of plans) {
		const searches = plan.searches.map(
			({ type, values }) => finds.push(findCommand(entityType, type, values)) - 1,
		);
		const field = plan.field
			? finds.push({
					method: kind.methods.list,
					params: {
						filter: { [`=${plan.field.name}`]: plan.field.value },
						select: ['ID'],
						order: { ID: 'ASC' },
						start: -1,
					},
				}) - 1
			: undefined;
		findsOfItem.set(itemIndex, { searches, field });
	}
	const found = await sendCommandList(context, target, finds, 'read');

	const matches = new Map<number, number | undefined>();
	for (const [itemIndex, { searches, field }] of findsOfItem) {
		try {
			const ids = [
				...searches.flatMap((position) => foundIds(resultOf(found[position]), entityType)),
				...(field !== undefined
					? (resultOf(found[field]) as IDataObject[]).map((row) => Number(row.ID))
					: []),
			];
			matches.set(itemIndex, ids.length > 0 ? Math.min(...ids) : undefined);
		} catch (error) {
			outcomes.set(itemIndex, error as Error);
		}
	}

	// The matched records' own phones and e-mails, so an update adds only the new ones.
	const matched = [...matches].filter(([, id]) => id !== undefined);
	const readOfItem = new Map(matched.map(([itemIndex], position) => [itemIndex, position]));
	const existing = await sendCommandList(
		context,
		target,
		matched.map(([, id]) => ({ method: kind.methods.get, params: { id } })),
		'read',
	);

	const writes: Array<UnnamedCommand & { itemIndex: number }> = [];
	for (const [itemIndex, id] of matches) {
		const fields = plans.get(itemIndex)?.fields as IDataObject;
		try {
			if (id === undefined) {
				writes.push({
					itemIndex,
					method: kind.methods.add,
					params: { fields },
				});
				continue;
			}
			const record = resultOf(existing[readOfItem.get(itemIndex) as number]) as IDataObject;
			writes.push({
				itemIndex,
				method: kind.methods.update,
				params: {
					id,
					fields: mergeMultiFields(fields, record, replaceExistingOf(context, itemIndex)),
				},
			});
		} catch (error) {
			outcomes.set(itemIndex, error as Error);
		}
	}
	const written = await sendCommandList(context, target, writes, 'write');
	for (const [position, { itemIndex, method }] of writes.entries()) {
		try {
			const result = resultOf(written[position]);
			const created = method === kind.methods.add;
			const id = created ? Number(result) : (matches.get(itemIndex) as number);
			outcomes.set(itemIndex, [{ ID: String(id), created }]);
		} catch (error) {
			outcomes.set(itemIndex, error as Error);
		}
	}
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import type { CodecContext } from '../../crm/field-codec';
import { encodeValue, needsList } from '../../crm/field-codec';
import { FieldProblem, attempt } from '../../crm/field-problem';
import { fieldLabel, isRequiredOnCreate, isWritable } from '../../crm/field-schema';
import { MULTI_FIELD_VALUE_TYPES, MULTI_FIELDS } from '../../crm/field-values';
import type { ListSource, PortalLists } from '../../crm/portal-lists';
import { NO_LISTS, listSourceOf, pipelineOfStage } from '../../crm/portal-lists';
import { pipelinesOf, readFields, readLists } from '../../crm/portal-reads';
import type { RecordKind } from '../../crm/record-kinds';
import type { VendorField } from '../../crm/vendor-field';
import { targetOf } from '../parameters/portal-options';
import { MAX_INLINE_BYTES, findBinary, megabytesOf } from '../parameters/binary-input';
import { batchLimits } from './run-commands';
import { scopeOf } from './scope';

/** Each item's fields as Bitrix24 takes them, or the error that item's input gives. */
export type PreparedFields = Map<number, IDataObject | Error>;

interface ItemInput {
	scopeKey: string;
	values: IDataObject;
	valueTypes: Record<string, string>;
}

/**
 * Reads every item's form values and sends them in the form the portal's field list gives each
 * type: the field list is read once a run (per smart process), and the portal's lists only when
 * a value names an entry (a stage, a pipeline, a user) instead of giving its ID. The values are
 * read without n8n's own type check, which would refuse a valid ID an outdated option list lacks;
 * every value is checked here instead, against the portal as it is now.
 */
export async function prepareFields(
	context: IExecuteFunctions,
	kind: RecordKind,
	forCreate: boolean,
): Promise<PreparedFields> {
	const prepared: PreparedFields = new Map();
	const inputs = new Map<number, ItemInput>();
	const scopes = new Map<string, IDataObject>();
	const count = context.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			const scope = scopeOf(context, kind, itemIndex);
			const scopeKey = JSON.stringify(scope);
			scopes.set(scopeKey, scope);
			inputs.set(itemIndex, {
				scopeKey,
				values: formValues(context, itemIndex),
				valueTypes: valueTypesOf(context, itemIndex),
			});
		} catch (error) {
			prepared.set(itemIndex, error as Error);
		}
	}
	if (inputs.size === 0) return prepared;

	const target = targetOf(context);
	const limits = batchLimits(context);
	const scopeKeys = [...scopes.keys()];
	const fieldLists = await readFields(context, target, kind, [...scopes.values()], limits);
	const fieldsOf = (scopeKey: string) => fieldLists[scopeKeys.indexOf(scopeKey)];

	const lists = new Map<string, PortalLists>();
	for (const scopeKey of scopeKeys) {
		const fields = fieldsOf(scopeKey);
		const sources = new Set<ListSource>();
		for (const input of inputs.values()) {
			if (input.scopeKey !== scopeKey) continue;
			for (const [name, value] of Object.entries(input.values)) {
				const field = fields[name];
				if (field && needsList(field, value)) sources.add(listSourceOf(field) as ListSource);
			}
		}
		if (sources.size === 0) continue;
		const pipelines = pipelinesOf(kind, scopes.get(scopeKey) as IDataObject);
		lists.set(scopeKey, await readLists(context, target, sources, pipelines, limits));
	}

	const timeZone = context.getTimezone();
	for (const [itemIndex, input] of inputs) {
		try {
			const files = await filesOf(context, itemIndex, fieldsOf(input.scopeKey), input.values);
			const codec: CodecContext = {
				timeZone,
				lists: lists.get(input.scopeKey) ?? NO_LISTS,
				valueTypes: input.valueTypes,
				file: (property) => files.get(property) as { name: string; base64: string },
				fileForm: kind.methods.add === 'crm.item.add' ? 'pair' : 'fileData',
			};
			prepared.set(
				itemIndex,
				itemFields(
					{ context, kind, forCreate, itemIndex, fields: fieldsOf(input.scopeKey) },
					input.values,
					codec,
				),
			);
		} catch (error) {
			prepared.set(itemIndex, error as Error);
		}
	}
	return prepared;
}

/** An item's prepared fields, or its error thrown. */
export function fieldsFor(prepared: PreparedFields, itemIndex: number): IDataObject {
	const fields = prepared.get(itemIndex);
	if (fields instanceof Error) throw fields;
	if (!fields) throw new Error(`Item ${itemIndex} has no prepared fields`);
	return fields;
}

/**
 * The item's values: the columns mapped below, or with "Map Automatically" the input item's own
 * fields (those the portal does not have are left out when sending).
 */
function formValues(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const values = automatic(context, itemIndex)
		? context.getInputData()[itemIndex]?.json
		: context.getNodeParameter('fields.value', itemIndex, {}, { skipValidation: true });
	return values && typeof values === 'object' && !Array.isArray(values)
		? (values as IDataObject)
		: {};
}

const automatic = (context: IExecuteFunctions, itemIndex: number) =>
	context.getNodeParameter('fields.mappingMode', itemIndex, 'defineBelow') === 'autoMapInputData';

function valueTypesOf(context: IExecuteFunctions, itemIndex: number): Record<string, string> {
	return Object.fromEntries(
		MULTI_FIELDS.map((field) => [
			field,
			String(
				context.getNodeParameter(`options.${field.toLowerCase()}Type`, itemIndex, '') ||
					MULTI_FIELD_VALUE_TYPES[field][0],
			),
		]),
	);
}

/** The binary properties the item's file fields name, as name and base64. */
async function filesOf(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: Record<string, VendorField>,
	values: IDataObject,
): Promise<Map<string, { name: string; base64: string }>> {
	const files = new Map<string, { name: string; base64: string }>();
	for (const [name, value] of Object.entries(values)) {
		if (fields[name]?.type !== 'file') continue;
		for (const entry of Array.isArray(value) ? value : [value]) {
			if (typeof entry !== 'string' || entry.trim() === '' || files.has(entry.trim())) continue;
			const property = entry.trim();
			const binary = await findBinary(context, itemIndex, property);
			if (!binary) {
				throw fieldError(
					{ context, itemIndex, fields },
					name,
					new FieldProblem(
						`names the binary property "${property}", which the item does not have`,
						"Enter the name of the binary property that holds the file (see the item's Binary tab), such as data.",
					),
				);
			}
			if (binary.size > MAX_INLINE_BYTES) {
				throw fieldError(
					{ context, itemIndex, fields },
					name,
					new FieldProblem(
						`names a file of ${megabytesOf(binary.size)} MB, over the ${MAX_INLINE_BYTES / 1024 / 1024} MB a record's file field is sent with here`,
						'Attach a smaller file, or upload it to Bitrix24 Drive and link it.',
					),
				);
			}
			const file = { name: binary.fileName ?? `${property}.bin`, bytes: await binary.buffer() };
			files.set(property, { name: file.name, base64: file.bytes.toString('base64') });
		}
	}
	return files;
}

/** One item's write: where it runs, what it writes and the portal's fields for it. */
interface ItemWrite {
	context: IExecuteFunctions;
	kind: RecordKind;
	forCreate: boolean;
	itemIndex: number;
	fields: Record<string, VendorField>;
}

function itemFields(item: ItemWrite, values: IDataObject, codec: CodecContext): IDataObject {
	const { context, kind, forCreate, itemIndex, fields } = item;
	const result: IDataObject = {};
	for (const [name, value] of Object.entries(values)) {
		const field = fields[name];
		// What the portal fills itself (an ID, a creation date, as Get gives it) is not written.
		if (field && !isWritable(kind, name, field, true)) continue;
		if (!field && automatic(context, itemIndex)) continue;
		const outcome = attempt(() =>
			field ? encodeValue(name, field, value, codec) : passThrough(value),
		);
		if ('problem' in outcome) throw fieldError(item, name, outcome.problem);
		const encoded = outcome.value;
		if (encoded !== undefined && !(Array.isArray(encoded) && encoded.length === 0)) {
			result[name] = encoded as IDataObject;
		}
	}
	if (forCreate) {
		const missing = Object.entries(fields).filter(
			([name, field]) =>
				isWritable(kind, name, field, true) &&
				isRequiredOnCreate(kind, name, field) &&
				result[name] === undefined,
		);
		if (missing.length > 0) {
			const [name] = missing[0];
			throw fieldError(
				item,
				name,
				new FieldProblem(
					'is required and has no value',
					`Map a value to it in "Fields"${
						missing.length > 1
							? ` (also required: ${missing
									.slice(1)
									.map(([other, info]) => fieldLabel(other, info))
									.join(', ')})`
							: ''
					}.`,
				),
			);
		}
	}
	return withPipeline(item, result);
}

/** A field the portal's list does not name: sent as given. */
function passThrough(value: unknown): unknown {
	if (value === undefined || value === null || value === '') return undefined;
	return value;
}

/**
 * A stage of another pipeline (`C1:NEW`) puts a new record in that pipeline when none is
 * given, as the portal would otherwise put it in the default one (REST docs, crm-deal-add.md:
 * CATEGORY_ID defaults to the default pipeline, STAGE_ID is of its pipeline's directory).
 */
function withPipeline(item: ItemWrite, values: IDataObject): IDataObject {
	const { kind, forCreate } = item;
	if (kind.pipelines === undefined) return values;
	const stageName = kind.idKey === 'ID' ? 'STAGE_ID' : 'stageId';
	const categoryName = kind.idKey === 'ID' ? 'CATEGORY_ID' : 'categoryId';
	const stage = values[stageName];
	const pipeline = typeof stage === 'string' ? pipelineOfStage(stage) : undefined;
	if (pipeline === undefined) return values;
	const given = values[categoryName];
	if (given === undefined) return forCreate ? { ...values, [categoryName]: pipeline } : values;
	if (Number(given) !== pipeline) {
		throw fieldError(
			item,
			stageName,
			new FieldProblem(
				`(${stage}) is a stage of pipeline ${pipeline}, not of the pipeline given (${String(given)})`,
				'Pick a stage of the chosen pipeline, or leave the pipeline empty: the stage decides it.',
			),
		);
	}
	return values;
}

function fieldError(
	{ context, itemIndex, fields }: Pick<ItemWrite, 'context' | 'itemIndex' | 'fields'>,
	name: string,
	problem: FieldProblem,
) {
	const field = fields[name] as VendorField | undefined;
	const label = field ? fieldLabel(name, field) : name;
	const title = label === name ? `"${name}"` : `"${label.replace(` (${name})`, '')}" (${name})`;
	return inputError(
		context.getNode(),
		`${title} in item ${itemIndex} ${problem.what}`,
		problem.hint,
		itemIndex,
	);
}

import type { Effect } from '../../shared/http/effect';

/** What one PartnerWebAPI2 operation looks like in the node: the rows of each resource's table. */
export type FieldType = 'string' | 'number' | 'boolean' | 'dateTime' | 'options';

export interface FieldSpec {
	/** The 1C parameter (or column) name, sent as written. */
	name: string;
	type: FieldType;
	required?: boolean;
	description?: string;
	/** For `options`: the values 1C accepts, or [value, label] pairs. */
	options?: Array<string | [string, string]>;
}

/**
 * - `batch`: Add/Edit/Delete; rows of all input items go out as ValueTables of at most
 *   `batchSize` rows, each result row back to its own item.
 * - `read`: one call per item; a ValueTable reply becomes one item per row (Return All / Limit).
 * - `call`: one call per item; the ResultData is the output.
 */
export type OperationKind = 'batch' | 'read' | 'call';

export interface OperationSpec {
	/** The n8n operation value (a contract: do not rename). */
	value: string;
	name: string;
	action: string;
	description: string;
	/** The SOAP operation. */
	soap: string;
	kind: OperationKind;
	/**
	 * A read is sent again after a gateway error or a dropped connection; an operation that
	 * changes anything is sent once. Declared for every operation.
	 */
	effect: Effect;
	fields: FieldSpec[];
	/** Batch only: the vendor's limit of objects per call; 100 unless the vendor says less. */
	batchSize?: number;
	/** Batch only: what one successful row becomes. */
	batchOutput?: 'created' | 'updated' | 'deleted';
	/** The operation takes plain child elements, not one `Params` value. */
	plainParameters?: boolean;
	/** The reply carries a file (base64): it becomes binary data. */
	file?: { resultField?: string; fileName: string; mimeType: string };
	/** Takes a file from an input binary property (ServiceRequestAttachFile). */
	uploadsFile?: boolean;
	/** Shown under the operation, e.g. the vendor's hourly limit. */
	notice?: string;
}

/** A read that sends no file: items may run side by side, and identical calls share a reply. */
export function runsSideBySide(spec: OperationSpec): boolean {
	return spec.kind !== 'batch' && spec.effect === 'read' && !spec.uploadsFile;
}

export interface ResourceSpec {
	value: string;
	name: string;
	operations: OperationSpec[];
}

export const id = (name: string, description?: string): FieldSpec => ({
	name,
	type: 'string',
	required: true,
	description,
});
export const text = (name: string, description?: string): FieldSpec => ({
	name,
	type: 'string',
	description,
});
export const date = (name: string, description?: string): FieldSpec => ({
	name,
	type: 'dateTime',
	description,
});
export const required = (field: FieldSpec): FieldSpec => ({ ...field, required: true });

export const CHANGED_FROM = date(
	'ChangedFrom',
	'Only objects changed since this moment (in the time zone set in the personal account API settings)',
);
export const PERIOD = [
	date('PeriodFrom', 'Start of the period'),
	date('PeriodTo', 'End of the period'),
];

/** Create, Update, Delete, Get Many for one 1C object kind (`<Kind>Add`, `Edit`, `Delete`, `Read`). */
export function crud(
	kind: string,
	label: string,
	idFields: FieldSpec[],
	fields: { create: FieldSpec[]; update: FieldSpec[]; read: FieldSpec[] },
	batchSize = { add: 100, edit: 100, delete: 100 },
): OperationSpec[] {
	return [
		{
			value: 'create',
			name: 'Create',
			action: `Create a ${label}`,
			description: `Create ${label}s (${kind}Add), up to ${batchSize.add} per call across items`,
			soap: `${kind}Add`,
			kind: 'batch',
			effect: 'write',
			batchSize: batchSize.add,
			batchOutput: 'created',
			fields: fields.create,
		},
		{
			value: 'delete',
			name: 'Delete',
			action: `Delete a ${label}`,
			description: `Delete ${label}s (${kind}Delete), up to ${batchSize.delete} per call across items`,
			soap: `${kind}Delete`,
			kind: 'batch',
			effect: 'write',
			batchSize: batchSize.delete,
			batchOutput: 'deleted',
			fields: idFields,
		},
		{
			value: 'getMany',
			name: 'Get Many',
			action: `Get many ${label}s`,
			description: `List ${label}s (${kind}Read)`,
			soap: `${kind}Read`,
			kind: 'read',
			effect: 'read',
			fields: fields.read,
		},
		{
			value: 'update',
			name: 'Update',
			action: `Update a ${label}`,
			description: `Change ${label}s (${kind}Edit), up to ${batchSize.edit} per call across items`,
			soap: `${kind}Edit`,
			kind: 'batch',
			effect: 'write',
			batchSize: batchSize.edit,
			batchOutput: 'updated',
			fields: [...idFields, ...fields.update],
		},
	];
}

/** A read: one call per item, rows become items. */
export function readOperation(
	value: string,
	name: string,
	soap: string,
	what: string,
	fields: FieldSpec[] = [],
	extra: Partial<OperationSpec> = {},
): OperationSpec {
	const description = `${what.charAt(0).toUpperCase()}${what.slice(1)} (${soap})`;
	return {
		value,
		name,
		action: `Get ${what}`,
		description,
		soap,
		kind: 'read',
		effect: 'read',
		fields,
		...extra,
	};
}

/** A single call per item whose ResultData is the output; `extra` says whether it only reads. */
export function callOperation(
	value: string,
	name: string,
	soap: string,
	action: string,
	fields: FieldSpec[],
	extra: Pick<OperationSpec, 'effect'> & Partial<OperationSpec>,
): OperationSpec {
	const description = `${action} (${soap})`;
	return { value, name, action, description, soap, kind: 'call', fields, ...extra };
}

/** The invitation email with login details (`<Kind>SendWelcomeEmail`). */
export function sendWelcomeEmail(kind: string, label: string, idField: string): OperationSpec {
	return callOperation(
		'sendWelcomeEmail',
		'Send Welcome Email',
		`${kind}SendWelcomeEmail`,
		`Send a welcome email to a ${label}`,
		[id(idField)],
		{ effect: 'write' },
	);
}

/** A field as Bitrix24 describes it in crm.*.fields, crm.item.fields or tasks.task.getFields. */
export interface VendorField {
	type?: string;
	title?: string | null;
	isRequired?: boolean;
	required?: string | boolean;
	isReadOnly?: boolean;
	isImmutable?: boolean;
	primary?: boolean;
	isMultiple?: boolean;
	isDynamic?: boolean;
	formLabel?: string;
	listLabel?: string;
	statusType?: string;
	upperName?: string;
	items?: Array<{ ID: string; VALUE: string }>;
	/** tasks.task.getFields: an enum's values by key. */
	values?: Record<string, string>;
}

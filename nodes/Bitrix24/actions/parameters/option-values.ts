import type { IDataObject } from 'n8n-workflow';

/** A yes/no option as Bitrix24 takes it (1 or 0), the option's default when unset. */
export const flag = (value: unknown, fallback: boolean) => ((value ?? fallback) === true ? 1 : 0);

/** Copies the text options that are filled in, trimmed, under Bitrix24's field names. */
export function copyTextOptions(
	options: IDataObject,
	fields: Array<[option: string, field: string]>,
	params: IDataObject,
): void {
	for (const [option, field] of fields) {
		const value = String(options[option] ?? '').trim();
		if (value !== '') params[field] = value;
	}
}

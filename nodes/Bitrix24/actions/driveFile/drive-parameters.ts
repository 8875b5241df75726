import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError, itemName } from '../../../shared/errors/node-errors';

/** A Drive folder: From List (each storage's root and the folders in it), By ID. */
export const folderIdProperty: INodeProperties = {
	displayName: 'Folder',
	name: 'folderId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a folder...',
			typeOptions: { searchListMethod: 'searchDriveFolders', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '8930' },
	],
};

/** A positive whole number from a parameter, or the item's input error naming the field. */
export function driveIdOf(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): number {
	const text = String(
		context.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!/^\d+$/.test(text) || Number(text) <= 0) {
		throw inputError(
			context.getNode(),
			`"${label}" in ${itemName(itemIndex)} is not a Drive ID: ${JSON.stringify(text)}`,
			`Give the ${label.toLowerCase()}'s number, as Bitrix24 Drive shows it.`,
			itemIndex,
		);
	}
	return Number(text);
}

/**
 * A Drive file as output: its download link is left out, because it carries an access key
 * (the app's access token with OAuth2) that must not end up in execution data.
 */
export function driveFileOutput(file: unknown): IDataObject {
	const fields = { ...((file ?? {}) as IDataObject) };
	delete fields.DOWNLOAD_URL;
	return fields;
}

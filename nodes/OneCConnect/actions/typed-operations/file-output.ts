import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { apiError } from '../../../shared/errors/node-errors';
import type { XdtoJson } from '../../xdto/codec';
import type { OperationSpec } from '../operation-spec';
import { outputBinaryFieldOf } from '../parameters/binary-fields';

/** A base64 file in the reply (a ZIP of chat history, a service request file) as binary data. */
export async function fileOutput(
	context: IExecuteFunctions,
	spec: OperationSpec,
	result: XdtoJson,
	itemIndex: number,
): Promise<INodeExecutionData> {
	const file = spec.file as NonNullable<OperationSpec['file']>;
	const fields =
		result !== null && typeof result === 'object' && !Array.isArray(result) ? result : {};
	const encoded = file.resultField ? (fields as IDataObject)[file.resultField] : result;
	if (typeof encoded !== 'string' || !/^[A-Za-z0-9+/=\s]*$/.test(encoded)) {
		throw apiError(context.getNode(), {
			message: `${spec.soap} did not answer a base64 file`,
			description: 'Check the parameters: the period or the file ID may not exist.',
			itemIndex,
		});
	}
	const name = (fields as IDataObject).Name;
	const fileName = typeof name === 'string' && name !== '' ? name : file.fileName;
	const buffer = Buffer.from(encoded.replace(/\s+/g, ''), 'base64');
	const property = outputBinaryFieldOf(context, itemIndex);
	const binary = await context.helpers.prepareBinaryData(buffer, fileName, file.mimeType);
	return {
		json: { fileName, size: buffer.length },
		binary: { [property]: binary },
		pairedItem: { item: itemIndex },
	};
}

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { inputError, itemName } from '../../../shared/errors/node-errors';
import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { ownerTypeName } from '../../crm/owner-types';
import { BITRIX24_CONCURRENCY, bitrixApiRequest } from '../../transport';
import { ownerOf, ownerProperties } from '../crm-owner/owner';
import { MAX_INLINE_BYTES, megabytesOf, requiredBinary } from '../parameters/binary-input';
import { targetOf } from '../parameters/portal-options';
import { batchLimits, runCommandsAcrossItems } from '../records/run-commands';

export const option: OperationModule['option'] = {
	name: 'Create',
	value: 'create',
	description: "Add a comment to a record's timeline",
	action: 'Create a timeline comment',
};

export const properties = [
	...ownerProperties(() => true),
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string' as const,
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: 'The text of the comment',
	},
	{
		displayName: 'Attach Files',
		name: 'attachFiles',
		type: 'string' as const,
		default: '',
		placeholder: 'data, invoice',
		hint: 'The input binary fields to attach, separated by commas; empty: none',
		description:
			'Files from the input item, saved with the comment (on Drive, in the folder for uploaded files); up to 25 MB per comment',
	},
];

interface SentComment extends IDataObject {
	ENTITY_TYPE: string;
	ENTITY_ID: number;
	COMMENT: string;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const raw = this.getNodeParameter('attachFiles', 0, '', { rawExpressions: true });
	if (String(raw ?? '').trim() !== '') return await createWithFiles(this);
	const sent: SentComment[] = [];
	return await runCommandsAcrossItems(this, {
		effect: 'write',
		commandOf: (itemIndex) => {
			sent[itemIndex] = commentOf(this, itemIndex);
			return { method: 'crm.timeline.comment.add', params: { fields: sent[itemIndex] } };
		},
		toOutput: (result, itemIndex) => ({ ID: String(result), ...sent[itemIndex] }),
	});
}

function commentOf(context: IExecuteFunctions, itemIndex: number): SentComment {
	const owner = ownerOf(context, itemIndex);
	const comment = String(context.getNodeParameter('comment', itemIndex, '')).trim();
	if (comment === '') {
		throw inputError(
			context.getNode(),
			`"Comment" in item ${itemIndex} is empty`,
			'Enter the text of the comment.',
			itemIndex,
		);
	}
	return {
		ENTITY_TYPE: ownerTypeName(owner.entityTypeId),
		ENTITY_ID: owner.ownerId,
		COMMENT: comment,
	};
}

/**
 * Comments with files go one request per item, the files Base64 inside it as `FILES` pairs
 * (api-reference/crm/timeline/comments/crm-timeline-comment-add.md): fifty of them in one
 * `batch` could make a request of a gigabyte.
 */
async function createWithFiles(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const target = targetOf(context);
	return await runPerItem(
		context,
		async (itemIndex) => {
			const fields = commentOf(context, itemIndex);
			const files = await filesOf(context, itemIndex);
			const reply = await bitrixApiRequest(context, target, {
				method: 'crm.timeline.comment.add',
				params: {
					fields: files.length > 0 ? { ...fields, FILES: files.map((file) => file.sent) } : fields,
				},
				effect: 'write',
				itemIndex,
				...batchLimits(context),
			});
			return {
				ID: String(reply.result),
				...fields,
				...(files.length > 0 && { FILES: files.map((file) => file.shown) }),
			};
		},
		{ concurrency: BITRIX24_CONCURRENCY, effect: 'write' },
	);
}

async function filesOf(context: IExecuteFunctions, itemIndex: number) {
	const names = String(context.getNodeParameter('attachFiles', itemIndex, '') ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	const binaries = [];
	for (const name of new Set(names)) binaries.push(await requiredBinary(context, itemIndex, name));
	const total = binaries.reduce((sum, binary) => sum + binary.size, 0);
	if (total > MAX_INLINE_BYTES) {
		throw inputError(
			context.getNode(),
			`The files to attach in ${itemName(itemIndex)} make ${megabytesOf(total)} MB, over the ${MAX_INLINE_BYTES / 1024 / 1024} MB limit for files attached to a comment`,
			'Attach smaller files, or upload them with Drive File → Upload and put their links in the comment.',
			itemIndex,
		);
	}
	const files = [];
	for (const binary of binaries) {
		const name = binary.fileName || `${binary.property}.bin`;
		const bytes = await binary.buffer();
		files.push({ sent: [name, bytes.toString('base64')], shown: { name, size: bytes.length } });
	}
	return files;
}

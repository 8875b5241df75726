import type { FieldSpec, OperationSpec } from '../operation-spec';
import {
	PERIOD,
	callOperation as call,
	date,
	id,
	readOperation as read,
	required,
	text,
} from '../operation-spec';
import { typedResource } from '../typed-operations/typed-resource';

const REQUEST_FIELDS: FieldSpec[] = [
	text('ServiceRequestChannelID', 'Channel (see Get Channels)'),
	text('ServiceKindID', 'Service kind'),
	text('ServiceRequestTypeID', 'Request type (see Get Types)'),
	text('ExecutorID', 'The specialist who carries it out'),
	text('ServiceRequestStatusID', 'Status (see Get Statuses)'),
	text('Description', 'Up to 8,000 characters'),
	{ name: 'Duration', type: 'number', description: 'Planned duration in seconds' },
	text('Summary', 'Result summary, up to 1,000 characters'),
	{
		name: 'Priority',
		type: 'options',
		options: ['STANDARD', 'LOW', 'HIGH'],
		description: 'Priority',
	},
	date('Deadline', 'Due date'),
	text('Field1'),
	text('Field2'),
	text('Field3'),
	text('Field4'),
	text('Field5'),
];

function batch(
	value: string,
	name: string,
	soap: string,
	action: string,
	batchOutput: OperationSpec['batchOutput'],
	fields: FieldSpec[],
): OperationSpec {
	return {
		value,
		name,
		action,
		description: `${action} (${soap}), up to 100 per call across items`,
		soap,
		kind: 'batch',
		idempotent: false,
		batchOutput,
		fields,
	};
}

export const serviceRequest = typedResource({
	value: 'serviceRequest',
	name: 'Service Request',
	operations: [
		{
			...batch('create', 'Create', 'ServiceRequestAdd', 'Create a service request', 'created', [
				id('ServiceLineKindID', 'The support line'),
				id('UserID', 'The client user the request is for'),
				...REQUEST_FIELDS,
			]),
			notice: 'ServiceRequestAdd allows 50 calls an hour by day (250 at night) per API login.',
		},
		batch('update', 'Update', 'ServiceRequestEdit', 'Update a service request', 'updated', [
			id('ServiceRequestID'),
			text('ServiceLineKindID'),
			text('UserID'),
			...REQUEST_FIELDS,
		]),
		read('getMany', 'Get Many', 'ServiceRequestRead', 'many service requests', [
			...PERIOD,
			text('ServiceRequestID'),
			text('ClientID'),
		]),
		read('getStatuses', 'Get Statuses', 'ServiceRequestStatusRead', 'service request statuses'),
		read('getTypes', 'Get Types', 'ServiceRequestTypeRead', 'service request types'),
		batch(
			'createType',
			'Create Type',
			'ServiceRequestTypeAdd',
			'Create a service request type',
			'created',
			[required(text('Name', 'Type name'))],
		),
		batch(
			'updateType',
			'Update Type',
			'ServiceRequestTypeEdit',
			'Update a service request type',
			'updated',
			[id('ServiceRequestTypeID'), text('Name', 'Type name')],
		),
		batch(
			'deleteType',
			'Delete Type',
			'ServiceRequestTypeDelete',
			'Delete a service request type',
			'deleted',
			[id('ServiceRequestTypeID')],
		),
		read('getChannels', 'Get Channels', 'ServiceRequestChannelRead', 'service request channels'),
		read('getFiles', 'Get Files', 'ServiceRequestFiles', 'files of a service request', [
			required(text('ServiceRequestID')),
		]),
		read('getMessages', 'Get Messages', 'ServiceRequestMessages', 'messages of a service request', [
			required(text('ServiceRequestID')),
		]),
		read(
			'getHistory',
			'Get History',
			'ServiceRequestHistory',
			'the change history of a service request',
			[required(text('ServiceRequestID'))],
		),
		call(
			'sendMessage',
			'Send Message',
			'ServiceRequestSendTextMessage',
			'Send a text message to a service request',
			[
				id('ServiceRequestID'),
				id('AuthorID', 'The specialist or user writing'),
				required(text('Message')),
			],
			{ idempotent: false, plainParameters: true },
		),
		call(
			'updateMessage',
			'Update Message',
			'ServiceRequestEditTextMessage',
			'Change a message of a service request',
			[id('MessageID'), required(text('Message'))],
			{ idempotent: false },
		),
		call(
			'deleteMessage',
			'Delete Message',
			'ServiceRequestDeleteTextMessage',
			'Delete a message of a service request',
			[id('MessageID')],
			{ idempotent: false },
		),
		call(
			'attachFile',
			'Attach File',
			'ServiceRequestAttachFile',
			'Attach a file to a service request',
			[id('ServiceRequestID'), id('AuthorID', 'The specialist or user attaching it')],
			{ idempotent: false, plainParameters: true, uploadsFile: true },
		),
		call(
			'deleteFile',
			'Delete File',
			'ServiceRequestDeleteFile',
			'Delete a file of a service request',
			[id('FileID')],
			{ idempotent: false },
		),
		call(
			'downloadFile',
			'Download File',
			'ServiceRequestDownloadFile',
			'Download a file of a service request',
			[id('FileID')],
			{
				idempotent: true,
				plainParameters: true,
				file: { resultField: 'fileData', fileName: 'file', mimeType: 'application/octet-stream' },
			},
		),
	],
});

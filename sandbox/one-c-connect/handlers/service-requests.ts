import { createHash, randomUUID } from 'node:crypto';

import type { OperationHandler, SimState } from '../handler-types';
import { notExist, ok, structureOf, wrongParam } from '../handler-types';

function requestMissing(state: SimState, id: unknown) {
	return state.store.exists('ServiceRequest', id)
		? undefined
		: notExist(`ServiceRequestID: no service request with ID ${String(id)}`);
}

function byRequest(map: Map<string, Record<string, unknown>>, id: unknown) {
	return [...map.values()].filter((row) => row.ServiceRequestID === id);
}

export function serviceRequestHandlers(): Record<string, OperationHandler> {
	return {
		ServiceRequestMessages: (call, state) => {
			const { ServiceRequestID: id } = structureOf(call);
			return requestMissing(state, id) ?? ok(byRequest(state.messages, id));
		},
		ServiceRequestFiles: (call, state) => {
			const { ServiceRequestID: id } = structureOf(call);
			const files = byRequest(state.files, id).map((file) =>
				Object.fromEntries(Object.entries(file).filter(([name]) => name !== 'Data')),
			);
			return requestMissing(state, id) ?? ok(files);
		},
		ServiceRequestHistory: (call, state) => {
			const { ServiceRequestID: id } = structureOf(call);
			const missing = requestMissing(state, id);
			if (missing) return missing;
			const request = state.store
				.all('ServiceRequest')
				.find((each) => each.fields.ServiceRequestID === id);
			return ok([
				{
					Date: request?.fields.CreateTime ?? null,
					Event: 'CREATED',
					ServiceRequestStatusID: 'status-new',
				},
			]);
		},
		ServiceRequestSendTextMessage: (call, state) => {
			const { ServiceRequestID: id, AuthorID, Message } = call.plain;
			const missing = requestMissing(state, id);
			if (missing) return missing;
			if (!Message) return notExist('Message: required');
			const MessageID = randomUUID();
			state.messages.set(MessageID, {
				MessageID,
				ServiceRequestID: id,
				AuthorID,
				Message,
				Date: new Date(state.now()),
			});
			return ok({ MessageID });
		},
		ServiceRequestEditTextMessage: (call, state) => {
			const { MessageID, Message } = structureOf(call);
			const message = state.messages.get(String(MessageID));
			if (!message) return notExist(`MessageID: no message with ID ${String(MessageID)}`);
			message.Message = Message;
			return ok(null);
		},
		ServiceRequestDeleteTextMessage: (call, state) => {
			const { MessageID } = structureOf(call);
			if (!state.messages.delete(String(MessageID)))
				return notExist(`MessageID: no message with ID ${String(MessageID)}`);
			return ok(null);
		},
		ServiceRequestAttachFile: (call, state) => {
			const { ServiceRequestID: id, AuthorID, Name, Hash, Data } = call.plain;
			const missing = requestMissing(state, id);
			if (missing) return missing;
			const bytes = Buffer.from(Data ?? '', 'base64');
			if (createHash('md5').update(bytes).digest('hex') !== String(Hash).toLowerCase()) {
				return wrongParam('Hash: does not match Data');
			}
			const FileID = randomUUID();
			state.files.set(FileID, {
				FileID,
				ServiceRequestID: id,
				AuthorID,
				Name,
				Size: bytes.length,
				Data,
			});
			return ok({ FileID });
		},
		ServiceRequestDeleteFile: (call, state) => {
			const { FileID } = structureOf(call);
			if (!state.files.delete(String(FileID)))
				return notExist(`FileID: no file with ID ${String(FileID)}`);
			return ok(null);
		},
		ServiceRequestDownloadFile: (call, state) => {
			const file = state.files.get(call.plain.FileID);
			if (!file) return notExist(`FileID: no file with ID ${call.plain.FileID}`);
			return ok({ Name: file.Name, fileData: file.Data });
		},
	};
}

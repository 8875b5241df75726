import type { OperationHandler } from '../handler-types';
import { notExist, ok, structureOf } from '../handler-types';
import { kindOf, batchOrSingle } from './objects';

function manager(field: 'ClientManagerID' | 'ServiceManagerID'): OperationHandler {
	return (call, state) => {
		const params = structureOf(call);
		const client = state.store.get(kindOf('Client'), params);
		if (!client) return notExist(`ClientID: no client with ID ${String(params.ClientID)}`);
		if (!state.store.exists('Specialist', params.SpecialistID)) {
			return notExist(`SpecialistID: no specialist with ID ${String(params.SpecialistID)}`);
		}
		state.store.edit(client, { [field]: params.SpecialistID });
		return ok(null);
	};
}

function welcome(kind: 'Specialist' | 'ClientUser', idField: string): OperationHandler {
	return (call, state) => {
		const params = structureOf(call);
		if (!state.store.exists(kind, params[idField])) {
			return notExist(`${idField}: no ${kind} with ID ${String(params[idField])}`);
		}
		return ok(null);
	};
}

export function clientHandlers(
	maxRowsOf: (operation: string) => number,
): Record<string, OperationHandler> {
	return {
		ClientITSStatus: (call, state) => {
			const params = structureOf(call);
			if (!state.store.exists('Client', params.ClientID)) {
				return notExist(`ClientID: no client with ID ${String(params.ClientID)}`);
			}
			return ok({
				ClientID: params.ClientID,
				ITSStatus: 'ACTIVE',
				ExpiresDate: new Date(Date.UTC(2030, 0, 1)),
			});
		},
		ClientSetClientManager: manager('ClientManagerID'),
		ClientSetServiceManager: manager('ServiceManagerID'),
		SpecialistSendWelcomeEmail: welcome('Specialist', 'SpecialistID'),
		ClientUserSendWelcomeEmail: welcome('ClientUser', 'UserID'),
		ClientAdditionalParameterValueEdit: (call, state) =>
			batchOrSingle(call, maxRowsOf(call.operation), (fields) => {
				if (!state.store.exists('ClientAdditionalParameter', fields.ClientParameterID)) {
					return notExist(
						`ClientParameterID: no parameter with ID ${String(fields.ClientParameterID)}`,
					);
				}
				if (!state.store.exists('Client', fields.ClientID)) {
					return notExist(`ClientID: no client with ID ${String(fields.ClientID)}`);
				}
				state.paramValues.set(`${String(fields.ClientParameterID)}|${String(fields.ClientID)}`, {
					ClientParameterID: fields.ClientParameterID,
					ClientID: fields.ClientID,
					Value: fields.Value ?? '',
					Color: fields.Color ?? 'NONE',
				});
				return ok(true);
			}),
		ClientAdditionalParameterValueRead: (call, state) => {
			const params = structureOf(call);
			return ok(
				[...state.paramValues.values()].filter(
					(row) =>
						(!params.ClientID || row.ClientID === params.ClientID) &&
						(!params.ClientParameterID || row.ClientParameterID === params.ClientParameterID),
				),
			);
		},
	};
}

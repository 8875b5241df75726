import { randomUUID } from 'node:crypto';

import type { OperationHandler } from '../handler-types';
import { notExist, ok, structureOf } from '../handler-types';

function buyRequest(status: 'ACCEPTED' | 'REFUSED'): OperationHandler {
	return (call, state) => {
		const { RequestID } = structureOf(call);
		const request = (state.lists.get('StorefrontProductBuyRequestsGet') ?? []).find(
			(row) => row.RequestID === RequestID,
		);
		if (!request) return notExist(`RequestID: no buy request with ID ${String(RequestID)}`);
		request.Status = status;
		return ok(null);
	};
}

export function partnerHandlers(): Record<string, OperationHandler> {
	return {
		PartnerNotificationAdd: (call, state) => {
			const params = structureOf(call);
			if (!params.Text) return notExist('Text: required');
			const NotificationID = randomUUID();
			state.notifications.push({ NotificationID, ...params });
			return ok({ NotificationID });
		},
		StorefrontProductBuyRequestAccept: buyRequest('ACCEPTED'),
		StorefrontProductBuyRequestRefuse: buyRequest('REFUSED'),
	};
}

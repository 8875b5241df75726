import type { OperationCall, OperationHandler, SimState } from '../handler-types';
import { ok, structureOf, timeOf, wrongParam } from '../handler-types';
import { ONE_C_DEMO_CHAT_ZIP } from '../demo-data';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The longest period (days) an operation accepts, where the vendor documents one. */
const MAX_PERIOD_DAYS: Record<string, number> = {
	GetHistoryOfServiceCalls: 7,
	GetHistoryOfServiceTreatments: 35,
};

/**
 * The date column that places a history row in time: a call by its Start (the vendor page of
 * GetHistoryOfServiceCalls: PeriodFrom "selects calls that started after this moment").
 */
function rowTime(row: Record<string, unknown>): number | undefined {
	return timeOf(row.Start ?? row.Opened ?? row.Date);
}

function periodProblem(operation: string, from?: number, to?: number): string | undefined {
	const maxDays = MAX_PERIOD_DAYS[operation];
	if (from !== undefined && to !== undefined && to < from) return 'PeriodTo: before PeriodFrom';
	if (maxDays && from !== undefined && (to ?? Number.POSITIVE_INFINITY) - from > maxDays * DAY_MS) {
		return `The period is longer than ${maxDays} days`;
	}
	return undefined;
}

function listRows(call: OperationCall, state: SimState) {
	const params = structureOf(call);
	const isTreatments = call.operation.includes('Treatments');
	const from = timeOf(isTreatments ? params.OpenedFrom : params.PeriodFrom);
	const to = timeOf(isTreatments ? params.OpenedTo : params.PeriodTo);
	const problem = periodProblem(call.operation, from, to ?? state.now());
	if (problem) return wrongParam(problem);
	const filters = ['ClientID', 'ServiceUserID', 'ServiceID', 'StartPictureID', 'ProductID'].filter(
		(name) => params[name] !== undefined && params[name] !== null && params[name] !== '',
	);
	const rows = (state.lists.get(call.operation) ?? []).filter((row) => {
		const at = rowTime(row);
		if (from !== undefined && (at === undefined || at < from)) return false;
		if (to !== undefined && (at === undefined || at > to)) return false;
		return filters.every((name) => row[name] === undefined || row[name] === params[name]);
	});
	return ok(rows.map(withDates));
}

/** Date columns travel as xs:dateTime. */
function withDates(row: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(row).map(([name, value]) => [
			name,
			typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(value)
				? new Date(`${value}Z`)
				: value,
		]),
	);
}

export const LIST_OPERATIONS = [
	'RegionRead',
	'ServiceRequestStatusRead',
	'ServiceRequestChannelRead',
	'StartPictureRead',
	'StorefrontProductsRead',
	'StartPictureClicksHistoryRead',
	'StorefrontProductClicksHistoryRead',
	'GetClientUsageStatistics',
	'StorefrontProductBuyRequestsGet',
	'GetHistoryOfServiceCalls',
	'GetHistoryOfServiceCallsComments',
	'GetHistoryOfServiceChat',
	'GetHistoryOfServiceFileTransfer',
	'GetHistoryOfServiceRASessions',
	'GetHistoryOfServiceRASessionsComments',
	'GetHistoryOfServiceTreatments',
	'GetHistoryOfServiceTreatmentsComments',
	'GetHistoryOfSIPCalls',
	'GetHistoryOfAgentSessions',
];

export function historyHandlers(): Record<string, OperationHandler> {
	const handlers: Record<string, OperationHandler> = Object.fromEntries(
		LIST_OPERATIONS.map((operation) => [operation, listRows]),
	);
	handlers.GetOpenedServiceTreatments = (call, state) => {
		const params = structureOf(call);
		const rows = (state.lists.get('GetHistoryOfServiceTreatments') ?? []).filter(
			(row) => row.Closed === null && (!params.ClientID || row.ClientID === params.ClientID),
		);
		return ok(rows.map(withDates));
	};
	handlers.GetHistoryOfColleaguesChat = (call, state) => {
		const params = structureOf(call);
		const problem = periodProblem(
			call.operation,
			timeOf(params.PeriodFrom),
			timeOf(params.PeriodTo) ?? state.now(),
		);
		if (problem) return wrongParam(problem);
		if (params.PeriodFrom === undefined) return wrongParam('PeriodFrom: required');
		return ok(ONE_C_DEMO_CHAT_ZIP);
	};
	return handlers;
}

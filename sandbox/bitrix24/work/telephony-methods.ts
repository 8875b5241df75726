// External calls as b24restdocs describes them: api-reference/telephony/telephony-external-call-register.md,
// telephony-external-call-finish.md, telephony-external-call-attach-record.md (FILENAME with
// FILE_CONTENT in Base64, wav or mp3 only; FILENAME alone answers uploadUrl and fieldName) and telephony-external-call-search-crm-entities.md.
// register and finish work only for applications.
import { MethodError } from '../bitrix-errors';
import type { MethodContext, MethodResult } from '../methods';
import type { Row } from '../crm/query';
import type { PortalState } from '../portal-state';
import type { ExternalCall } from './work-state';

const core = (text: string) => new MethodError(400, 'ERROR_CORE', text);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function appOnly(context: MethodContext) {
	if (context.caller.mode !== 'oauth') {
		throw new MethodError(
			401,
			'WRONG_AUTH_TYPE',
			'Current authorization type is denied for this method.',
		);
	}
}

function userOf(context: MethodContext): number {
	const id = Number(context.params.USER_ID ?? 0);
	if (!(id > 0) && String(context.params.USER_PHONE_INNER ?? '') === '') {
		throw core('USER_ID or USER_PHONE_INNER should be set.');
	}
	const user = context.portal.users.find((row) => Number(row.ID) === id && row.ACTIVE === true);
	if (!user) throw core('User is not found or is not active.');
	return id;
}

const digits = (phone: unknown) => String(phone ?? '').replace(/\D/g, '');

/** CRM records (contacts, companies, leads) with this phone, as the search answers them. */
function recordsWithPhone(context: MethodContext, phone: string) {
	const wanted = digits(phone);
	const kinds = [
		['CONTACT', 'contact'],
		['COMPANY', 'company'],
		['LEAD', 'lead'],
	] as const;
	return kinds.flatMap(([type, entity]) =>
		context.portal.crm[entity]
			.rows()
			.filter((row: Row) =>
				((row.PHONE ?? []) as Array<{ VALUE?: unknown }>).some(
					(entry) => wanted !== '' && digits(entry.VALUE) === wanted,
				),
			)
			.map((row: Row) => ({ type, row })),
	);
}

function register(context: MethodContext): MethodResult {
	appOnly(context);
	const { params, portal } = context;
	const userId = userOf(context);
	const type = Number(params.TYPE);
	if (![1, 2, 3, 4, 5].includes(type)) throw core('Unknown TYPE.');
	const phone = String(params.PHONE_NUMBER ?? '').trim();
	if (digits(phone) === '') throw core('Unsupported phone number format.');
	const started = String(params.CALL_START_DATE ?? '');
	if (started !== '' && Number.isNaN(Date.parse(started))) {
		throw core('CALL_START_DATE should be in the ISO-8601 format.');
	}
	const externalId = params.EXTERNAL_CALL_ID === undefined ? '' : String(params.EXTERNAL_CALL_ID);
	// A repeated registration of the same physical call answers the existing CALL_ID.
	const existing = portal.work.calls.find(
		(call) =>
			!call.finished &&
			call.phone === phone &&
			call.type === type &&
			call.userId === userId &&
			(call.externalId ?? '') === externalId,
	);
	if (existing) return { result: registration(existing, []) };
	let [match] = recordsWithPhone(context, phone);
	const created: Array<Record<string, unknown>> = [];
	if (!match && String(params.CRM_CREATE) === '1') {
		const id = portal.crm.lead.add({
			TITLE: `Звонок ${phone}`,
			PHONE: [{ VALUE: phone, VALUE_TYPE: 'WORK' }],
			ASSIGNED_BY_ID: String(userId),
		});
		created.push({ ENTITY_TYPE: 'LEAD', ENTITY_ID: id });
		match = { type: 'LEAD', row: { ID: String(id) } };
	}
	const call: ExternalCall = {
		CALL_ID: `externalCall.${portal.work.newToken()}.${Math.floor(Date.now() / 1000)}`,
		userId,
		phone,
		type,
		externalId,
		startedAt: started || new Date().toISOString(),
		crmEntityType: match?.type ?? null,
		crmEntityId: match ? Number(match.row.ID) : null,
	};
	portal.work.calls.push(call);
	return { result: registration(call, created) };
}

function registration(call: ExternalCall, created: Array<Record<string, unknown>>) {
	return {
		CALL_ID: call.CALL_ID,
		CRM_CREATED_LEAD: created.find((entry) => entry.ENTITY_TYPE === 'LEAD')?.ENTITY_ID ?? null,
		CRM_CREATED_ENTITIES: created,
		CRM_ENTITY_TYPE: call.crmEntityType,
		CRM_ENTITY_ID: call.crmEntityId,
	};
}

function finish(context: MethodContext): MethodResult {
	appOnly(context);
	const { params, portal } = context;
	if (typeof params.CALL_ID !== 'string') {
		throw new MethodError(400, 'INVALID_ARGUMENT', 'CALL_ID must be a string');
	}
	const userId = userOf(context);
	const call = portal.work.calls.find((candidate) => candidate.CALL_ID === params.CALL_ID);
	if (!call) throw core('Call is not found (call should be registered prior to finishing)');
	const duration = Number(params.DURATION ?? 0) || 0;
	const status = String(params.STATUS_CODE ?? (duration > 0 ? '200' : '304'));
	call.finished = {
		CALL_ID: call.CALL_ID,
		EXTERNAL_CALL_ID: call.externalId === '' ? null : call.externalId,
		PORTAL_USER_ID: userId,
		PHONE_NUMBER: call.phone,
		INCOMING: String(call.type),
		CALL_DURATION: duration,
		CALL_START_DATE: {},
		CALL_STATUS: status === '200' ? 1 : 0,
		CALL_VOTE: Number(params.VOTE ?? 0) || null,
		COST: Number(params.COST ?? 0) || 0,
		COST_CURRENCY: String(params.COST_CURRENCY ?? ''),
		CALL_FAILED_CODE: status,
		CALL_FAILED_REASON: String(params.FAILED_REASON ?? ''),
		CRM_ACTIVITY_ID: portal.work.nextId(),
		COMMENT: null,
		CRM_ENTITY_TYPE: call.crmEntityType,
		CRM_ENTITY_ID: call.crmEntityId,
		ID: portal.work.nextId(),
	};
	return { result: call.finished };
}

function attachRecord(context: MethodContext): MethodResult {
	const { params, portal } = context;
	const call = portal.work.calls.find((candidate) => candidate.CALL_ID === String(params.CALL_ID));
	if (!call?.finished) {
		throw core('Call is not found in the statistic table. It looks like it is not finished yet.');
	}
	if (params.FILENAME === undefined && params.RECORD_URL === undefined) {
		throw core(
			'Required parameters are not set. Request should contain either URL or FILENAME parameter',
		);
	}
	const name = String(params.FILENAME ?? '').trim();
	if (name === '') throw core('File name is empty');
	if (!/\.(wav|mp3)$/i.test(name)) throw core('Wrong file extension. Only wav and mp3 are allowed');
	const content = String(params.FILE_CONTENT ?? '');
	if (params.FILE_CONTENT === undefined) {
		// FILENAME without FILE_CONTENT: an address to send the file to, and the form field.
		const token = portal.work.newToken();
		portal.work.uploads.set(token, { kind: 'telephony', callId: call.CALL_ID, name });
		const auth =
			typeof params.auth === 'string'
				? params.auth
				: portal.work.downloadKey(context.caller.userId);
		const uploadUrl = `${context.caller.origin}/rest/upload.json?auth=${encodeURIComponent(auth)}&token=${encodeURIComponent(`telephony|${token}`)}`;
		return { result: { uploadUrl, fieldName: 'file' } };
	}
	if (content === '') throw core('File content is empty.');
	if (!BASE64.test(content)) {
		throw core('File content is not properly encoded. Base64 encoding is expected.');
	}
	return { result: saveRecord(portal, call.CALL_ID, name, Buffer.from(content, 'base64')) };
}

/** The call's recording, replacing one attached before (the method's page: "the new record will replace"). */
export function saveRecord(portal: PortalState, callId: string, name: string, content: Buffer) {
	const call = portal.work.calls.find((candidate) => candidate.CALL_ID === callId);
	if (!call) throw core('Call is not found in the statistic table.');
	const fileId = portal.work.nextId();
	call.record = { name, content, fileId };
	return { FILE_ID: fileId };
}

function searchCrmEntities(context: MethodContext): MethodResult {
	const phone = String(context.params.PHONE_NUMBER ?? '').trim();
	if (phone === '') throw core('PHONE_NUMBER is empty');
	return {
		result: recordsWithPhone(context, phone).map(({ type, row }) => {
			const assigned = String(row.ASSIGNED_BY_ID ?? '1');
			return {
				CRM_ENTITY_TYPE: type,
				CRM_ENTITY_ID: Number(row.ID),
				ASSIGNED_BY_ID: Number(assigned),
				NAME:
					type === 'CONTACT'
						? [row.NAME, row.LAST_NAME].filter(Boolean).join(' ')
						: String(row.TITLE ?? ''),
				ASSIGNED_BY: {
					ID: assigned,
					TIMEMAN_STATUS: 'CLOSED',
					USER_PHONE_INNER: null,
					WORK_PHONE: null,
					PERSONAL_PHONE: null,
					PERSONAL_MOBILE: null,
				},
			};
		}),
	};
}

export const TELEPHONY_METHODS = {
	'telephony.externalcall.register': register,
	'telephony.externalcall.finish': finish,
	'telephony.externalcall.attachrecord': attachRecord,
	'telephony.externalcall.searchcrmentities': searchCrmEntities,
};

/** AtiCode.ContactID: the firm's ATI code, a dot, the contact's number ('123456.0'). */
const CODE_ID_PATTERN = /^\d+\.\d+$/;

export function isCodeId(value: unknown): value is string {
	return typeof value === 'string' && CODE_ID_PATTERN.test(value);
}

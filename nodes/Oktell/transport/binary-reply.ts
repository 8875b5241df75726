import { headerValue } from '../../shared/http/vendor-request';
import type { OktellReply } from './index';

/** The file name a reply gives in Content-Disposition (RFC 6266 `filename*` first). */
export function fileNameOf(reply: OktellReply): string | undefined {
	const disposition = headerValue(reply.headers, 'content-disposition') ?? '';
	const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(disposition);
	if (extended) {
		try {
			return decodeURIComponent(extended[2].trim());
		} catch {
			// fall through to the plain form
		}
	}
	const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(disposition);
	const name = (plain?.[1] ?? plain?.[2])?.trim();
	return name ? name.replace(/^.*[\\/]/, '') : undefined;
}

export function mimeTypeOf(reply: OktellReply): string | undefined {
	const type = headerValue(reply.headers, 'content-type')?.split(';')[0].trim();
	return type ? type : undefined;
}

/** Whether a reply is a file rather than text: it says "attachment", or its type is not text. */
export function isFileReply(reply: OktellReply): boolean {
	const disposition = headerValue(reply.headers, 'content-disposition') ?? '';
	if (/attachment|filename/i.test(disposition)) return true;
	const type = mimeTypeOf(reply);
	return type !== undefined && !/^text\/|json|xml/i.test(type);
}

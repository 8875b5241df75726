import type { Socket } from 'node:net';

export type ClientErrorInfo = Error & { code?: string; rawPacket?: Buffer };

/**
 * Node's HTTP parser only knows the methods in http.METHODS and rejects any other token
 * (HPE_INVALID_METHOD) before a request handler runs. SimulatorServer reads such a request from
 * the raw socket itself when a route exists for its method (raw-request.ts, e.g. ERA's LOOKUP);
 * other unknown methods get this JSON 501, other parse errors a JSON 400.
 */
export function answerClientError(error: ClientErrorInfo, socket: Socket): void {
	if (!socket.writable) {
		socket.destroy();
		return;
	}
	const unknownMethod = error.code === 'HPE_INVALID_METHOD';
	const status = unknownMethod ? 501 : 400;
	const body = JSON.stringify({
		error: unknownMethod ? 'not_implemented' : 'bad_request',
		reason: unknownMethod ? 'HTTP method not supported by the simulator yet' : error.message,
	});
	socket.end(
		`HTTP/1.1 ${status} ${unknownMethod ? 'Not Implemented' : 'Bad Request'}\r\n` +
			'Content-Type: application/json; charset=utf-8\r\n' +
			`Content-Length: ${Buffer.byteLength(body)}\r\n` +
			'Connection: close\r\n\r\n' +
			body,
	);
}

/** Posts a form body as Bitrix24 posts an event to a handler; the status and text of the reply. */
export async function postForm(url: string, body: string) {
	const reply = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body,
	});
	return { status: reply.status, body: await reply.text() };
}

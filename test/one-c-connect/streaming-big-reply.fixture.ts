/** A ClientRead reply of many clients, written by hand as 1C-Connect sends it (no node code). */
const envelope = (body: string) =>
	`<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${body}</soap:Body></soap:Envelope>`;

const COLUMNS: Array<[string, string]> = [
	['ClientID', 'xs:string'],
	['Name', 'xs:string'],
	['INN', 'xs:string'],
	['Balance', 'xs:decimal'],
	['Active', 'xs:boolean'],
	['CreateTime', 'xs:dateTime'],
	['Phone', 'xs:string'],
	['EMail', 'xs:string'],
	['Comment', 'xs:string'],
	['Address', 'xs:string'],
];

const typed = (type: string, value: string) => `<Value xsi:type="${type}">${value}</Value>`;

/** A ClientRead reply of `rows` clients written by hand, as 1C-Connect sends it. */
export function bigClientRead(rows: number): Buffer {
	const columns = COLUMNS.map(
		([name, type]) =>
			`<column><Name>${name}</Name><ValueType><Type>${type}</Type></ValueType></column>`,
	).join('');
	const body: string[] = [];
	for (let index = 0; index < rows; index++) {
		body.push(
			'<row>' +
				typed('xs:string', `c0ffee00-0000-4000-8000-${String(index).padStart(12, '0')}`) +
				typed('xs:string', `ООО «Клиент ${index}» &amp; &lt;партнёр&gt;`) +
				typed('xs:string', String(7700000000 + index)) +
				typed('xs:decimal', `${index}.25`) +
				typed('xs:boolean', index % 2 === 0 ? 'true' : 'false') +
				typed('xs:dateTime', '2024-01-01T09:30:00') +
				typed('xs:string', `+7 495 ${String(index).padStart(7, '0')}`) +
				typed('xs:string', `client${index}@example.ru`) +
				(index % 3 === 0
					? typed('xs:string', 'VIP &amp; &quot;важный&quot;')
					: '<Value xsi:nil="true"/>') +
				typed('xs:string', `г. Москва, ул. Тверская, д. ${index % 200}`) +
				'</row>',
		);
	}
	const core = 'xmlns="http://v8.1c.ru/8.1/data/core"';
	const text = envelope(
		'<m:ClientReadResponse xmlns:m="http://buhphone.com/PartnerWebAPI2"><m:return xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
			`<Property ${core} name="ResultCode"><Value xsi:type="xs:string">SUCCESS</Value></Property>` +
			`<Property ${core} name="ResultData"><Value xsi:type="ValueTable">${columns}${body.join('')}</Value></Property>` +
			'</m:return></m:ClientReadResponse>',
	);
	return Buffer.from(text);
}

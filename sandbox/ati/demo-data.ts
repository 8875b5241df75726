export const ATI_DEMO_TOKEN = 'ati-demo-token';

/** AtiCode.ContactID → presence state; '123.0' is the example in ATI's Presence docs. */
export const ATI_DEMO_CONTACTS: Readonly<Record<string, string>> = {
	'123.0': 'offline',
	'123456.0': 'online',
	'123456.1': 'offline',
	'234567.0': 'online',
	'345678.0': 'offline',
};

export const ATI_DEMO_BALANCE = { balance: 1000.0, contactId: 1, firmId: 123456 };

export const ATI_REQUESTS_PER_SECOND = 10;

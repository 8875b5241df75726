// ATI's dictionaries (ati.su/developers/api/dictionaries/geo and the /v1.0/dictionaries/* methods
// public clients call): a few real entries of each, enough to pick from and to validate loads.
// Field names follow ATI's v1.0 dictionaries (PascalCase); the IDs are the simulator's own.

export const ATI_DEMO_CITIES = [
	{ CityId: 1, CityName: 'Москва', RegionName: 'Москва', CountryName: 'Россия' },
	{ CityId: 2, CityName: 'Санкт-Петербург', RegionName: 'Санкт-Петербург', CountryName: 'Россия' },
	{ CityId: 3, CityName: 'Казань', RegionName: 'Татарстан', CountryName: 'Россия' },
	{ CityId: 4, CityName: 'Екатеринбург', RegionName: 'Свердловская обл.', CountryName: 'Россия' },
	{ CityId: 5, CityName: 'Новосибирск', RegionName: 'Новосибирская обл.', CountryName: 'Россия' },
	{ CityId: 6, CityName: 'Минск', RegionName: 'Минск', CountryName: 'Беларусь' },
	{ CityId: 7, CityName: 'Алматы', RegionName: 'Алматы', CountryName: 'Казахстан' },
	{ CityId: 8, CityName: 'Москворецкое', RegionName: 'Московская обл.', CountryName: 'Россия' },
] as const;

export const ATI_DEMO_CARGO_TYPES = [
	{ Id: 1, Name: 'Продукты питания' },
	{ Id: 2, Name: 'Стройматериалы' },
	{ Id: 3, Name: 'Оборудование' },
	{ Id: 4, Name: 'Тара и упаковка' },
	{ Id: 5, Name: 'ТНП' },
] as const;

/** Body types are bit flags in ATI's carTypes dictionary. */
export const ATI_DEMO_BODY_TYPES = [
	{ Id: 1, Name: 'тентованный' },
	{ Id: 2, Name: 'контейнер' },
	{ Id: 4, Name: 'фургон' },
	{ Id: 8, Name: 'рефрижератор' },
	{ Id: 16, Name: 'изотермический' },
] as const;

export const ATI_DEMO_LOADING_TYPES = [
	{ Id: 1, Name: 'верхняя' },
	{ Id: 2, Name: 'боковая' },
	{ Id: 4, Name: 'задняя' },
] as const;

export const ATI_DEMO_CURRENCIES = [
	{ Id: 1, Name: 'руб' },
	{ Id: 2, Name: 'USD' },
	{ Id: 3, Name: 'EUR' },
	{ Id: 4, Name: 'тенге' },
	{ Id: 5, Name: 'бел. руб' },
] as const;

/** Firms by ATI code: the demo token's own firm and a carrier. */
export const ATI_DEMO_FIRMS = {
	'123456': {
		summary: {
			ati_id: '123456',
			firm_name: 'Грузовладелец',
			ownership: 'ООО',
			inn: '7700000000',
			ogrn: '1027700000000',
			city_id: 1,
			score: 5,
		},
		contacts: [
			{ id: 0, name: 'Отдел логистики', phone: '+7 495 000-00-00', email: 'logist@example.ru' },
			{ id: 1, name: 'Иван Петров', phone: '+7 916 000-00-01', email: 'ivan@example.ru' },
		],
	},
	'234567': {
		summary: {
			ati_id: '234567',
			firm_name: 'Перевозчиков П. П.',
			ownership: 'ИП',
			inn: '160000000000',
			ogrn: '316160000000000',
			city_id: 3,
			score: 4,
		},
		contacts: [{ id: 0, name: 'Пётр Перевозчиков', phone: '+7 917 000-00-00', email: null }],
	},
} as const;

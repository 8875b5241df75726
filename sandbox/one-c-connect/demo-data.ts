/** Demo login of the sandbox; put it in the credential with Region "Custom URL". */
export const ONE_C_DEMO_LOGIN = 'demo-partner';
export const ONE_C_DEMO_PASSWORD = 'demo-1c-connect';
export const ONE_C_SERVICE_PATH = '/cus/ws/PartnerWebAPI2';

/** Objects the sandbox starts with (Client, Specialist, …), keyed by kind. */
export const ONE_C_DEMO_OBJECTS: Record<string, Array<Record<string, unknown>>> = {
	Department: [{ DepartmentID: 'dep-support', Name: 'Линия поддержки' }],
	Specialist: [
		{
			SpecialistID: 'spec-ivanov',
			Name: 'Иван',
			Surname: 'Иванов',
			EMail: 'ivanov@example.ru',
			DepartmentID: 'dep-support',
		},
		{
			SpecialistID: 'spec-petrov',
			Name: 'Пётр',
			Surname: 'Петров',
			EMail: 'petrov@example.ru',
			DepartmentID: 'dep-support',
		},
	],
	Client: [
		{ ClientID: 'xa29b1a9-26ef-11e8-80e6-x025904f970x', Name: 'ООО «Ромашка»', INN: '7701234567' },
		{ ClientID: 'x74f2212-ed24-49b9-8bb1-xx5822033abx', Name: 'ИП Сидоров', INN: '500100732259' },
	],
	ClientUser: [
		{
			UserID: 'user-anna',
			ClientID: 'xa29b1a9-26ef-11e8-80e6-x025904f970x',
			Name: 'Анна',
			Surname: 'Смирнова',
		},
	],
	ClientAdditionalParameter: [
		{ ClientParameterID: 'xfafb2b5-8552-11e6-80e3-xx25904f970x', Name: 'Тариф' },
		{ ClientParameterID: 'xfafb2b5-8552-11e6-80e3-x025904f970x', Name: 'Регион' },
	],
	ServiceLineKind: [
		{ ServiceID: 'line-1c', Name: 'Поддержка 1С', Description: 'Консультации по 1С' },
	],
	ServiceKind: [{ ServiceKindID: 'kind-consult', Name: 'Консультация' }],
	ServiceRequestType: [{ ServiceRequestTypeID: 'type-incident', Name: 'Инцидент' }],
};

/** Read-only lists: reference data and the GetHistoryOf… rows (dates as UTC wall clock). */
export const ONE_C_DEMO_LISTS: Record<string, Array<Record<string, unknown>>> = {
	RegionRead: [
		{ RegionID: '77', Name: 'Москва' },
		{ RegionID: '78', Name: 'Санкт-Петербург' },
	],
	ServiceRequestStatusRead: [
		{ ServiceRequestStatusID: 'status-new', Name: 'Новая' },
		{ ServiceRequestStatusID: 'status-done', Name: 'Выполнена' },
	],
	ServiceRequestChannelRead: [
		{ ServiceRequestChannelID: 'channel-phone', Name: 'Телефон' },
		{ ServiceRequestChannelID: 'channel-chat', Name: 'Чат' },
	],
	StartPictureRead: [{ StartPictureID: 'pic-1', Name: 'Новая версия 1С', Active: true }],
	StorefrontProductsRead: [{ ProductID: 'prod-its', Name: '1С:ИТС ПРОФ', Price: 12000 }],
	StartPictureClicksHistoryRead: [
		{ StartPictureID: 'pic-1', UserID: 'user-anna', Date: '2024-03-01T10:00:00', Clicked: true },
	],
	StorefrontProductClicksHistoryRead: [
		{ ProductID: 'prod-its', UserID: 'user-anna', Date: '2024-03-01T10:05:00', Clicked: false },
	],
	GetClientUsageStatistics: [
		{ ClientID: 'xa29b1a9-26ef-11e8-80e6-x025904f970x', Date: '2024-03-01T00:00:00', Sessions: 3 },
	],
	StorefrontProductBuyRequestsGet: [
		{
			RequestID: 'buy-1',
			ProductID: 'prod-its',
			UserID: 'user-anna',
			Date: '2024-03-01T11:00:00',
			Status: 'NEW',
		},
	],
	GetHistoryOfServiceCalls: [
		{
			ServiceCallID: 'call-1',
			ClientID: 'xa29b1a9-26ef-11e8-80e6-x025904f970x',
			ServiceUserID: 'user-anna',
			ServiceID: 'line-1c',
			SpecialistID: 'spec-ivanov',
			Start: '2024-03-01T09:00:00',
			End: '2024-03-01T09:10:00',
		},
	],
	GetHistoryOfServiceCallsComments: [
		{ ServiceCallID: 'call-1', Date: '2024-03-01T09:11:00', Comment: 'Решено' },
	],
	GetHistoryOfServiceChat: [
		{
			MessageID: 'chat-1',
			ServiceUserID: 'user-anna',
			ServiceID: 'line-1c',
			Date: '2024-03-01T09:01:00',
			Text: 'Здравствуйте!',
		},
	],
	GetHistoryOfServiceFileTransfer: [
		{ FileID: 'ft-1', ServiceUserID: 'user-anna', Date: '2024-03-01T09:02:00', Name: 'отчёт.xlsx' },
	],
	GetHistoryOfServiceRASessions: [
		{
			SessionID: 'ra-1',
			ServiceUserID: 'user-anna',
			Start: '2024-03-01T09:03:00',
			End: '2024-03-01T09:20:00',
		},
	],
	GetHistoryOfServiceRASessionsComments: [
		{ SessionID: 'ra-1', Date: '2024-03-01T09:21:00', Comment: 'Настроили обмен' },
	],
	GetHistoryOfServiceTreatments: [
		{
			TreatmentID: 'tr-1',
			ClientID: 'xa29b1a9-26ef-11e8-80e6-x025904f970x',
			ServiceUserID: 'user-anna',
			Opened: '2024-03-01T09:00:00',
			Closed: '2024-03-01T09:30:00',
		},
		{
			TreatmentID: 'tr-2',
			ClientID: 'xa29b1a9-26ef-11e8-80e6-x025904f970x',
			ServiceUserID: 'user-anna',
			Opened: '2024-03-02T10:00:00',
			Closed: null,
		},
	],
	GetHistoryOfServiceTreatmentsComments: [
		{ TreatmentID: 'tr-1', Date: '2024-03-01T09:31:00', Comment: 'Закрыто' },
	],
	GetHistoryOfSIPCalls: [
		{
			CallID: 'sip-1',
			From: '+74950000000',
			To: '100',
			Start: '2024-03-01T12:00:00',
			Duration: 65,
		},
	],
	GetHistoryOfAgentSessions: [
		{ ServiceUserID: 'user-anna', Start: '2024-03-01T08:00:00', End: '2024-03-01T18:00:00' },
	],
};

/** GetHistoryOfColleaguesChat answers a base64 ZIP of HTML files: this one holds one chat. */
export const ONE_C_DEMO_CHAT_ZIP =
	'UEsDBBQAAAAIAG17dl1iQKHCVQAAAGYAAAAUAAAAY2hhdC0yMDI0LTAzLTAxLmh0bWyzySjJzbGzScpPqbSzKbC7MOPCpgsbLuy9sO/CJiuFC1OA9MaLDRe7L+xUuLDlwtYLey/2KNroF4CVzr+w9WLTxQao0vlA1g6gZqAYWIE+xEh9sPkAUEsBAhQDFAAAAAgAbXt2XWJAocJVAAAAZgAAABQAAAAAAAAAAAAAAIABAAAAAGNoYXQtMjAyNC0wMy0wMS5odG1sUEsFBgAAAAABAAEAQgAAAIcAAAAAAA==';

import type { Row } from './query';
import type { SmartProcess } from './dynamic';

const stamp = (day: number) =>
	new Date(Date.UTC(2026, 0, day, 9)).toISOString().replace('.000Z', '+03:00');
const phone = (id: number, value: string, type = 'WORK') => ({
	ID: String(id),
	VALUE_TYPE: type,
	VALUE: value,
	TYPE_ID: 'PHONE',
});
const email = (id: number, value: string) => ({
	ID: String(id),
	VALUE_TYPE: 'WORK',
	VALUE: value,
	TYPE_ID: 'EMAIL',
});

export function demoContacts(): Row[] {
	const people = [
		['Мария', 'Иванова', '+7 (999) 123-45-67', 'maria@example.ru'],
		['Пётр', 'Сидоров', '+7 912 000-11-22', 'petr@example.ru'],
		['Елена', 'Орлова', '+7 903 555-00-01', 'elena@example.ru'],
	];
	return people.map(([NAME, LAST_NAME, tel, mail], index) => ({
		ID: String(index + 1),
		NAME,
		LAST_NAME,
		SECOND_NAME: null,
		POST: null,
		TYPE_ID: 'CLIENT',
		SOURCE_ID: 'WEB',
		COMPANY_ID: index === 0 ? '1' : null,
		ASSIGNED_BY_ID: '1',
		COMMENTS: null,
		BIRTHDATE: '',
		EXPORT: 'Y',
		DATE_CREATE: stamp(index + 1),
		DATE_MODIFY: stamp(index + 1),
		PHONE: [phone(10 + index * 2, tel, 'MOBILE')],
		EMAIL: [email(11 + index * 2, mail)],
	}));
}

export function demoCompanies(): Row[] {
	return ['ООО «Вектор»', 'АО «Север»'].map((TITLE, index) => ({
		ID: String(index + 1),
		TITLE,
		COMPANY_TYPE: 'CUSTOMER',
		INDUSTRY: 'IT',
		REVENUE: '1000000.00',
		CURRENCY_ID: 'RUB',
		ASSIGNED_BY_ID: '1',
		SOURCE_ID: null,
		COMMENTS: null,
		DATE_CREATE: stamp(index + 1),
		DATE_MODIFY: stamp(index + 1),
		PHONE: [phone(50 + index, `+7 495 100-00-0${index + 1}`)],
		EMAIL: [email(60 + index, `office${index + 1}@example.ru`)],
	}));
}

export function demoLeads(): Row[] {
	return [
		['Заявка с сайта', 'Антон', '+7 921 300-40-50', 'anton@example.ru'],
		['Звонок', 'Светлана', '+7 921 300-40-51', 'sveta@example.ru'],
	].map(([TITLE, NAME, tel, mail], index) => ({
		ID: String(index + 1),
		TITLE,
		NAME,
		LAST_NAME: null,
		STATUS_ID: 'NEW',
		SOURCE_ID: index === 0 ? 'WEB' : 'CALL',
		OPPORTUNITY: '0.00',
		CURRENCY_ID: 'RUB',
		COMPANY_TITLE: null,
		CONTACT_ID: null,
		ASSIGNED_BY_ID: '1',
		COMMENTS: null,
		DATE_CREATE: stamp(index + 1),
		DATE_MODIFY: stamp(index + 1),
		PHONE: [phone(80 + index, tel)],
		EMAIL: [email(90 + index, mail)],
	}));
}

export function demoSmartProcesses(): SmartProcess[] {
	return [
		{
			id: 1,
			entityTypeId: 1032,
			title: 'Заявки на доставку',
			userFields: {
				ufCrm5Weight: {
					type: 'double',
					isRequired: false,
					isReadOnly: false,
					isImmutable: false,
					isMultiple: false,
					isDynamic: true,
					title: 'Вес груза, кг',
					upperName: 'UF_CRM_5_WEIGHT',
				},
			},
			items: [1, 2, 3].map((id) => ({
				id,
				entityTypeId: 1032,
				title: `Доставка #${id}`,
				stageId: 'DT1032_1:NEW',
				opportunity: id * 500,
				currencyId: 'RUB',
				assignedById: 1,
				contactId: null,
				companyId: null,
				begindate: stamp(id),
				closedate: null,
				createdTime: stamp(id),
				updatedTime: stamp(id),
				ufCrm5Weight: id * 10,
			})),
		},
	];
}

export function demoTasks(): Row[] {
	return ['Позвонить клиенту', 'Подготовить договор'].map((title, index) => ({
		id: String(index + 1),
		title,
		description: '',
		responsibleId: '1',
		createdBy: '1',
		priority: '1',
		status: '2',
		deadline: null,
		groupId: '0',
		createdDate: stamp(index + 1),
		changedDate: stamp(index + 1),
		closedDate: null,
	}));
}

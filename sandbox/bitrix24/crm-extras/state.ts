import type { Row } from '../crm/query';

/** Product rows, timeline comments, activities and business processes of the portal's CRM. */
export class CrmExtrasState {
	productRows: Row[] = [];
	comments: Row[] = [];
	activities: Row[] = [];
	workflows: Row[] = [];
	lastId = 17_000;

	nextId(): number {
		return ++this.lastId;
	}
}

/** The portal's trade catalogs: the CRM product catalog and its offers (SKU) catalog. */
export const DEMO_CATALOGS: Row[] = [
	{
		id: 23,
		iblockId: 23,
		iblockTypeId: 'CRM_PRODUCT_CATALOG',
		lid: 's1',
		name: 'Каталог товаров CRM',
		productIblockId: null,
		skuPropertyId: null,
		subscription: 'N',
		vatId: 1,
	},
	{
		id: 24,
		iblockId: 24,
		iblockTypeId: 'CRM_PRODUCT_CATALOG',
		lid: 's1',
		name: 'Каталог товаров CRM (предложения)',
		productIblockId: 23,
		skuPropertyId: 97,
		subscription: 'N',
		vatId: 1,
	},
];

export const DEMO_PRODUCTS: Row[] = [
	{ id: 1241, iblockId: 23, name: 'Доставка по Москве', active: 'Y', measure: 5 },
	{ id: 1242, iblockId: 23, name: 'Паллета 1200×800', active: 'Y', measure: 5 },
	{ id: 1243, iblockId: 23, name: 'Грузчик, час', active: 'Y', measure: 5 },
	{ id: 1300, iblockId: 24, name: 'Паллета 1200×800, синяя', active: 'Y', measure: 5 },
];

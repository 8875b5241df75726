import type { MethodContext, MethodResult } from '../methods';
import { CATALOG_METHODS } from './catalog-products';
import { PRODUCT_ROW_METHODS } from './product-rows';

/** What CRM records hold beyond their fields: product rows (and the catalog they come from). */
export const CRM_EXTRA_METHODS: Record<string, (context: MethodContext) => MethodResult> = {
	...CATALOG_METHODS,
	...PRODUCT_ROW_METHODS,
};

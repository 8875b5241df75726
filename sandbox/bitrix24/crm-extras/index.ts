import type { MethodContext, MethodResult } from '../methods';
import { CATALOG_METHODS } from './catalog-products';
import { PRODUCT_ROW_METHODS } from './product-rows';
import { TIMELINE_METHODS } from './timeline';

/** What CRM records hold beyond their fields: product rows (and their catalog), timeline, activities. */
export const CRM_EXTRA_METHODS: Record<string, (context: MethodContext) => MethodResult> = {
	...CATALOG_METHODS,
	...PRODUCT_ROW_METHODS,
	...TIMELINE_METHODS,
};

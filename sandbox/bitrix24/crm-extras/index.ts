import type { MethodContext, MethodResult } from '../methods';
import { BIZPROC_METHODS } from './bizproc';
import { CATALOG_METHODS } from './catalog-products';
import { PRODUCT_ROW_METHODS } from './product-rows';
import { TIMELINE_METHODS } from './timeline';

/** What CRM records hold beyond their fields: product rows (and their catalog), timeline, activities and business processes. */
export const CRM_EXTRA_METHODS: Record<string, (context: MethodContext) => MethodResult> = {
	...CATALOG_METHODS,
	...PRODUCT_ROW_METHODS,
	...TIMELINE_METHODS,
	...BIZPROC_METHODS,
};

import { SMART_PROCESS_ITEM } from '../../crm/record-kinds';
import { createOperation } from '../records/create';
import { smartProcessProperty } from '../records/scope';

export const { option, properties, execute } = createOperation(SMART_PROCESS_ITEM, [
	smartProcessProperty,
]);

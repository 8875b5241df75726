import { SMART_PROCESS_ITEM } from '../../crm/record-kinds';
import { getOperation } from '../records/get';
import { smartProcessProperty } from '../records/scope';

export const { option, properties, execute } = getOperation(SMART_PROCESS_ITEM, [
	smartProcessProperty,
]);

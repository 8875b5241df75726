import { SMART_PROCESS_ITEM } from '../../crm/record-kinds';
import { updateOperation } from '../records/update';
import { smartProcessProperty } from '../records/scope';

export const { option, properties, execute } = updateOperation(SMART_PROCESS_ITEM, [
	smartProcessProperty,
]);

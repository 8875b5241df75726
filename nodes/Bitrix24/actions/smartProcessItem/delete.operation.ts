import { SMART_PROCESS_ITEM } from '../../crm/record-kinds';
import { deleteOperation } from '../records/delete';
import { smartProcessProperty } from '../records/scope';

export const { option, properties, execute } = deleteOperation(SMART_PROCESS_ITEM, [
	smartProcessProperty,
]);

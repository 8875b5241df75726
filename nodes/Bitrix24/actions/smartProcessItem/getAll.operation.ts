import { SMART_PROCESS_ITEM } from '../../crm/record-kinds';
import { getManyOperation } from '../records/get-many';
import { smartProcessProperty } from '../records/scope';

export const { option, properties, execute } = getManyOperation(SMART_PROCESS_ITEM, [
	smartProcessProperty,
]);

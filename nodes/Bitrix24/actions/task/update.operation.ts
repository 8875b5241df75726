import { TASK } from '../../crm/record-kinds';
import { updateOperation } from '../records/update';

export const { option, properties, execute } = updateOperation(TASK);

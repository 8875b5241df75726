import { TASK } from '../../crm/record-kinds';
import { getManyOperation } from '../records/get-many';

export const { option, properties, execute } = getManyOperation(TASK);

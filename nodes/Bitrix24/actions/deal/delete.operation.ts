import { DEAL } from '../../crm/record-kinds';
import { deleteOperation } from '../records/delete';

export const { option, properties, execute } = deleteOperation(DEAL);

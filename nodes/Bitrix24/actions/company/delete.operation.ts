import { COMPANY } from '../../crm/record-kinds';
import { deleteOperation } from '../records/delete';

export const { option, properties, execute } = deleteOperation(COMPANY);

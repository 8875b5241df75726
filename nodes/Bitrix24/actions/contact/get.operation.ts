import { CONTACT } from '../../crm/record-kinds';
import { getOperation } from '../records/get';

export const { option, properties, execute } = getOperation(CONTACT);

import { COMPANY } from '../../crm/record-kinds';
import { createOperation } from '../records/create';

export const { option, properties, execute } = createOperation(COMPANY);

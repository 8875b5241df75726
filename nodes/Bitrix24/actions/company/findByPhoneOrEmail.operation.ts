import { COMPANY } from '../../crm/record-kinds';
import { findByCommOperation } from '../records/find-by-comm';

export const { option, properties, execute } = findByCommOperation(COMPANY);

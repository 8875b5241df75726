import { CONTACT } from '../../crm/record-kinds';
import { upsertOperation } from '../records/upsert';

export const { option, properties, execute } = upsertOperation(CONTACT);

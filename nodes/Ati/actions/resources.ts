import { operationTable } from '../../shared/execution/resources';
import { dictionary } from './dictionary/Dictionary.resource';
import { firm } from './firm/Firm.resource';
import { load } from './load/Load.resource';
import { order } from './order/Order.resource';
import { presence } from './presence/Presence.resource';

export const resources = [presence, load, order, firm, dictionary];

export const operations = operationTable(resources);

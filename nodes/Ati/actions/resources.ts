import { operationTable } from '../../shared/execution/resources';
import { presence } from './presence/Presence.resource';

export const resources = [presence];

export const operations = operationTable(resources);

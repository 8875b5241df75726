import { operationTable } from '../../shared/execution/resources';
import { integrationPoint } from './integrationPoint/IntegrationPoint.resource';
import { integrationToken } from './integrationToken/IntegrationToken.resource';

export const resources = [integrationPoint, integrationToken];

export const operations = operationTable(resources);

import { operationTable } from '../../shared/execution/resources';
import { client } from './client/Client.resource';
import { clientAdditionalParameter } from './clientAdditionalParameter/ClientAdditionalParameter.resource';
import { clientDepartment } from './clientDepartment/ClientDepartment.resource';
import { clientUser } from './clientUser/ClientUser.resource';
import { competence } from './competence/Competence.resource';
import { customOperation } from './customOperation/CustomOperation.resource';
import { department } from './department/Department.resource';
import { history } from './history/History.resource';
import { line } from './line/Line.resource';
import { lineMessage } from './lineMessage/LineMessage.resource';
import { notification } from './notification/Notification.resource';
import type { ResourceSpec } from './operation-spec';
import { region } from './region/Region.resource';
import { serviceKind } from './serviceKind/ServiceKind.resource';
import { serviceLine } from './serviceLine/ServiceLine.resource';
import { serviceRequest } from './serviceRequest/ServiceRequest.resource';
import { specialist } from './specialist/Specialist.resource';
import { statistics } from './statistics/Statistics.resource';
import { treatment } from './treatment/Treatment.resource';
import { isTypedResource } from './typed-operations/typed-resource';
import { userServiceLine } from './userServiceLine/UserServiceLine.resource';

/** The node's one list of resources. */
export const resources = [
	client,
	clientAdditionalParameter,
	clientDepartment,
	clientUser,
	competence,
	customOperation,
	department,
	history,
	line,
	lineMessage,
	notification,
	region,
	serviceKind,
	serviceLine,
	serviceRequest,
	specialist,
	statistics,
	treatment,
	userServiceLine,
];

export const operations = operationTable(resources);

/** The spec tables of the typed resources (all but Custom Operation). */
export const resourceSpecs: ResourceSpec[] = resources
	.filter(isTypedResource)
	.map((resource) => resource.spec);

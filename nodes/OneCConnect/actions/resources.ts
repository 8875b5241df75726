import * as client from './client/Client.resource';
import * as clientAdditionalParameter from './clientAdditionalParameter/ClientAdditionalParameter.resource';
import * as clientDepartment from './clientDepartment/ClientDepartment.resource';
import * as clientUser from './clientUser/ClientUser.resource';
import * as competence from './competence/Competence.resource';
import * as department from './department/Department.resource';
import * as history from './history/History.resource';
import * as notification from './notification/Notification.resource';
import type { ResourceSpec } from './operation-spec';
import * as region from './region/Region.resource';
import * as serviceKind from './serviceKind/ServiceKind.resource';
import * as serviceLine from './serviceLine/ServiceLine.resource';
import * as serviceRequest from './serviceRequest/ServiceRequest.resource';
import * as specialist from './specialist/Specialist.resource';
import * as statistics from './statistics/Statistics.resource';
import * as userServiceLine from './userServiceLine/UserServiceLine.resource';

/** Every typed resource, in the order the Resource picker shows them. */
export const typedResources = [
	client,
	clientAdditionalParameter,
	clientDepartment,
	clientUser,
	competence,
	department,
	history,
	notification,
	region,
	serviceKind,
	serviceLine,
	serviceRequest,
	specialist,
	statistics,
	userServiceLine,
];

export const resourceSpecs: ResourceSpec[] = typedResources.map((entry) => entry.resource);

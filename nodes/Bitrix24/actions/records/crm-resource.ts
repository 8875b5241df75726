import type { ResourceDefinition } from '../../../shared/execution/resources';
import { defineResource } from '../../../shared/execution/resources';
import type { RecordKind } from '../../crm/record-kinds';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { findByCommOperation } from './find-by-comm';
import { getOperation } from './get';
import { getManyOperation } from './get-many';
import { scopeProperties } from './scope';
import { updateOperation } from './update';
import { upsertOperation } from './upsert';

/**
 * A CRM record kind as a resource: Create, Delete, Get, Get Many and Update, and where its
 * records hold phones and e-mails, Find by Phone or Email and Create or Update.
 */
export function crmResource(kind: RecordKind): ResourceDefinition {
	const scope = scopeProperties(kind);
	const byComm = kind.duplicateType !== undefined;
	return defineResource({ name: kind.label, value: kind.resource }, [
		createOperation(kind, scope),
		deleteOperation(kind, scope),
		...(byComm ? [findByCommOperation(kind)] : []),
		getOperation(kind, scope),
		getManyOperation(kind, scope),
		updateOperation(kind, scope),
		...(byComm ? [upsertOperation(kind)] : []),
	]);
}

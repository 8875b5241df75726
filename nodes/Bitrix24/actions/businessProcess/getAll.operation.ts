import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description/return-all-limit';
import type { OperationModule } from '../../../shared/execution/resources';
import { bizprocDocumentId } from '../../crm/owner-types';
import { ownerOf, ownerProperties } from '../crm-owner/owner';
import { listAcrossItems } from '../records/list-across-items';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	description: 'Get the business processes running for a CRM record',
	action: 'Get many business processes',
};

export const properties = [...ownerProperties(() => true), ...returnAllAndLimit()];

const FIELDS = [
	'ID',
	'MODIFIED',
	'OWNED_UNTIL',
	'MODULE_ID',
	'ENTITY',
	'DOCUMENT_ID',
	'STARTED',
	'STARTED_BY',
	'TEMPLATE_ID',
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await listAcrossItems(this, {
		commandOf: (itemIndex) => {
			const owner = ownerOf(this, itemIndex);
			const [module, entity, document] = bizprocDocumentId(owner.entityTypeId, owner.ownerId);
			return {
				method: 'bizproc.workflow.instances',
				params: {
					SELECT: FIELDS,
					FILTER: { MODULE_ID: module, ENTITY: entity, DOCUMENT_ID: document },
					ORDER: { STARTED: 'ASC' },
				},
			};
		},
		rowsOf: (result) => (Array.isArray(result) ? (result as IDataObject[]) : []),
		toOutput: (row) => row,
	});
}

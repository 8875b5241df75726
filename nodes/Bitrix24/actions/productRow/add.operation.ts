import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/resources';
import { ownerTypeAbbr } from '../../crm/owner-types';
import { ownerOf } from '../crm-owner/owner';
import { runCommandsAcrossItems } from '../records/run-commands';
import {
	productIdOf,
	productProperty,
	productRowIn,
	rowBasics,
	rowFrom,
	rowOptionsProperty,
	rowOwnerProperties,
	rowWithTotals,
} from './row-fields';

export const option: OperationModule['option'] = {
	name: 'Add',
	value: 'add',
	description: "Add a product row to a record's rows",
	action: 'Add a product row',
};

export const properties = [
	...rowOwnerProperties,
	productProperty,
	...rowBasics,
	rowOptionsProperty,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runCommandsAcrossItems(this, {
		effect: 'write',
		commandOf: (itemIndex) => {
			const owner = ownerOf(this, itemIndex);
			const values: IDataObject = {
				productId: productIdOf(this, itemIndex),
				productName: this.getNodeParameter('productName', itemIndex, ''),
				price: this.getNodeParameter('price', itemIndex, 0),
				quantity: this.getNodeParameter('quantity', itemIndex, 1),
				...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
			};
			return {
				method: 'crm.item.productrow.add',
				params: {
					fields: {
						ownerType: ownerTypeAbbr(owner.entityTypeId),
						ownerId: owner.ownerId,
						...rowFrom(this, itemIndex, values, ''),
					},
				},
			};
		},
		toOutput: (result) => rowWithTotals(productRowIn(result)),
	});
}

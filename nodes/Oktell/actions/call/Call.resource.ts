import { defineResource } from '../../../shared/execution/resources';

import * as answer from './answer.operation';
import * as decline from './decline.operation';
import * as flash from './flash.operation';
import * as getAbonentInfo from './getAbonentInfo.operation';
import * as getChainContent from './getChainContent.operation';
import * as hangUp from './hangUp.operation';
import * as startAutoCall from './startAutoCall.operation';
import * as stopAutoCall from './stopAutoCall.operation';
import * as switchCall from './switchCall.operation';

export const call = defineResource(
	{ name: 'Call', value: 'call' },
	[
		answer,
		decline,
		flash,
		getAbonentInfo,
		getChainContent,
		hangUp,
		startAutoCall,
		stopAutoCall,
		switchCall,
	],
	'getChainContent',
);

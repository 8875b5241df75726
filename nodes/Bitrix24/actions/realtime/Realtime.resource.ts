import { defineResource } from '../../../shared/execution/resources';
import * as getConfig from './getConfig.operation';
import * as publishEvent from './publishEvent.operation';
import * as sendPush from './sendPush.operation';

export const realtime = defineResource(
	{ name: 'Realtime', value: 'realtime' },
	[getConfig, publishEvent, sendPush],
	'getConfig',
);

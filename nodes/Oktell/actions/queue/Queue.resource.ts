import { defineResource } from '../../../shared/execution/resources';

import * as getAll from './getAll.operation';

export const queue = defineResource({ name: 'Queue', value: 'queue' }, [getAll], 'getAll');

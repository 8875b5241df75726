import { defineResource } from '../../../shared/execution/resources';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getCurrent from './getCurrent.operation';

export const user = defineResource({ name: 'User', value: 'user' }, [get, getAll, getCurrent]);

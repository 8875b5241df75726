import { defineResource } from '../../../shared/execution/resources';
import * as call from './call.operation';

export const method = defineResource({ name: 'Method', value: 'method' }, [call], 'call');

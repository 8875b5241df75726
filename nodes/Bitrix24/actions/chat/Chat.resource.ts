import { defineResource } from '../../../shared/execution/resources';
import * as create from './create.operation';

export const chat = defineResource({ name: 'Chat', value: 'chat' }, [create]);

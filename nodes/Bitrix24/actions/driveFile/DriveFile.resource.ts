import { defineResource } from '../../../shared/execution/resources';
import * as download from './download.operation';
import * as upload from './upload.operation';

export const driveFile = defineResource({ name: 'Drive File', value: 'driveFile' }, [
	download,
	upload,
]);

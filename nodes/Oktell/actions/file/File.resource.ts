import { defineResource } from '../../../shared/execution/resources';

import * as download from './download.operation';
import * as downloadRecordByLink from './downloadRecordByLink.operation';
import * as downloadShared from './downloadShared.operation';
import * as upload from './upload.operation';

export const file = defineResource(
	{ name: 'File', value: 'file' },
	[download, downloadRecordByLink, downloadShared, upload],
	'download',
);

import { defineResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as uploadFile from './uploadFile.operation';

export const customField = defineResource(
	{ name: 'Custom Field', value: 'customField', description: 'A field of the location’s contacts or opportunities' },
	[create, del, get, getAll, update, uploadFile],
);

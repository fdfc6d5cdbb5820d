import { defineResource } from '../types';
import * as create from './create.operation';
import * as createFolder from './createFolder.operation';
import * as del from './delete.operation';
import * as deleteFolder from './deleteFolder.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as updateFolder from './updateFolder.operation';

export const objectField = defineResource(
	{ name: 'Object Field', value: 'objectField', description: 'A field of a custom object or of businesses, in a folder (custom fields v2)' },
	[create, createFolder, del, deleteFolder, get, getAll, update, updateFolder],
);

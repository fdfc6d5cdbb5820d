import { defineResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const note = defineResource(
	{ name: 'Note', value: 'note', description: 'A note on a contact' },
	[create, del, get, getAll, update],
);

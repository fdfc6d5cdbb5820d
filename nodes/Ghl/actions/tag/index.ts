import { defineResource } from '../types';
import * as add from './add.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';
import * as update from './update.operation';

export const tag = defineResource(
	{ name: 'Tag', value: 'tag', description: 'A label of the location, put on contacts' },
	[add, create, del, get, getAll, remove, update],
);

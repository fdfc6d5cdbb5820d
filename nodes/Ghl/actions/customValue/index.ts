import { defineResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const customValue = defineResource(
	{ name: 'Custom Value', value: 'customValue', description: 'A named text of the location, inserted by its merge key' },
	[create, del, get, getAll, update],
);

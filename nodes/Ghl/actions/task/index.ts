import { defineResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as search from './search.operation';
import * as setCompleted from './setCompleted.operation';
import * as update from './update.operation';

export const task = defineResource(
	{ name: 'Task', value: 'task', description: 'A to-do on a contact' },
	[create, del, get, getAll, search, setCompleted, update],
);

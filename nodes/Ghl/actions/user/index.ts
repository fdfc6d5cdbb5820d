import { defineResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as search from './search.operation';
import * as update from './update.operation';

export const user = defineResource(
	{ name: 'User', value: 'user', description: 'A person who works in the location (assignee, follower, calendar member)' },
	[create, del, get, getAll, search, update],
);

import { defineResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as search from './search.operation';
import * as update from './update.operation';

export const objectRecord = defineResource(
	{ name: 'Object Record', value: 'objectRecord', description: 'A record of a custom object: its field values, owner and followers' },
	[create, del, get, search, update],
);

import { defineResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as search from './search.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const contact = defineResource(
	{ name: 'Contact', value: 'contact', description: 'A person in a sub-account' },
	[create, del, get, search, update, upsert],
);

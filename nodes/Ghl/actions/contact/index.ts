import { defineResource } from '../types';
import * as bulkUpdateBusiness from './bulkUpdateBusiness.operation';
import * as bulkUpdateTags from './bulkUpdateTags.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as findDuplicate from './findDuplicate.operation';
import * as get from './get.operation';
import * as getManyByBusiness from './getManyByBusiness.operation';
import * as list from './list.operation';
import * as search from './search.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const contact = defineResource(
	{ name: 'Contact', value: 'contact', description: 'A person in a sub-account' },
	[bulkUpdateBusiness, bulkUpdateTags, create, del, findDuplicate, get, getManyByBusiness, list, search, update, upsert],
);

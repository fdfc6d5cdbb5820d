import { defineResource } from '../types';
import * as addFollowers from './addFollowers.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getLostReasons from './getLostReasons.operation';
import * as removeFollowers from './removeFollowers.operation';
import * as search from './search.operation';
import * as update from './update.operation';
import * as updateStatus from './updateStatus.operation';
import * as upsert from './upsert.operation';

export const opportunity = defineResource(
	{ name: 'Opportunity', value: 'opportunity', description: 'A deal with a contact, in a pipeline stage' },
	[addFollowers, create, del, get, getAll, getLostReasons, removeFollowers, search, update, updateStatus, upsert],
);

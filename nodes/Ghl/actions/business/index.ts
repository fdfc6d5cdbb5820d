import { defineResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const business = defineResource(
	{ name: 'Business', value: 'business', description: 'A company in the location that contacts can belong to' },
	[create, del, get, getAll, update],
);

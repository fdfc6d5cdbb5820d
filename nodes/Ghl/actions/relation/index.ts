import { defineResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as getAll from './getAll.operation';

export const relation = defineResource(
	{ name: 'Relation', value: 'relation', description: 'A link between two records (e.g. a contact and an opportunity) under an association' },
	[create, del, getAll],
);

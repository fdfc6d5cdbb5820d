import { defineResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getByKey from './getByKey.operation';
import * as getByObjectKey from './getByObjectKey.operation';
import * as update from './update.operation';

export const association = defineResource(
	{
		name: 'Association',
		value: 'association',
		description: 'A kind of link between two objects (contact, opportunity, business, custom object), with a label for each side',
	},
	[create, del, get, getAll, getByKey, getByObjectKey, update],
);

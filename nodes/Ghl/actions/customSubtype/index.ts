import { defineResource } from '../types';
import * as create from './create.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const customSubtype = defineResource(
	{ name: 'Subscription Type', value: 'customSubtype', description: 'Custom email/SMS subscription types contacts opt in to or out of' },
	[create, getAll, update],
);

import { defineResource } from '../types';
import * as addContact from './addContact.operation';
import * as getAll from './getAll.operation';
import * as removeContact from './removeContact.operation';
import * as removeContactFromAll from './removeContactFromAll.operation';

export const campaign = defineResource(
	{ name: 'Campaign', value: 'campaign', description: 'A GHL campaign contacts are added to' },
	[addContact, getAll, removeContact, removeContactFromAll],
);

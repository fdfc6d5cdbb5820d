import { defineResource } from '../types';
import * as addContact from './addContact.operation';
import * as getAll from './getAll.operation';
import * as removeContact from './removeContact.operation';

export const workflow = defineResource(
	{ name: 'Workflow', value: 'workflow', description: 'A GHL automation workflow contacts are enrolled in' },
	[addContact, getAll, removeContact],
);

import { defineResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const appointment = defineResource(
	{ name: 'Appointment', value: 'appointment', description: 'A booking on a calendar' },
	[create, del, get, getAll, update],
);

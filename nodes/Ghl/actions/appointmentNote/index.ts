import { defineResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const appointmentNote = defineResource(
	{ name: 'Appointment Note', value: 'appointmentNote', description: 'A note on an appointment' },
	[create, del, getAll, update],
);

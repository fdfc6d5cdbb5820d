import { defineResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const calendarResource = defineResource(
	{ name: 'Calendar Resource', value: 'calendarResource', description: 'A room or piece of equipment booked with appointments' },
	[create, del, get, getAll, update],
);

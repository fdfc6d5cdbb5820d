import { defineResource } from '../types';
import * as addCalendar from './addCalendar.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as removeCalendar from './removeCalendar.operation';
import * as update from './update.operation';

export const calendarSchedule = defineResource(
	{ name: 'Calendar Schedule', value: 'calendarSchedule', description: 'A user’s availability: the hours they can be booked, applied to calendars' },
	[addCalendar, create, del, get, getAll, removeCalendar, update],
);

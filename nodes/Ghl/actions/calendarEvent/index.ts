import { defineResource } from '../types';
import * as getAll from './getAll.operation';

export const calendarEvent = defineResource(
	{ name: 'Calendar Event', value: 'calendarEvent', description: 'The appointments on a calendar, a user’s or a group’s, in a time window' },
	[getAll],
);

import { defineResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const calendarNotification = defineResource(
	{ name: 'Calendar Notification', value: 'calendarNotification', description: 'An email, text or in-app message a calendar sends on bookings' },
	[create, del, get, getAll, update],
);

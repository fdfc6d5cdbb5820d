import { defineResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as getAll from './getAll.operation';
import * as setActive from './setActive.operation';
import * as update from './update.operation';
import * as validateSlug from './validateSlug.operation';

export const calendarGroup = defineResource(
	{ name: 'Calendar Group', value: 'calendarGroup', description: 'Calendars grouped under one booking link' },
	[create, del, getAll, setActive, update, validateSlug],
);

import { defineResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getFreeSlots from './getFreeSlots.operation';
import * as update from './update.operation';

export const calendar = defineResource(
	{ name: 'Calendar', value: 'calendar', description: 'A booking calendar, its settings and free slots' },
	[create, del, get, getAll, getFreeSlots, update],
);

import { defineResource } from '../types';
import * as create from './create.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const blockedSlot = defineResource(
	{ name: 'Blocked Slot', value: 'blockedSlot', description: 'A time blocked on a calendar so it cannot be booked' },
	[create, getAll, update],
);

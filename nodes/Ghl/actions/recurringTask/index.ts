import { defineResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as update from './update.operation';

export const recurringTask = defineResource(
	{ name: 'Recurring Task', value: 'recurringTask', description: 'A task GHL makes again on a schedule' },
	[create, del, get, update],
);

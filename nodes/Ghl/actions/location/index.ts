import { defineResource } from '../types';
import * as get from './get.operation';
import * as getTimezones from './getTimezones.operation';

export const location = defineResource(
	{ name: 'Location', value: 'location', description: 'The sub-account the credential works in' },
	[get, getTimezones],
);

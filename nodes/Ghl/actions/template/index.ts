import { defineResource } from '../types';
import * as del from './delete.operation';
import * as getAll from './getAll.operation';

export const template = defineResource(
	{ name: 'Template', value: 'template', description: 'An email or SMS template of the location' },
	[del, getAll],
);

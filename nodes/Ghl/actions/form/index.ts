import { defineResource } from '../types';
import * as getAll from './getAll.operation';
import * as getSubmissions from './getSubmissions.operation';

export const form = defineResource(
	{ name: 'Form', value: 'form', description: 'A form of the location and what people submitted with it' },
	[getAll, getSubmissions],
);

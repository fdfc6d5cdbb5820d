import { defineResource } from '../types';
import * as getAll from './getAll.operation';
import * as getSubmissions from './getSubmissions.operation';

export const survey = defineResource(
	{ name: 'Survey', value: 'survey', description: 'A survey of the location and what people submitted with it' },
	[getAll, getSubmissions],
);

import { defineResource } from '../types';
import * as getAll from './getAll.operation';
import * as getSubmissions from './getSubmissions.operation';
import * as uploadToCustomFields from './uploadToCustomFields.operation';

export const form = defineResource(
	{ name: 'Form', value: 'form', description: 'A form of the location, what people submitted with it, and files for contacts’ File Upload fields' },
	[getAll, getSubmissions, uploadToCustomFields],
);

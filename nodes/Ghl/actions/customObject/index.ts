import { defineResource } from '../types';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const customObject = defineResource(
	{ name: 'Custom Object', value: 'customObject', description: 'An object’s schema: a custom object’s labels, key and fields, or a standard object’s' },
	[create, get, getAll, update],
);

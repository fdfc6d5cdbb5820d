import { defineResource } from '../types';
import * as add from './add.operation';
import * as remove from './remove.operation';

export const follower = defineResource(
	{ name: 'Follower', value: 'follower', description: 'A user who follows a contact' },
	[add, remove],
);

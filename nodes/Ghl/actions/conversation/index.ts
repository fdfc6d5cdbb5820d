import { defineResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as search from './search.operation';
import * as update from './update.operation';

export const conversation = defineResource(
	{ name: 'Conversation', value: 'conversation', description: 'A contact’s thread of messages in GHL’s inbox' },
	[create, del, get, search, update],
);

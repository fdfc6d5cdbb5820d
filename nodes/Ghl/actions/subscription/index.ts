import { defineResource } from '../types';
import * as change from './change.operation';
import * as getStatus from './getStatus.operation';

export const subscription = defineResource(
	{ name: 'Subscription', value: 'subscription', description: 'A contact’s email subscriptions (unsubscribe, resubscribe, status)' },
	[change, getStatus],
);

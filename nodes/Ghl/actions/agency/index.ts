import { defineResource } from '../types';
import * as getInstalledSubAccounts from './getInstalledSubAccounts.operation';
import * as getLocationToken from './getLocationToken.operation';

export const agency = defineResource(
	{ name: 'Agency', value: 'agency', description: 'The agency itself: its sub-accounts, their tokens and users (agency credential only)' },
	[getInstalledSubAccounts, getLocationToken],
);

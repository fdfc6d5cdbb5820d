import { defineResource } from '../types';
import * as createSubAccount from './createSubAccount.operation';
import * as deleteSubAccount from './deleteSubAccount.operation';
import * as findUsersByEmail from './findUsersByEmail.operation';
import * as getInstalledSubAccounts from './getInstalledSubAccounts.operation';
import * as getLocationToken from './getLocationToken.operation';
import * as searchSubAccounts from './searchSubAccounts.operation';
import * as updateSubAccount from './updateSubAccount.operation';

export const agency = defineResource(
	{ name: 'Agency', value: 'agency', description: 'The agency itself: its sub-accounts, their tokens and users (agency credential only)' },
	[createSubAccount, deleteSubAccount, findUsersByEmail, getInstalledSubAccounts, getLocationToken, searchSubAccounts, updateSubAccount],
);

import type { INodeProperties } from 'n8n-workflow';
import { userProperty } from './common';

/** A user of the location, picked by name. */
export const userIdProperty: INodeProperties = { ...userProperty('User Name or ID', 'userId'), required: true };

export const USER_ROLES = [
	{ name: 'Admin', value: 'admin' },
	{ name: 'User', value: 'user' },
];

const roleProperty: INodeProperties = {
	displayName: 'Role',
	name: 'role',
	type: 'options',
	options: USER_ROLES,
	default: 'user',
	description: 'What the user may do in the sub-account',
};

const passwordProperty: INodeProperties = {
	displayName: 'Password',
	name: 'password',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description: 'The password the user signs in with',
};

/** What Create asks for: a sub-account user needs all of these (GHL's CreateUserDto). */
export const createUserProperties: INodeProperties[] = [
	{ displayName: 'First Name', name: 'firstName', type: 'string', required: true, default: '' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', required: true, default: '' },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '' },
	{ ...passwordProperty, required: true },
	roleProperty,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: 'e.g. +14155550100' }],
	},
];

/** What Update may change (GHL deprecates changing the email). */
export const userUpdateFieldOptions: INodeProperties[] = [
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	passwordProperty,
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: 'e.g. +14155550100' },
	roleProperty,
];

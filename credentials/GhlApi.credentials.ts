import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class GhlApi implements ICredentialType {
	name = 'ghlApi';

	displayName = 'HighLevel (GHL) Private Integration API';

	icon: Icon = { light: 'file:ghl.svg', dark: 'file:ghl.dark.svg' };

	documentationUrl =
		'https://help.leadconnectorhq.com/support/solutions/articles/155000002774-private-integrations-everything-you-need-to-know';

	properties: INodeProperties[] = [
		{
			displayName: 'Private Integration Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Sub-account Settings → Private Integrations → Create new integration. Give it the scopes the operations you use need.',
		},
		{
			displayName: 'Location ID',
			name: 'locationId',
			type: 'string',
			default: '',
			required: true,
			description: 'The sub-account (location) the token belongs to: Settings → Business Profile → Location ID',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://services.leadconnectorhq.com',
			description: 'Change only for a white-label API host or a local GHL sandbox',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	// One real request proves both the token and that it can read this location's contacts.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/contacts/search',
			method: 'POST',
			headers: { Version: '2021-07-28' },
			body: { locationId: '={{$credentials.locationId}}', pageLimit: 1 },
		},
	};
}

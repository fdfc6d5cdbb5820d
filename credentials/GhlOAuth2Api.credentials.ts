import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

// <generated scopes: npx tsx scripts/catalogue/generate.ts>
// Least-privilege presets: every scope the node's operations and lookups need, from their meta.
const READ_ONLY_SCOPES = [
	'businesses.readonly',
	'calendars.readonly',
	'calendars/events.readonly',
	'calendars/groups.readonly',
	'calendars/resources.readonly',
	'campaigns.readonly',
	'contacts.readonly',
	'conversations.readonly',
	'conversations/message.readonly',
	'forms.readonly',
	'locations.readonly',
	'locations/customFields.readonly',
	'locations/customValues.readonly',
	'locations/tags.readonly',
	'locations/tasks.readonly',
	'locations/templates.readonly',
	'opportunities.readonly',
	'surveys.readonly',
	'users.readonly',
	'workflows.readonly',
];
const READ_WRITE_SCOPES = [
	'businesses.readonly',
	'businesses.write',
	'calendars.readonly',
	'calendars.write',
	'calendars/events.readonly',
	'calendars/events.write',
	'calendars/groups.readonly',
	'calendars/groups.write',
	'calendars/resources.readonly',
	'calendars/resources.write',
	'campaigns.readonly',
	'contacts.readonly',
	'contacts.write',
	'conversations.readonly',
	'conversations.write',
	'conversations/livechat.write',
	'conversations/message.readonly',
	'conversations/message.write',
	'forms.readonly',
	'locations.readonly',
	'locations/customFields.readonly',
	'locations/customFields.write',
	'locations/customValues.readonly',
	'locations/customValues.write',
	'locations/tags.readonly',
	'locations/tags.write',
	'locations/tasks.readonly',
	'locations/templates.readonly',
	'opportunities.readonly',
	'opportunities.write',
	'surveys.readonly',
	'users.readonly',
	'users.write',
	'workflows.readonly',
];
// </generated scopes>

export class GhlOAuth2Api implements ICredentialType {
	name = 'ghlOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'HighLevel (GHL) OAuth2 API';

	icon: Icon = { light: 'file:ghl.svg', dark: 'file:ghl.dark.svg' };

	documentationUrl = 'https://marketplace.gohighlevel.com/docs/Authorization/OAuth2.0';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Marketplace',
			name: 'marketplace',
			type: 'options',
			options: [
				{ name: 'HighLevel (marketplace.gohighlevel.com)', value: 'https://marketplace.gohighlevel.com' },
				{ name: 'White-Label (marketplace.leadconnectorhq.com)', value: 'https://marketplace.leadconnectorhq.com' },
				{ name: 'Same Host as the API Base URL (Local Sandbox)', value: 'apiHost' },
			],
			default: 'https://marketplace.gohighlevel.com',
			description: 'Where users choose the sub-account that installs your app',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://services.leadconnectorhq.com',
			description: 'Change only for a white-label API host or a local GHL sandbox',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default:
				'={{$self["marketplace"] === "apiHost" ? $self["baseUrl"].replace(/\\/+$/, "") + "/oauth/chooselocation" : $self["marketplace"] + "/v2/oauth/chooselocation"}}',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{$self["baseUrl"].replace(/\\/+$/, "")}}/oauth/token',
		},
		{
			displayName: 'Scope Preset',
			name: 'scopePreset',
			type: 'options',
			options: [
				{ name: 'Read and Write', value: 'readWrite', description: READ_WRITE_SCOPES.join(' ') },
				{ name: 'Read Only', value: 'readOnly', description: READ_ONLY_SCOPES.join(' ') },
				{ name: 'Custom', value: 'custom' },
			],
			default: 'readWrite',
			description: 'Request only what your workflows need; must match the scopes of your marketplace app',
		},
		{
			displayName: 'Custom Scopes',
			name: 'customScopes',
			type: 'string',
			default: 'contacts.readonly contacts.write',
			displayOptions: { show: { scopePreset: ['custom'] } },
			description: 'Space-separated GHL scopes',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: `={{$self["scopePreset"] === "custom" ? $self["customScopes"] : $self["scopePreset"] === "readOnly" ? "${READ_ONLY_SCOPES.join(' ')}" : "${READ_WRITE_SCOPES.join(' ')}"}}`,
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			// GHL's token endpoint takes client_id and client_secret in the form body.
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/contacts/search',
			method: 'POST',
			headers: { Version: '2021-07-28' },
			body: { locationId: '={{$credentials.oauthTokenData.locationId}}', pageLimit: 1 },
		},
	};
}

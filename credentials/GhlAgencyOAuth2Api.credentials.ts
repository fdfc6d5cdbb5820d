import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { ghlOAuth2Properties } from './ghlOAuth2Properties';

// <generated agency scopes: npx tsx scripts/catalogue/generate.ts>
// Presets: every scope the node's operations and lookups need, agency operations included, from their meta.
const READ_ONLY_SCOPES = [
	'associations.readonly',
	'associations/relation.readonly',
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
	'oauth.readonly',
	'oauth.write',
	'objects/record.readonly',
	'objects/schema.readonly',
	'opportunities.readonly',
	'surveys.readonly',
	'users.readonly',
	'workflows.readonly',
];
const READ_WRITE_SCOPES = [
	'associations.readonly',
	'associations.write',
	'associations/relation.readonly',
	'associations/relation.write',
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
	'forms.write',
	'locations.readonly',
	'locations.write',
	'locations/customFields.readonly',
	'locations/customFields.write',
	'locations/customValues.readonly',
	'locations/customValues.write',
	'locations/tags.readonly',
	'locations/tags.write',
	'locations/tasks.readonly',
	'locations/templates.readonly',
	'oauth.readonly',
	'oauth.write',
	'objects/record.readonly',
	'objects/record.write',
	'objects/schema.readonly',
	'objects/schema.write',
	'opportunities.readonly',
	'opportunities.write',
	'surveys.readonly',
	'users.readonly',
	'users.write',
	'workflows.readonly',
];
// </generated agency scopes>

export class GhlAgencyOAuth2Api implements ICredentialType {
	name = 'ghlAgencyOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'HighLevel (GHL) Agency OAuth2 API';

	icon: Icon = { light: 'file:ghl.svg', dark: 'file:ghl.dark.svg' };

	documentationUrl = 'https://marketplace.gohighlevel.com/docs/Authorization/OAuth2.0';

	properties: INodeProperties[] = ghlOAuth2Properties({
		marketplaceDescription: 'Where the agency installs your app',
		extraProperties: [
			{
				displayName: 'App ID',
				name: 'appId',
				type: 'string',
				default: '',
				description:
					'Your marketplace app’s ID, for listing the sub-accounts it is installed in. Leave empty: it is the part of the Client ID before the dash.',
			},
		],
		// The local sandbox issues an agency token when asked; GHL decides by the app's distribution.
		authQueryParameters: '={{$self["marketplace"] === "apiHost" ? "user_type=Company" : ""}}',
		readOnlyScopes: READ_ONLY_SCOPES,
		readWriteScopes: READ_WRITE_SCOPES,
	});

	// One real request proves the agency token and its oauth.readonly scope: the app's installed sub-accounts.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/oauth/installedLocations',
			method: 'GET',
			headers: { Version: '2021-07-28' },
			qs: {
				companyId: '={{$credentials.oauthTokenData.companyId}}',
				appId: '={{$credentials.appId || $credentials.clientId.split("-")[0]}}',
				isInstalled: true,
				limit: 1,
			},
		},
	};
}

import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { ghlOAuth2Properties } from './ghlOAuth2Properties';

// <generated scopes: npx tsx scripts/catalogue/generate.ts>
// Least-privilege presets: every scope the node's operations and lookups need, from their meta.
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
	'locations/customFields.readonly',
	'locations/customFields.write',
	'locations/customValues.readonly',
	'locations/customValues.write',
	'locations/tags.readonly',
	'locations/tags.write',
	'locations/tasks.readonly',
	'locations/templates.readonly',
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
// </generated scopes>

export class GhlOAuth2Api implements ICredentialType {
	name = 'ghlOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'HighLevel (GHL) OAuth2 API';

	icon: Icon = { light: 'file:ghl.svg', dark: 'file:ghl.dark.svg' };

	documentationUrl = 'https://marketplace.gohighlevel.com/docs/Authorization/OAuth2.0';

	properties: INodeProperties[] = ghlOAuth2Properties({
		marketplaceDescription: 'Where users choose the sub-account that installs your app',
		authQueryParameters: '',
		readOnlyScopes: READ_ONLY_SCOPES,
		readWriteScopes: READ_WRITE_SCOPES,
	});

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

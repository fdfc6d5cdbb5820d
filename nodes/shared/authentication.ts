import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** Both ways to connect, switched by the node's Authentication parameter. */
export const credentials: INodeCredentialDescription[] = [
	{
		name: 'ghlApi',
		required: true,
		displayOptions: { show: { authentication: ['privateIntegration'] } },
	},
	{
		name: 'ghlOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
];

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Private Integration Token', value: 'privateIntegration' },
		{ name: 'OAuth2 (Marketplace App)', value: 'oAuth2' },
	],
	default: 'privateIntegration',
};

import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** The ways to connect, switched by the node's Authentication parameter. */
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
	{
		name: 'ghlAgencyOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['agencyOAuth2'] } },
	},
];

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Private Integration Token', value: 'privateIntegration' },
		{ name: 'OAuth2 (Marketplace App)', value: 'oAuth2' },
		{
			name: 'OAuth2 Agency (All Sub-Accounts)',
			value: 'agencyOAuth2',
			description: 'One agency connection; each item acts for the sub-account you choose',
		},
	],
	default: 'privateIntegration',
};

/** Resources whose operations act for the agency itself, not for one sub-account. */
export const AGENCY_RESOURCES = ['agency'];

/** A sub-account (location) of the agency: picked from the app's installations, or given by ID. */
export function subAccountLocator(options: { name: string; description: string }): INodeProperties {
	return {
		displayName: 'Sub-Account',
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchSubAccounts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. ve9EPM428h8vShlRW1KT',
				validation: [
					{ type: 'regex', properties: { regex: '^[A-Za-z0-9]{20,24}$', errorMessage: 'A GHL location ID has 20–24 letters and digits' } },
				],
			},
		],
	};
}

/**
 * Which sub-account an item acts for under the agency credential: the transport mints (and caches)
 * a location token for it, so every operation works as it does with a sub-account credential.
 */
export const subAccountProperty: INodeProperties = {
	...subAccountLocator({
		name: 'subAccount',
		description:
			'The sub-account (location) this item acts for. Use an expression, e.g. {{ $json._id }} after "Get Installed Sub-Accounts", to run the step for every sub-account.',
	}),
	displayOptions: { show: { authentication: ['agencyOAuth2'] }, hide: { resource: AGENCY_RESOURCES } },
};

import type { INodeProperties } from 'n8n-workflow';

/** What differs between the sub-account and the agency OAuth2 credential's fields. */
export interface GhlOAuth2Variant {
	/** The Marketplace field's description: who installs the app there. */
	marketplaceDescription: string;
	/** Fields shown after the API Base URL (the agency credential's App ID). */
	extraProperties?: INodeProperties[];
	/** The hidden Auth URI Query Parameters' value (an expression or empty). */
	authQueryParameters: string;
	readOnlyScopes: string[];
	readWriteScopes: string[];
}

/**
 * The fields of a GHL OAuth2 credential (extends n8n's oAuth2Api): marketplace, API host, scope
 * presets and the hidden values n8n's OAuth2 flow reads. Both credentials store the same data shape.
 */
export function ghlOAuth2Properties(variant: GhlOAuth2Variant): INodeProperties[] {
	const readOnly = variant.readOnlyScopes.join(' ');
	const readWrite = variant.readWriteScopes.join(' ');
	return [
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
			description: variant.marketplaceDescription,
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://services.leadconnectorhq.com',
			description: 'Change only for a white-label API host or a local GHL sandbox',
		},
		...(variant.extraProperties ?? []),
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
				{ name: 'Read and Write', value: 'readWrite', description: readWrite },
				{ name: 'Read Only', value: 'readOnly', description: readOnly },
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
			default: `={{$self["scopePreset"] === "custom" ? $self["customScopes"] : $self["scopePreset"] === "readOnly" ? "${readOnly}" : "${readWrite}"}}`,
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: variant.authQueryParameters,
		},
		{
			// GHL's token endpoint takes client_id and client_secret in the form body.
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];
}

import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import type { GhlContext } from './types';

export const PRIVATE_INTEGRATION = 'privateIntegration';
export const OAUTH2 = 'oAuth2';

export const CREDENTIAL_TYPES: Record<string, string> = {
	[PRIVATE_INTEGRATION]: 'ghlApi',
	[OAUTH2]: 'ghlOAuth2Api',
};

export const DEFAULT_BASE_URL = 'https://services.leadconnectorhq.com';

export interface GhlConnection {
	credentialType: string;
	baseUrl: string;
	locationId: string;
}

/** Reads a node parameter from any kind of context (only execute contexts take an item index). */
export function readNodeParameter(ctx: GhlContext, name: string, fallback: unknown): unknown {
	const get = ctx.getNodeParameter as (name: string, ...rest: unknown[]) => unknown;
	return 'getInputData' in ctx ? get.call(ctx, name, 0, fallback) : get.call(ctx, name, fallback);
}

function locationOf(credentialType: string, credentials: ICredentialDataDecryptedObject): string {
	if (credentialType === 'ghlApi') return String(credentials.locationId ?? '').trim();
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	return String(tokenData.locationId ?? '').trim();
}

const connections = new WeakMap<object, Promise<GhlConnection>>();

async function resolveConnection(ctx: GhlContext): Promise<GhlConnection> {
	const authentication = String(readNodeParameter(ctx, 'authentication', PRIVATE_INTEGRATION));
	const credentialType = CREDENTIAL_TYPES[authentication] ?? CREDENTIAL_TYPES[PRIVATE_INTEGRATION];
	const credentials = await ctx.getCredentials(credentialType);
	const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	const locationId = locationOf(credentialType, credentials);
	if (!locationId) {
		throw new NodeOperationError(
			ctx.getNode(),
			credentialType === 'ghlApi'
				? 'The HighLevel credential has no Location ID'
				: 'This HighLevel OAuth2 connection has no location: it is an Agency (Company) token',
			{
				description:
					credentialType === 'ghlApi'
						? 'Open the credential and enter the sub-account Location ID the Private Integration token belongs to.'
						: 'Contacts and calendars need a Sub-Account token. In your marketplace app set "Who can install" to Sub-account (or choose a sub-account on the consent screen), then reconnect the credential.',
			},
		);
	}
	return { credentialType, baseUrl, locationId };
}

/** The credential type, API base URL and location for this node run (resolved once per context). */
export async function getConnection(ctx: GhlContext): Promise<GhlConnection> {
	let connection = connections.get(ctx);
	if (!connection) {
		connection = resolveConnection(ctx);
		connections.set(ctx, connection);
		connection.catch(() => connections.delete(ctx));
	}
	return await connection;
}

export async function getLocationId(ctx: GhlContext): Promise<string> {
	return (await getConnection(ctx)).locationId;
}

import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import type { GhlContext } from './types';

export const PRIVATE_INTEGRATION = 'privateIntegration';
export const OAUTH2 = 'oAuth2';
export const AGENCY_OAUTH2 = 'agencyOAuth2';

export const CREDENTIAL_TYPES: Record<string, string> = {
	[PRIVATE_INTEGRATION]: 'ghlApi',
	[OAUTH2]: 'ghlOAuth2Api',
	[AGENCY_OAUTH2]: 'ghlAgencyOAuth2Api',
};

export const AGENCY_CREDENTIAL_TYPE = CREDENTIAL_TYPES[AGENCY_OAUTH2];

/** The node parameter naming the sub-account an agency credential acts for (per item). */
export const SUB_ACCOUNT_PARAMETER = 'subAccount';

export const DEFAULT_BASE_URL = 'https://services.leadconnectorhq.com';

/** What an agency (Company) token needs to mint sub-account tokens. */
export interface AgencyGrant {
	companyId: string;
	appId: string;
	/** Location tokens minted with this grant are shared by every run under this key. */
	cacheKey: string;
}

export interface GhlConnection {
	credentialType: string;
	baseUrl: string;
	/** The sub-account requests act for; '' for a request made with the agency token itself. */
	locationId: string;
	/** Set for the agency credential: requests for a sub-account carry a location token minted from it. */
	agency?: AgencyGrant;
}

interface CredentialSetup {
	credentialType: string;
	baseUrl: string;
	/** The credential's own location (Private Integration, sub-account OAuth2); '' for an agency. */
	locationId: string;
	agency?: AgencyGrant;
}

/** Per-item contexts (forItem) → the item they act for and the context they were made from. */
const itemContexts = new WeakMap<object, { itemIndex: number; root: GhlContext; subAccount?: string }>();

/**
 * A context that acts for one input item: parameters the transport reads itself (the agency
 * credential's Sub-Account) are read for that item. The router runs each item with one, so
 * operations stay as they are while items in flight act for different sub-accounts.
 */
export function forItem<T extends GhlContext>(ctx: T, itemIndex: number): T {
	const root = itemContexts.get(ctx)?.root ?? ctx;
	const item = Object.create(root) as T;
	itemContexts.set(item, { itemIndex, root });
	return item;
}

/**
 * A context that acts for the given sub-account under an agency credential, whatever the node's
 * Sub-Account parameter says (the webhook trigger reads an event's record in the event's sub-account).
 */
export function forSubAccount<T extends GhlContext>(ctx: T, locationId: string): T {
	const entry = itemContexts.get(ctx);
	const root = entry?.root ?? ctx;
	const scoped = Object.create(root) as T;
	itemContexts.set(scoped, { itemIndex: entry?.itemIndex ?? 0, root, subAccount: locationId });
	return scoped;
}

/** Reads a node parameter from any kind of context (only execute contexts take an item index). */
export function readNodeParameter(ctx: GhlContext, name: string, fallback: unknown): unknown {
	const get = ctx.getNodeParameter as (name: string, ...rest: unknown[]) => unknown;
	return 'getInputData' in ctx ? get.call(ctx, name, itemContexts.get(ctx)?.itemIndex ?? 0, fallback) : get.call(ctx, name, fallback);
}

function locationOf(credentialType: string, credentials: ICredentialDataDecryptedObject): string {
	if (credentialType === 'ghlApi') return String(credentials.locationId ?? '').trim();
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	return String(tokenData.locationId ?? '').trim();
}

/** GHL client IDs are the app ID, a dash and a suffix; the App ID field overrides that. */
export function appIdOf(credentials: ICredentialDataDecryptedObject): string {
	const given = String(credentials.appId ?? '').trim();
	return given || String(credentials.clientId ?? '').split('-')[0].trim();
}

function agencyGrant(ctx: GhlContext, baseUrl: string, credentials: ICredentialDataDecryptedObject): AgencyGrant {
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	const companyId = String(tokenData.companyId ?? '').trim();
	if (tokenData.userType === 'Location' || !companyId) {
		throw new NodeOperationError(ctx.getNode(), 'This HighLevel Agency OAuth2 connection holds no Agency (Company) token', {
			description:
				'Connect the credential as the agency: in your marketplace app set "Who can install" to Agency (or Agency and Sub-account), then reconnect. For one sub-account use the HighLevel (GHL) OAuth2 API credential instead.',
		});
	}
	const appId = appIdOf(credentials);
	return { companyId, appId, cacheKey: JSON.stringify([baseUrl, credentials.clientId ?? '', companyId, tokenData.scope ?? '']) };
}

const setups = new WeakMap<object, Promise<CredentialSetup>>();

async function resolveSetup(ctx: GhlContext): Promise<CredentialSetup> {
	const authentication = String(readNodeParameter(ctx, 'authentication', PRIVATE_INTEGRATION));
	const credentialType = CREDENTIAL_TYPES[authentication] ?? CREDENTIAL_TYPES[PRIVATE_INTEGRATION];
	const credentials = await ctx.getCredentials(credentialType);
	const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	if (credentialType === AGENCY_CREDENTIAL_TYPE) {
		return { credentialType, baseUrl, locationId: '', agency: agencyGrant(ctx, baseUrl, credentials) };
	}
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
						: 'Contacts and calendars need a Sub-Account token. In your marketplace app set "Who can install" to Sub-account (or choose a sub-account on the consent screen), then reconnect the credential. To act for every sub-account of the agency, choose Authentication "OAuth2 Agency (All Sub-Accounts)" instead.',
			},
		);
	}
	return { credentialType, baseUrl, locationId };
}

/** The credential's setup for this node run, resolved once per run (items share it). */
async function getSetup(ctx: GhlContext): Promise<CredentialSetup> {
	const root = itemContexts.get(ctx)?.root ?? ctx;
	let setup = setups.get(root);
	if (!setup) {
		setup = resolveSetup(root);
		setups.set(root, setup);
		setup.catch(() => setups.delete(root));
	}
	return await setup;
}

/** The sub-account the node's Sub-Account parameter names for this item (ID or list entry). */
function subAccountOf(ctx: GhlContext): string {
	const fixed = itemContexts.get(ctx)?.subAccount;
	if (fixed) return fixed;
	let value: unknown;
	try {
		value = readNodeParameter(ctx, SUB_ACCOUNT_PARAMETER, '');
	} catch {
		value = '';
	}
	const id = value && typeof value === 'object' ? (value as { value?: unknown }).value : value;
	const locationId = String(id ?? '').trim();
	if (!locationId) {
		const itemIndex = itemContexts.get(ctx)?.itemIndex;
		throw new NodeOperationError(ctx.getNode(), 'Sub-Account is empty: choose the sub-account this item acts for', {
			description:
				'With the agency credential every operation acts for one sub-account: pick it from the list, or give its location ID with an expression (e.g. {{ $json._id }} after "Get Installed Sub-Accounts") to run the same step for each.',
			itemIndex,
		});
	}
	return locationId;
}

/** The credential type, API base URL and location for this item (the credential's, or the agency's chosen sub-account). */
export async function getConnection(ctx: GhlContext): Promise<GhlConnection> {
	const setup = await getSetup(ctx);
	if (!setup.agency) return setup;
	return { ...setup, locationId: subAccountOf(ctx) };
}

/** The connection for a request made with the agency (Company) token itself; refused for other credentials. */
export async function getAgencyConnection(ctx: GhlContext): Promise<GhlConnection & { agency: AgencyGrant }> {
	const setup = await getSetup(ctx);
	if (!setup.agency) {
		throw new NodeOperationError(ctx.getNode(), 'This operation needs an agency credential', {
			description:
				'GHL accepts only an Agency (Company) token for it. Choose Authentication "OAuth2 Agency (All Sub-Accounts)" and a HighLevel (GHL) Agency OAuth2 API credential.',
		});
	}
	return { ...setup, agency: setup.agency };
}

/** Whether this node run uses the agency credential (without reading the credential). */
export function usesAgency(ctx: GhlContext): boolean {
	try {
		return String(readNodeParameter(ctx, 'authentication', PRIVATE_INTEGRATION)) === AGENCY_OAUTH2;
	} catch {
		return false;
	}
}

export async function getLocationId(ctx: GhlContext): Promise<string> {
	return (await getConnection(ctx)).locationId;
}

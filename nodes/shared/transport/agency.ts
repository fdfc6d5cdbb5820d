import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import type { GhlConnection } from './connection';
import type { GhlContext, GhlRequest } from './types';

/** A location token is used until this long before GHL's expiry, so none expires in flight. */
export const LOCATION_TOKEN_MARGIN_MS = 5 * 60_000;

interface CachedToken {
	/** Settles with the token; shared by every request that needs it while it is minted. */
	token: Promise<string>;
	/** Known once minted. */
	expiresAt?: number;
	value?: string;
}

/**
 * Location tokens minted from agency tokens, per agency grant and sub-account, kept across runs of
 * this process until shortly before they expire. One mint per sub-account however many items are
 * in flight: they all wait for the same one.
 */
const locationTokens = new Map<string, CachedToken>();

/** How many location tokens were minted by this process (tests read it). */
export const locationTokenStats = { minted: 0 };

/** Forgets every cached location token (tests reset between cases). */
export function forgetLocationTokens(): void {
	locationTokens.clear();
}

type SendAsAgency = (request: GhlRequest) => Promise<IDataObject>;

async function mint(ctx: GhlContext, connection: GhlConnection, sendAsAgency: SendAsAgency, itemIndex: number | undefined): Promise<{ token: string; expiresAt: number }> {
	const { companyId } = connection.agency!;
	const locationId = connection.locationId;
	let answer: IDataObject;
	try {
		answer = await sendAsAgency({
			method: 'POST',
			path: '/oauth/locationToken',
			api: 'oauth',
			body: { companyId, locationId },
			form: true,
			// Minting twice only issues two tokens: safe to repeat after a 5xx.
			idempotent: true,
			itemIndex,
		});
	} catch (error) {
		const failure = error as NodeApiError;
		throw new NodeApiError(
			ctx.getNode(),
			{ message: failure.message },
			{
				message: `Sub-account ${locationId}: GHL gave no token for it (${failure.message})`,
				description: `The agency credential could not act for this sub-account, so the item was not sent. Is the app installed in sub-account ${locationId} ("Get Installed Sub-Accounts" lists where it is), and does the credential hold the oauth.write scope? ${failure.description ?? ''}`.trim(),
				httpCode: failure.httpCode ?? undefined,
				itemIndex,
			},
		);
	}
	const token = typeof answer.access_token === 'string' ? answer.access_token : '';
	if (!token) throw new NodeApiError(ctx.getNode(), { message: 'no access_token' }, { message: `Sub-account ${locationId}: GHL's answer to the location token request has no token`, itemIndex });
	locationTokenStats.minted++;
	const lifetimeMs = Math.max(0, Number(answer.expires_in ?? 0) * 1000);
	return { token, expiresAt: Date.now() + lifetimeMs - Math.min(LOCATION_TOKEN_MARGIN_MS, lifetimeMs / 2) };
}

/**
 * The location token for the connection's sub-account when it is an agency credential acting for
 * one (else undefined): the cached one while it is valid, else one newly minted. `stale` is a token
 * GHL just refused with 401: it is replaced, unless another request replaced it already.
 */
export async function locationTokenFor(
	ctx: GhlContext,
	connection: GhlConnection,
	sendAsAgency: SendAsAgency,
	itemIndex: number | undefined,
	stale?: string,
): Promise<string | undefined> {
	if (!connection.agency || !connection.locationId) return undefined;
	const key = `${connection.agency.cacheKey}|${connection.locationId}`;
	const cached = locationTokens.get(key);
	if (cached && (cached.value === undefined || (cached.value !== stale && (cached.expiresAt ?? 0) > Date.now()))) {
		return await cached.token;
	}
	const entry: CachedToken = { token: Promise.resolve('') };
	entry.token = mint(ctx, connection, sendAsAgency, itemIndex).then(
		({ token, expiresAt }) => {
			entry.value = token;
			entry.expiresAt = expiresAt;
			return token;
		},
		(error: Error) => {
			// A refused mint is not kept: the next item asks again (the app may be installed meanwhile).
			if (locationTokens.get(key) === entry) locationTokens.delete(key);
			throw error;
		},
	);
	locationTokens.set(key, entry);
	return await entry.token;
}

/**
 * Sends one attempt: with a sub-account token minted from the agency token when there is one, else
 * through n8n's credential helper (OAuth2 refresh included).
 */
export async function sendAuthenticated(
	ctx: GhlContext,
	connection: GhlConnection,
	options: IHttpRequestOptions,
	locationToken: string | undefined,
): Promise<IN8nHttpFullResponse> {
	if (locationToken === undefined) {
		return (await ctx.helpers.httpRequestWithAuthentication.call(ctx, connection.credentialType, options)) as IN8nHttpFullResponse;
	}
	return (await ctx.helpers.httpRequest({
		...options,
		headers: { ...options.headers, Authorization: `Bearer ${locationToken}` },
	})) as IN8nHttpFullResponse;
}

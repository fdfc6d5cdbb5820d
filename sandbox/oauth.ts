/**
 * OAuth 2.0 of the marketplace app (research §4): the auto-approving authorize page,
 * `POST /oauth/token` (authorization_code / refresh_token with single-use rotating refresh
 * tokens and GHL's 30 s grace), and the agency endpoints `POST /oauth/locationToken` and
 * `GET /oauth/installedLocations`.
 */
import { AGENCY_SCOPES, type OAuthClient } from './auth';
import { errors, HttpError } from './http';
import { uuid } from './ids';
import type { Handler, HandlerContext, SandboxState } from './routes/context';
import type { IssueTokenOptions, OAuthTokenResponse } from './types';
import { validateBody } from './validation';

/** Response fields that depend on the grant (mirrors GHL's samples, research §4.1). */
export function tokenExtras(state: SandboxState, grant: { userType: string; companyId: string }): Partial<OAuthTokenResponse> {
	if (grant.userType === 'Company') {
		const approvedLocations = [...state.store.locations.values()].filter((l) => l.companyId === grant.companyId).map((l) => l.id);
		return {
			approvedLocations,
			isBulkInstallation: false,
			installToFutureLocations: false,
			approveAllLocations: false,
			refreshTokenId: uuid(),
		};
	}
	return { isBulkInstallation: false, traceId: uuid() };
}

/** Mint tokens for the demo OAuth client without the browser dance (tests, admin API). */
export function issueDemoTokens(state: SandboxState, opts: IssueTokenOptions = {}): OAuthTokenResponse {
	const client = state.tokens.clients.get(state.demo.oauthClientId)!;
	const userType = opts.userType ?? 'Location';
	const locationId = opts.locationId ?? state.demo.locationId;
	if (userType === 'Location' && !state.store.locations.has(locationId)) {
		throw errors.badRequest(`Unknown location ${locationId}`);
	}
	const defaultScopes = userType === 'Company' ? client.scopes : client.scopes.filter((s) => !AGENCY_SCOPES.includes(s));
	const grant = {
		clientId: client.clientId,
		userType,
		locationId: userType === 'Location' ? locationId : undefined,
		companyId: state.demo.companyId,
		userId: state.demo.userId,
		scopes: opts.scopes ?? defaultScopes,
	};
	return state.tokens.issue({ ...grant, extra: tokenExtras(state, grant) });
}

/** Client credentials from the form body or an HTTP Basic header (n8n can send either). */
function clientFromRequest(ctx: HandlerContext): { clientId?: string; clientSecret?: string } {
	const basic = /^Basic\s+(\S+)$/i.exec(ctx.headers['authorization'] ?? '');
	let clientId = typeof ctx.body.client_id === 'string' ? ctx.body.client_id : undefined;
	let clientSecret = typeof ctx.body.client_secret === 'string' ? ctx.body.client_secret : undefined;
	if (basic && (clientId === undefined || clientSecret === undefined)) {
		const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
		const sep = decoded.indexOf(':');
		if (sep > 0) {
			clientId ??= decodeURIComponent(decoded.slice(0, sep));
			clientSecret ??= decodeURIComponent(decoded.slice(sep + 1));
		}
	}
	return { clientId, clientSecret };
}

function authenticateClient(ctx: HandlerContext, clientId: string, clientSecret: string): OAuthClient {
	const client = ctx.state.tokens.clients.get(clientId);
	if (!client || client.clientSecret !== clientSecret) throw errors.oauth(401, 'invalid_client', 'Invalid client credentials');
	return client;
}

const token: Handler = (ctx) => {
	const { clientId, clientSecret } = clientFromRequest(ctx);
	// GetAccessCodebodyDto requires client_id/client_secret; Basic-auth values count as sent.
	const body = validateBody(ctx.op, { ...ctx.body, client_id: clientId, client_secret: clientSecret });
	const client = authenticateClient(ctx, clientId!, clientSecret!);
	const { state } = ctx;
	let response: OAuthTokenResponse;
	switch (body.grant_type) {
		case 'authorization_code': {
			if (typeof body.code !== 'string' || body.code === '') throw errors.oauth(400, 'invalid_request', 'code is required');
			const grant = state.tokens.redeemCode(client.clientId, body.code, body.redirect_uri as string | undefined);
			const userType = (body.user_type as 'Location' | 'Company' | undefined) ?? grant.userType;
			const scoped = {
				...grant,
				userType,
				locationId: userType === 'Location' ? grant.locationId : undefined,
				scopes: userType === 'Location' ? grant.scopes.filter((s) => !AGENCY_SCOPES.includes(s)) : grant.scopes,
			};
			response = state.tokens.issue({ ...scoped, extra: tokenExtras(state, scoped) });
			break;
		}
		case 'refresh_token': {
			if (typeof body.refresh_token !== 'string' || body.refresh_token === '') {
				throw errors.oauth(400, 'invalid_request', 'refresh_token is required');
			}
			response = state.tokens.redeemRefreshToken(client.clientId, body.refresh_token);
			break;
		}
		default:
			throw errors.oauth(400, 'unsupported_grant_type', `grant_type ${String(body.grant_type)} is not supported by the sandbox`);
	}
	return { status: 200, body: response, headers: { 'cache-control': 'no-store' } };
};

/**
 * Authorize page: auto-approves the demo location (or `locationId=` given in the query,
 * a sandbox extension) and redirects to `redirect_uri?code=...&state=...`.
 */
const chooseLocation: Handler = (ctx) => {
	const get = (name: string) => {
		const v = ctx.rawQuery[name];
		return Array.isArray(v) ? v[0] : v;
	};
	const client = ctx.state.tokens.clients.get(get('client_id') ?? '');
	if (!client) throw errors.badRequest('Invalid client_id');
	const redirectUri = get('redirect_uri');
	if (!redirectUri) throw errors.badRequest('redirect_uri is required');
	if (get('response_type') !== 'code') throw errors.badRequest('response_type must be code');
	let target: URL;
	try {
		target = new URL(redirectUri);
	} catch {
		throw errors.badRequest('redirect_uri is not a valid URL');
	}
	const requested = (get('scope') ?? '').split(/[\s+]+/).filter(Boolean);
	const scopes = requested.length ? requested.filter((s) => client.scopes.includes(s)) : [...client.scopes];
	const locationId = get('locationId') ?? ctx.state.demo.locationId;
	const location = ctx.state.store.locations.get(locationId);
	if (!location) throw errors.badRequest(`Unknown location ${locationId}`);
	// `user_type=Company` (a sandbox extension, as `locationId=` is): the agency installs the app.
	const userType = get('user_type') === 'Company' ? 'Company' : 'Location';
	const code = ctx.state.tokens.createCode({
		clientId: client.clientId,
		userType,
		locationId: userType === 'Location' ? locationId : undefined,
		companyId: location.companyId,
		userId: ctx.state.demo.userId,
		scopes,
		redirectUri,
	});
	target.searchParams.set('code', code);
	const stateParam = get('state');
	if (stateParam !== undefined) target.searchParams.set('state', stateParam);
	return { status: 302, body: undefined, headers: { location: target.toString() } };
};

/** Agency token → sub-account token (spec: no refresh_token in the response). */
const locationToken: Handler = (ctx) => {
	const principal = ctx.principal!;
	const { companyId, locationId } = ctx.body as { companyId: string; locationId: string };
	const location = ctx.state.store.locations.get(locationId);
	if (companyId !== principal.companyId || !location || location.companyId !== companyId) throw errors.forbiddenLocation();
	if (!principal.clientId) throw errors.scope();
	// GHL's spec declares only the 200; what GHL answers for a sub-account without the app is not
	// documented, so the sandbox answers a 400 that says so (sandbox/README.md).
	if (ctx.state.store.uninstalled.has(locationId)) throw errors.badRequest(`This app is not installed in location ${locationId}`);
	const response = ctx.state.tokens.issue({
		clientId: principal.clientId,
		userType: 'Location',
		locationId,
		companyId,
		userId: principal.userId,
		scopes: [...principal.scopes].filter((s) => !AGENCY_SCOPES.includes(s)),
		withRefreshToken: false,
		extra: { traceId: uuid() },
	});
	const client = ctx.state.tokens.clients.get(principal.clientId);
	const { access_token, token_type, expires_in, scope, userId } = response;
	return {
		status: 200,
		body: { access_token, token_type, expires_in, scope, locationId, userId, appId: client?.appId, versionId: client?.appId },
	};
};

/**
 * The agency's sub-accounts and whether the app is installed in each (`isInstalled=true` keeps the
 * installed ones), `query` on the name, paged by `skip` / `limit` (GHL's defaults 0 and 20).
 */
const installedLocations: Handler = (ctx) => {
	const principal = ctx.principal!;
	if (ctx.query.companyId !== principal.companyId) throw new HttpError(403, { statusCode: 403, message: 'Forbidden', error: 'Forbidden' });
	const client = principal.clientId ? ctx.state.tokens.clients.get(principal.clientId) : undefined;
	if (ctx.query.appId !== client?.appId) throw new HttpError(403, { statusCode: 403, message: 'Forbidden', error: 'Forbidden' });
	const { uninstalled } = ctx.state.store;
	const wanted = ctx.query.isInstalled === undefined ? undefined : String(ctx.query.isInstalled) === 'true';
	const text = String(ctx.query.query ?? '').toLowerCase();
	const matching = [...ctx.state.store.locations.values()]
		.filter((l) => l.companyId === principal.companyId)
		.filter((l) => (ctx.query.locationId === undefined ? true : l.id === ctx.query.locationId))
		.filter((l) => wanted === undefined || !uninstalled.has(l.id) === wanted)
		.filter((l) => !text || l.name.toLowerCase().includes(text))
		.map((l) => ({ _id: l.id, name: l.name, address: l.address, isInstalled: !uninstalled.has(l.id) }));
	const skip = Number(ctx.query.skip ?? 0);
	const limit = Number(ctx.query.limit ?? 20);
	const locations = matching.slice(skip, skip + limit);
	return { status: 200, body: { locations, count: matching.length, installToFutureLocations: false } };
};

/**
 * The app is uninstalled from a sub-account (its tokens stop working) or installed again, and GHL's
 * UNINSTALL / INSTALL event is queued for the app's webhook URL.
 */
export function setInstalled(state: SandboxState, locationId: string, installed: boolean): void {
	const location = state.store.locations.get(locationId);
	if (!location) throw errors.badRequest(`Unknown location ${locationId}`);
	const client = state.tokens.clients.get(state.demo.oauthClientId)!;
	if (installed) {
		state.store.uninstalled.delete(locationId);
		state.webhooks.emit({ type: 'INSTALL', appId: client.appId, companyId: location.companyId, locationId, userId: state.demo.userId, installType: 'Location' });
	} else {
		state.store.uninstalled.add(locationId);
		state.tokens.revokeLocation(client.clientId, locationId);
		state.webhooks.emit({ type: 'UNINSTALL', appId: client.appId, companyId: location.companyId, locationId });
	}
}

export const oauthHandlers: Record<string, Handler> = {
	'get-access-token': token,
	'oauth-choose-location': chooseLocation,
	'get-location-access-token': locationToken,
	'get-installed-location': installedLocations,
};

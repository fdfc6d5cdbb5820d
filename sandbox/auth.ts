/**
 * Tokens the sandbox accepts: seeded Private Integration Tokens (static, bound to one
 * location) and OAuth access tokens minted by /oauth/token. Token strings are
 * deliberately NOT shaped like real PITs (`pit-` + hex) so secret scanners stay quiet.
 */
import { randomToken } from './ids';
import { errors } from './http';
import { loadSpecBundle } from './openapi';
import type { OAuthTokenResponse } from './types';

/** Every scope a sub-account token of the sandbox can hold: each scope the contract's sub-account operations declare. */
export const LOCATION_SCOPES = [
	...new Set(
		loadSpecBundle()
			.operations.filter((op) => op.security === 'location' || op.security === 'any')
			.flatMap((op) => op.scopes),
	),
].sort();

export const READ_ONLY_SCOPES = LOCATION_SCOPES.filter((s) => s.endsWith('.readonly'));

/**
 * Agency-only scopes: minting location tokens, listing installations, and every scope only the
 * contract's agency-only operations declare (creating and changing sub-accounts, …).
 */
export const AGENCY_SCOPES = [
	...new Set([
		'oauth.readonly',
		'oauth.write',
		...loadSpecBundle()
			.operations.filter((op) => op.security === 'agency')
			.flatMap((op) => op.scopes)
			.filter((scope) => !LOCATION_SCOPES.includes(scope)),
	]),
].sort();

export type UserType = 'Location' | 'Company';

export interface Principal {
	kind: 'pit' | 'oauth';
	token: string;
	userType: UserType;
	locationId?: string;
	companyId: string;
	userId: string;
	scopes: Set<string>;
	clientId?: string;
	/** Rate-limit bucket: per marketplace app (or PIT) per location/company (research §5). */
	bucket: string;
}

interface AccessTokenRecord extends Principal {
	expiresAt: number;
}

interface Grant {
	clientId: string;
	userType: UserType;
	locationId?: string;
	companyId: string;
	userId: string;
	scopes: string[];
}

interface RefreshTokenRecord extends Grant {
	token: string;
	/** When it was redeemed; GHL answers the same new pair for 30 s afterwards. */
	usedAt?: number;
	rotatedTo?: OAuthTokenResponse;
}

interface AuthCodeRecord extends Grant {
	code: string;
	redirectUri?: string;
	expiresAt: number;
}

export interface OAuthClient {
	clientId: string;
	clientSecret: string;
	appId: string;
	scopes: string[];
}

export interface IssueOptions extends Grant {
	withRefreshToken?: boolean;
	/** Extra response fields (approvedLocations, ...). */
	extra?: Partial<OAuthTokenResponse>;
}

export class TokenRegistry {
	readonly pits = new Map<string, Principal>();
	readonly clients = new Map<string, OAuthClient>();
	private readonly access = new Map<string, AccessTokenRecord>();
	private readonly refresh = new Map<string, RefreshTokenRecord>();
	private readonly codes = new Map<string, AuthCodeRecord>();

	constructor(
		public accessTokenTtlSeconds: number,
		public refreshGraceMs: number,
	) {}

	addPit(token: string, grant: { locationId: string; companyId: string; userId: string; scopes: string[] }): void {
		this.pits.set(token, {
			kind: 'pit',
			token,
			userType: 'Location',
			locationId: grant.locationId,
			companyId: grant.companyId,
			userId: grant.userId,
			scopes: new Set(grant.scopes),
			bucket: `pit:${token}:${grant.locationId}`,
		});
	}

	addClient(client: OAuthClient): void {
		this.clients.set(client.clientId, client);
	}

	/** Resolve `Authorization: Bearer <token>`; 401 for missing, unknown or expired tokens. */
	authenticate(authorization: string | undefined, now = Date.now()): Principal {
		const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
		if (!match) throw errors.invalidToken();
		const token = match[1];
		const pit = this.pits.get(token);
		if (pit) return pit;
		const access = this.access.get(token);
		if (!access || access.expiresAt <= now) throw errors.invalidToken();
		return access;
	}

	issue(opts: IssueOptions, now = Date.now()): OAuthTokenResponse {
		const accessToken = randomToken('sandbox-at-');
		const scopes = [...new Set(opts.scopes)];
		const resource = opts.userType === 'Location' ? opts.locationId! : opts.companyId;
		this.access.set(accessToken, {
			kind: 'oauth',
			token: accessToken,
			userType: opts.userType,
			locationId: opts.userType === 'Location' ? opts.locationId : undefined,
			companyId: opts.companyId,
			userId: opts.userId,
			scopes: new Set(scopes),
			clientId: opts.clientId,
			bucket: `app:${opts.clientId}:${resource}`,
			expiresAt: now + this.accessTokenTtlSeconds * 1000,
		});
		const response: OAuthTokenResponse = {
			access_token: accessToken,
			token_type: 'Bearer',
			expires_in: this.accessTokenTtlSeconds,
			scope: scopes.join(' '),
			userType: opts.userType,
			companyId: opts.companyId,
			userId: opts.userId,
		};
		if (opts.userType === 'Location') response.locationId = opts.locationId;
		if (opts.withRefreshToken !== false) {
			const refreshToken = randomToken('sandbox-rt-');
			response.refresh_token = refreshToken;
			const { withRefreshToken: _w, extra: _e, ...grant } = opts;
			this.refresh.set(refreshToken, { ...grant, scopes, token: refreshToken });
		}
		Object.assign(response, opts.extra ?? {});
		return response;
	}

	/**
	 * Refresh tokens are single-use and rotate (research §4.2). Re-using the same refresh
	 * token within `refreshGraceMs` (GHL: 30 s, same client) answers the same new pair.
	 */
	redeemRefreshToken(clientId: string, refreshToken: string, now = Date.now()): OAuthTokenResponse {
		const record = this.refresh.get(refreshToken);
		if (!record || record.clientId !== clientId) {
			throw errors.oauth(400, 'invalid_grant', 'Invalid refresh token');
		}
		if (record.usedAt !== undefined) {
			if (now - record.usedAt <= this.refreshGraceMs && record.rotatedTo) return record.rotatedTo;
			throw errors.oauth(400, 'invalid_grant', 'Invalid refresh token');
		}
		const { token: _t, usedAt: _u, rotatedTo: _r, ...grant } = record;
		const next = this.issue({ ...grant, extra: this.extraFor(grant) }, now);
		record.usedAt = now;
		record.rotatedTo = next;
		return next;
	}

	/** Fields derived from the grant (set by the OAuth module). */
	extraFor: (grant: Grant) => Partial<OAuthTokenResponse> = () => ({});

	createCode(grant: Grant & { redirectUri?: string }, now = Date.now()): string {
		const code = randomToken('sandbox-code-', 32);
		this.codes.set(code, { ...grant, code, expiresAt: now + 10 * 60 * 1000 });
		return code;
	}

	/** Authorization codes are single-use and expire after 10 minutes. */
	redeemCode(clientId: string, code: string, redirectUri: string | undefined, now = Date.now()): Grant {
		const record = this.codes.get(code);
		this.codes.delete(code);
		if (!record || record.clientId !== clientId || record.expiresAt <= now) {
			throw errors.oauth(400, 'invalid_grant', 'Invalid authorization code');
		}
		if (redirectUri !== undefined && record.redirectUri !== undefined && redirectUri !== record.redirectUri) {
			throw errors.oauth(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
		}
		const { code: _c, expiresAt: _e, redirectUri: _r, ...grant } = record;
		return grant;
	}

	/** An app uninstalled from a sub-account: its tokens for that sub-account stop working. */
	revokeLocation(clientId: string, locationId: string): void {
		for (const [token, record] of this.access) if (record.clientId === clientId && record.locationId === locationId) this.access.delete(token);
		for (const [token, record] of this.refresh) if (record.clientId === clientId && record.locationId === locationId) this.refresh.delete(token);
	}

	/** Make every OAuth access token expired (PITs never expire). */
	expireAccessTokens(): void {
		for (const record of this.access.values()) record.expiresAt = 0;
	}
}

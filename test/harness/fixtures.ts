import type { IDataObject } from 'n8n-workflow';
import { startSandbox } from '../../sandbox';
import type { Sandbox, SandboxOptions } from '../../sandbox';
import { forgetLocationTokens, rateLimiter } from '../../nodes/shared/transport';
import type { StoredCredential } from './credentials';

let credentialCounter = 0;

/** A Private Integration credential for the sandbox's demo location. */
export function pitCredential(sandbox: Sandbox, overrides: Record<string, unknown> = {}): StoredCredential {
	return {
		id: `pit-cred-${++credentialCounter}`,
		name: 'GHL sandbox (Private Integration)',
		type: 'ghlApi',
		data: {
			accessToken: sandbox.demo.privateToken,
			locationId: sandbox.demo.locationId,
			baseUrl: sandbox.url,
			...overrides,
		},
	};
}

/** An OAuth2 credential holding tokens the sandbox issued, as n8n stores it after the consent flow. */
export function oauthCredential(
	sandbox: Sandbox,
	tokens: Record<string, unknown> = sandbox.issueOAuthTokens(),
): StoredCredential {
	return {
		id: `oauth-cred-${++credentialCounter}`,
		name: 'GHL sandbox (OAuth2)',
		type: 'ghlOAuth2Api',
		data: {
			clientId: sandbox.demo.oauthClientId,
			clientSecret: sandbox.demo.oauthClientSecret,
			baseUrl: sandbox.url,
			marketplace: 'apiHost',
			oauthTokenData: tokens as IDataObject,
		},
	};
}

/** An agency OAuth2 credential holding a Company token the sandbox issued (the app is installed in its three sub-accounts). */
export function agencyCredential(
	sandbox: Sandbox,
	tokens: Record<string, unknown> = sandbox.issueOAuthTokens({ userType: 'Company' }),
): StoredCredential {
	return {
		id: `agency-cred-${++credentialCounter}`,
		name: 'GHL sandbox (Agency OAuth2)',
		type: 'ghlAgencyOAuth2Api',
		data: {
			clientId: sandbox.demo.oauthClientId,
			clientSecret: sandbox.demo.oauthClientSecret,
			baseUrl: sandbox.url,
			marketplace: 'apiHost',
			oauthTokenData: tokens as IDataObject,
		},
	};
}

/** Fails the running test when the sandbox answered something the spec's response schemas refuse. */
export function assertNoResponseMismatches(sandbox: Sandbox | undefined): void {
	const mismatches = sandbox?.responseMismatches.splice(0) ?? [];
	if (mismatches.length) {
		const lines = mismatches.map((m) => `${m.method} ${m.path} → ${m.status}: ${m.problems.join('; ')}`);
		throw new Error(`sandbox response does not match spec:\n${lines.join('\n')}`);
	}
}

/**
 * Starts a sandbox for the test file and resets it (and our client-side rate-limit memory)
 * before each test, so tests do not see each other's data or budgets. Every answer is checked
 * against the spec's response schema; a mismatch fails the test that caused it.
 */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, validateResponses: true, ...options });
	});
	beforeEach(() => {
		sandbox?.reset();
		rateLimiter.forget();
		forgetLocationTokens();
	});
	afterEach(() => assertNoResponseMismatches(sandbox));
	afterAll(async () => {
		await sandbox?.close();
	});
	return () => {
		if (!sandbox) throw new Error('sandbox not started');
		return sandbox;
	};
}

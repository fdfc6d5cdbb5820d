import { oauthCredential, useSandbox } from '../harness/fixtures';
import { runWorkflow } from '../harness/run';
import { ghlWorkflow } from '../harness/workflows';

const sandbox = useSandbox({ refreshGraceMs: 300 });

async function firstContactId(): Promise<string> {
	const store = sandbox().snapshot() as { contacts?: Array<{ id: string; locationId: string }> };
	const contacts = Object.values(store.contacts ?? {}) as Array<{ id: string; locationId: string }>;
	const contact = contacts.find((candidate) => candidate.locationId === sandbox().demo.locationId);
	if (!contact) throw new Error('no seeded contact');
	return contact.id;
}

async function postForm(path: string, form: Record<string, string>) {
	const response = await fetch(`${sandbox().url}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(form).toString(),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('OAuth2 credential', () => {
	test('an access token that expires mid-run is refreshed once, the rotated refresh token is stored, and the old one is refused', async () => {
		const tokens = sandbox().issueOAuthTokens();
		const credential = oauthCredential(sandbox(), { ...tokens });
		const contactId = await firstContactId();
		const items = Array.from({ length: 6 }, () => ({}));

		// Expire every access token once the third GHL call has been answered.
		const watcher = setInterval(() => {
			const apiCalls = sandbox().requests.filter((request) => request.path.startsWith('/contacts/'));
			if (apiCalls.length >= 3) {
				sandbox().expireAccessTokens();
				clearInterval(watcher);
			}
		}, 1);
		const result = await runWorkflow(
			ghlWorkflow({ resource: 'contact', operation: 'get', contactId: { mode: 'id', value: contactId } }, credential, {
				items,
			}),
			{ credentials: [credential] },
		);
		clearInterval(watcher);

		expect(result.run.status).toBe('success');
		expect(result.json('GHL')).toHaveLength(6);
		expect(result.json('GHL').every((contact) => contact.id === contactId)).toBe(true);

		const refreshes = sandbox().requests.filter((request) => request.path === '/oauth/token');
		if (process.env.GHL_TEST_ENGINE === 'n8n-1.x') {
			// n8n-core 1.x has no per-credential refresh lock: each item in flight (Concurrency 8) that
			// meets the 401 refreshes with the same refresh token, inside GHL's grace window, and all succeed.
			expect(refreshes.length).toBeGreaterThanOrEqual(1);
			expect(refreshes.length).toBeLessThanOrEqual(8);
			expect(refreshes.every((request) => request.status === 200)).toBe(true);
		} else {
			expect(refreshes).toHaveLength(1);
		}
		for (const refresh of refreshes) {
			expect(refresh.body).toMatchObject({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
		}

		const stored = result.credentials.store.get(credential.id)!.data.oauthTokenData as Record<string, string>;
		expect(stored.refresh_token).toBeDefined();
		expect(stored.refresh_token).not.toBe(tokens.refresh_token);
		expect(stored.access_token).not.toBe(tokens.access_token);
		// Calls after the refresh carry the new token.
		const lastCall = sandbox().requests.filter((request) => request.path.startsWith('/contacts/')).pop()!;
		expect(lastCall.headers.authorization).toBe(`Bearer ${stored.access_token}`);
		expect(lastCall.status).toBe(200);

		// GHL refresh tokens are single-use: after the grace window the old one is refused…
		await new Promise((resolve) => setTimeout(resolve, 400));
		const reuse = await postForm('/oauth/token', {
			client_id: sandbox().demo.oauthClientId,
			client_secret: sandbox().demo.oauthClientSecret,
			grant_type: 'refresh_token',
			refresh_token: tokens.refresh_token!,
		});
		expect(reuse.status).toBeGreaterThanOrEqual(400);
		expect(reuse.body.error).toBe('invalid_grant');
		// …while the rotated one n8n stored still works.
		const next = await postForm('/oauth/token', {
			client_id: sandbox().demo.oauthClientId,
			client_secret: sandbox().demo.oauthClientSecret,
			grant_type: 'refresh_token',
			refresh_token: stored.refresh_token,
		});
		expect(next.status).toBe(200);
	});

	test('an Agency (Company) token gets an error that says what to do, before any API call', async () => {
		const tokens = sandbox().issueOAuthTokens({ userType: 'Company' });
		expect(tokens.locationId).toBeUndefined();
		const credential = oauthCredential(sandbox(), { ...tokens });
		const result = await runWorkflow(
			ghlWorkflow({ resource: 'contact', operation: 'get', contactId: { mode: 'id', value: 'abc' } }, credential),
			{ credentials: [credential] },
		);
		expect(result.run.status).toBe('error');
		const error = result.run.data.resultData.error as { message: string; description?: string };
		expect(error.message).toMatch(/Agency \(Company\) token/);
		expect(error.description).toMatch(/Sub-Account/i);
		expect(sandbox().requests.filter((request) => request.path.startsWith('/contacts'))).toHaveLength(0);
	});
});

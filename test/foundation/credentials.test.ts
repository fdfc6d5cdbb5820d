import { runCredentialTest } from '../harness/credentialTest';
import { oauthCredential, pitCredential, useSandbox } from '../harness/fixtures';

const sandbox = useSandbox();

function lastRequest() {
	const requests = sandbox().requests;
	return requests[requests.length - 1];
}

describe('credential test request', () => {
	test('Private Integration: proves token and location with one real search', async () => {
		const result = await runCredentialTest(pitCredential(sandbox()));
		expect(result.run.status).toBe('success');
		expect(result.json('Request')[0].statusCode).toBe(200);
		expect(sandbox().requests).toHaveLength(1);
		const request = lastRequest();
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/contacts/search');
		expect(request.headers.authorization).toBe(`Bearer ${sandbox().demo.privateToken}`);
		expect(request.headers.version).toBe('2021-07-28');
		expect(request.body).toMatchObject({ locationId: sandbox().demo.locationId, pageLimit: 1 });
	});

	test('Private Integration: a wrong token fails the test with 401', async () => {
		const result = await runCredentialTest(pitCredential(sandbox(), { accessToken: 'not-a-real-token' }));
		expect(result.run.status).toBe('error');
		expect(result.run.data.resultData.error).toMatchObject({ httpCode: '401' });
	});

	test('Private Integration: a location the token does not belong to fails the test', async () => {
		const result = await runCredentialTest(pitCredential(sandbox(), { locationId: sandbox().demo.otherLocationId }));
		expect(result.run.status).toBe('error');
		expect(['401', '403']).toContain(String((result.run.data.resultData.error as { httpCode?: string }).httpCode));
	});

	test('OAuth2: the test uses the access token and the location from the token response', async () => {
		const result = await runCredentialTest(oauthCredential(sandbox()));
		expect(result.run.status).toBe('success');
		const request = lastRequest();
		expect(request.headers.authorization).toMatch(/^Bearer \S+$/);
		expect(request.headers.authorization).not.toBe(`Bearer ${sandbox().demo.privateToken}`);
		expect(request.body).toMatchObject({ locationId: sandbox().demo.locationId });
	});
});

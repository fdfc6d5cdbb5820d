import type { IDataObject } from 'n8n-workflow';
import { pitCredential, useSandbox } from '../harness/fixtures';
import { runWorkflow } from '../harness/run';
import { ghlWorkflow } from '../harness/workflows';

const sandbox = useSandbox();

function seededContactId(): string {
	const snapshot = sandbox().snapshot() as { contacts?: unknown };
	const contacts = Object.values((snapshot.contacts ?? {}) as Record<string, { id: string; locationId: string }>);
	return contacts.find((contact) => contact.locationId === sandbox().demo.locationId)!.id;
}

function getContact(count: number, options: { continueOnFail?: boolean; credential?: ReturnType<typeof pitCredential> } = {}) {
	const credential = options.credential ?? pitCredential(sandbox());
	const workflow = ghlWorkflow(
		// One item at a time, so injected faults land on the items in input order.
		{ resource: 'contact', operation: 'get', contactId: { mode: 'id', value: seededContactId() }, concurrency: 1 },
		credential,
		{ items: Array.from({ length: count }, (_, index) => ({ index })), continueOnFail: options.continueOnFail },
	);
	return runWorkflow(workflow, { credentials: [credential] });
}

function apiRequests() {
	return sandbox().requests.filter((request) => !request.path.startsWith('/_sandbox'));
}

describe('GHL API errors become NodeApiErrors with GHL status and message', () => {
	test('401: bad token, GHL message kept, token never shown', async () => {
		const credential = pitCredential(sandbox(), { accessToken: 'wrong-token-value' });
		const result = await getContact(1, { credential });
		const error = result.run.data.resultData.error as unknown as IDataObject;
		expect(result.run.status).toBe('error');
		expect(error.httpCode).toBe('401');
		expect(error.message).toMatch(/^GHL API error 401: /);
		expect(JSON.stringify(error)).not.toContain('wrong-token-value');
	});

	test('403: a token used for another location', async () => {
		const credential = pitCredential(sandbox(), { accessToken: sandbox().demo.otherLocationToken });
		const result = await runWorkflow(
			ghlWorkflow({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 5 }, credential),
			{ credentials: [credential] },
		);
		const error = result.run.data.resultData.error as unknown as IDataObject;
		expect(error.httpCode).toBe('403');
		expect(error.message).toMatch(/GHL API error 403: .*location/i);
	});

	test('404-style: an unknown contact carries GHL\'s status and message', async () => {
		const credential = pitCredential(sandbox());
		const result = await runWorkflow(
			ghlWorkflow({ resource: 'contact', operation: 'get', contactId: { mode: 'id', value: 'NoSuchContact000000' } }, credential),
			{ credentials: [credential] },
		);
		const error = result.run.data.resultData.error as unknown as IDataObject;
		expect(['400', '404']).toContain(error.httpCode);
		expect(error.message).toMatch(/GHL API error (400|404): .*not found/i);
	});

	test('422: message arrays are joined and the traceId shown', async () => {
		sandbox().injectFault({
			kind: 'status',
			status: 422,
			count: 1,
			match: { path: '/contacts/' },
			body: { statusCode: 422, message: ['email must be an email', 'phone is invalid'], error: 'Unprocessable Entity', traceId: 'trace-123' },
		});
		const result = await getContact(1);
		const error = result.run.data.resultData.error as unknown as IDataObject;
		expect(error.httpCode).toBe('422');
		expect(error.message).toBe('GHL API error 422: email must be an email; phone is invalid');
		expect(error.description).toContain('trace-123');
	});
});

describe('rate limits', () => {
	test('300 requests at the real 100-per-window ratio (window scaled to 1 s) meet zero 429s', async () => {
		sandbox().setRateLimit({ max: 100, intervalMs: 1000, daily: 200000 });
		const result = await getContact(300);
		expect(result.run.status).toBe('success');
		expect(result.json('GHL')).toHaveLength(300);
		expect(apiRequests().filter((request) => request.status === 429)).toHaveLength(0);
		expect(apiRequests()).toHaveLength(300);
		// Proof that pacing happened: no 1-second window held more than the limit.
		const times = apiRequests().map((request) => request.at);
		const busiest = Math.max(...times.map((start) => times.filter((at) => at >= start && at < start + 1000).length));
		expect(busiest).toBeLessThanOrEqual(100);
	});

	test('a burst of 429s is waited out and no item is lost', async () => {
		sandbox().setRateLimit({ max: 100, intervalMs: 200, daily: 200000 });
		sandbox().injectFault({ kind: 'rate-limit-burst', count: 4, match: { path: '/contacts/' } });
		const result = await getContact(10);
		expect(result.run.status).toBe('success');
		expect(result.json('GHL')).toHaveLength(10);
		expect(apiRequests().filter((request) => request.status === 429)).toHaveLength(4);
		expect(apiRequests().filter((request) => request.status === 200)).toHaveLength(10);
	});

	test('429s are waited out 12 times per request; the 13th in a row fails that item with a 429 error', async () => {
		// A 20 ms window keeps each wait short; the number of waits does not depend on the window.
		// One answered request first: the client learns the window from its headers (n8n 1.x hands a
		// node no headers of a failed request, so there a 429 alone would be waited out by the default window).
		sandbox().setRateLimit({ max: 100, intervalMs: 20, daily: 200000 });
		await getContact(1);
		sandbox().reset();
		sandbox().injectFault({ kind: 'rate-limit-burst', count: 12, match: { method: 'GET', path: '/contacts/' } });
		const patient = await getContact(1);
		expect(patient.run.status).toBe('success');
		expect(apiRequests().map((request) => request.status)).toEqual([...Array(12).fill(429), 200]);

		sandbox().reset();
		await getContact(1);
		sandbox().reset();
		sandbox().injectFault({ kind: 'rate-limit-burst', count: 13, match: { method: 'GET', path: '/contacts/' } });
		const result = await getContact(2, { continueOnFail: true });
		const output = result.json('GHL');
		expect(output).toHaveLength(2);
		expect(output[0]).toMatchObject({ httpCode: '429', error: 'GHL API error 429: Too Many Requests' });
		expect(String(output[0].errorDescription)).toContain('still refused after 12 waits');
		expect(output[1].id).toBeDefined();
		expect(apiRequests().map((request) => request.status)).toEqual([...Array(13).fill(429), 200]);
	});

	test('a spent daily limit fails fast with a clear error; continue-on-fail keeps every item', async () => {
		sandbox().setRateLimit({ max: 100, intervalMs: 1000, daily: 3 });
		const result = await getContact(5, { continueOnFail: true });
		const output = result.json('GHL');
		expect(output).toHaveLength(5);
		expect(output.slice(0, 3).every((item) => item.id)).toBe(true);
		expect(output.slice(3).every((item) => /daily limit/.test(String(item.error)))).toBe(true);
		expect(result.output('GHL').map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
	});
});

describe('retries', () => {
	test('reads are retried after 5xx and connection resets', async () => {
		sandbox().injectFault({ kind: 'status', status: 503, count: 2, match: { method: 'GET' } });
		sandbox().injectFault({ kind: 'reset', count: 1, match: { method: 'GET' } });
		const result = await getContact(2);
		expect(result.run.status).toBe('success');
		expect(result.json('GHL')).toHaveLength(2);
		expect(apiRequests().filter((request) => request.status === 503)).toHaveLength(2);
	});

	test('a search is a read sent as POST: Get Many is retried after a 502', async () => {
		sandbox().injectFault({ kind: 'status', status: 502, count: 1, match: { method: 'POST', path: '/contacts/search' } });
		const credential = pitCredential(sandbox());
		const result = await runWorkflow(
			ghlWorkflow({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 3 }, credential),
			{ credentials: [credential] },
		);
		expect(result.run.status).toBe('success');
		expect(result.json('GHL')).toHaveLength(3);
		const searches = apiRequests().filter((request) => request.path === '/contacts/search');
		expect(searches.map((request) => request.status)).toEqual([502, 200]);
	});

	test('a create is not sent again blindly after a 500: GHL is asked first, so it cannot be written twice', async () => {
		sandbox().injectFault({ kind: 'status', status: 500, count: 1, match: { method: 'POST', path: '/contacts/' } });
		const credential = pitCredential(sandbox());
		const result = await runWorkflow(
			ghlWorkflow({ resource: 'contact', operation: 'create', email: 'once@example.com' }, credential),
			{ credentials: [credential] },
		);
		expect(result.run.status).toBe('success');
		// The 500 came before the write: the lookup finds nothing, and only then is the create sent again.
		expect(apiRequests().map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
			'POST /contacts/ 500',
			'GET /contacts/search/duplicate 200',
			'POST /contacts/ 201',
		]);
		const stored = (sandbox().snapshot() as unknown as { contacts: Array<{ email?: string }> }).contacts;
		expect(stored.filter((contact) => contact.email === 'once@example.com')).toHaveLength(1);
	});
});

/**
 * A small version of `npm run bench` (bench/compare.bench.ts, which runs real n8n for minutes): the
 * pieces it stands on, each for real. The built-in node's fixed GHL host reaches the sandbox
 * through the preloaded DNS/port override, the throw-away CA and the TLS proxy; the preload records
 * the process's peak RSS and CPU; a bulk write with a tag measured the bench's way (sandbox request
 * log, scaled limit) renders as a report row.
 */
import { execFile } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { rateLimiter } from '../nodes/shared/transport';
import { startSandbox } from '../sandbox';
import type { Sandbox } from '../sandbox';
import { spread } from '../bench/realN8n/measure';
import { startRedirect } from '../bench/realN8n/redirect';
import type { Redirect } from '../bench/realN8n/redirect';
import { renderReport } from '../bench/realN8n/report';
import type { BenchReport } from '../bench/realN8n/report';
import { outputData, settingsFromEnv } from '../bench/realN8n/scenarios';
import type { BulkWriteRun, RunFigures } from '../bench/realN8n/scenarios';
import type { RunJson } from './e2e/lib';
import { pitCredential } from './harness/fixtures';
import { runWorkflow } from './harness/run';
import { ghlWorkflow } from './harness/workflows';

let sandbox: Sandbox;
let redirect: Redirect;
let dir: string;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	dir = mkdtempSync(path.join(os.tmpdir(), 'ghl-bench-smoke-'));
	redirect = await startRedirect(() => sandbox.url, dir);
});

afterAll(async () => {
	await redirect?.close();
	await sandbox?.close();
	rmSync(dir, { recursive: true, force: true });
});

test("a Node process with the bench's environment reaches the sandbox at https://services.leadconnectorhq.com", async () => {
	const contact = (sandbox.snapshot().contacts as Array<{ id: string }>)[0];
	// What n8n's HTTP client does: https.request to the fixed host, a trailing slash on the path.
	const script = `require('https').get('https://services.leadconnectorhq.com/contacts/${contact.id}/', { headers: { Authorization: 'Bearer ${sandbox.demo.privateToken}', Version: '2021-07-28' } }, (res) => { let body = ''; res.on('data', (d) => (body += d)); res.on('end', () => console.log(JSON.stringify({ status: res.statusCode, body: JSON.parse(body) }))); });`;
	const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { env: { ...process.env, ...redirect.env }, encoding: 'utf8' });
	const answer = JSON.parse(stdout) as { status: number; body: { contact: { id: string } } };
	expect(answer).toMatchObject({ status: 200, body: { contact: { id: contact.id } } });
	expect(redirect.forwarded).toBe(1);
	// The sandbox saw GHL's path (trailing slash removed, as GHL's server reads it).
	expect(sandbox.requests.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([`GET /contacts/${contact.id} 200`]);
	// The preload wrote the process's peak RSS and CPU time on exit.
	const [stats] = readdirSync(redirect.statsDir).map((file) => JSON.parse(readFileSync(path.join(redirect.statsDir, file), 'utf8')));
	expect(stats.maxRssKb).toBeGreaterThan(1000);
	expect(stats.userUs + stats.systemUs).toBeGreaterThan(0);
});

test('without the environment the same request does not reach the sandbox', async () => {
	const before = redirect.forwarded;
	const script = `require('https').get('https://services.leadconnectorhq.com/contacts/x/', { timeout: 3000 }, () => console.log('answered')).on('error', (e) => console.log('error')).on('timeout', function () { this.destroy(); });`;
	await promisify(execFile)(process.execPath, ['-e', script], { env: { PATH: process.env.PATH }, encoding: 'utf8', timeout: 10_000 }).catch(() => undefined);
	expect(redirect.forwarded).toBe(before);
});

test('a tagged bulk write measured the bench’s way: scaled limit, calls from the request log, a report row', async () => {
	sandbox.reset();
	rateLimiter.forget();
	const settings = { ...settingsFromEnv({}), records: 200, runs: 1 };
	sandbox.setRateLimit({ max: 100, intervalMs: 10_000 / settings.timeScale, daily: 1_000_000 });
	const credential = pitCredential(sandbox);
	const items = Array.from({ length: settings.records }, (_, index) => ({ email: `bulk${index}@bench.example.com` }));
	const started = performance.now();
	const result = await runWorkflow(
		ghlWorkflow({ resource: 'contact', operation: 'upsert', email: '={{ $json.email }}', additionalFields: { tags: 'bench' } }, credential, { items }),
		{ credentials: [credential] },
	);
	const nodeMs = performance.now() - started;
	const calls = sandbox.requests.filter((request) => !request.path.startsWith('/_sandbox'));
	const stored = (sandbox.snapshot().contacts as Array<{ email?: string; tags: string[] }>).filter((contact) => /^bulk\d+@bench/.test(contact.email ?? ''));
	const run: BulkWriteRun = {
		nodeMs,
		status: result.run.status,
		outputItems: result.json('GHL').length,
		calls: calls.length,
		rateLimited: calls.filter((request) => request.status === 429).length,
		written: stored.length,
		lost: settings.records - stored.length,
		untagged: stored.filter((contact) => !contact.tags.includes('bench')).length,
	};
	expect(run).toMatchObject({ status: 'success', written: 200, lost: 0, untagged: 0, rateLimited: 0, calls: 202 });

	const report: BenchReport = {
		started: new Date().toISOString(),
		finished: new Date().toISOString(),
		machine: 'smoke',
		settings,
		limit: { max: 100, intervalMs: 10_000 },
		proxyForwarded: 0,
		bulk: [{ node: 'ours', tagged: true, latencyMs: 0, runs: [run] }],
		returnAll: [],
		overhead: [],
		trigger: [],
		webhookReference: [],
		polling: [],
	};
	const row = renderReport(report)
		.split('\n')
		.find((line) => line.startsWith('| 0 ms | yes | this package |'));
	expect(row).toContain('| 1.010 |');
	expect(row).toContain('built-in: not run');
	expect(spread([3, 1, 2])).toMatchObject({ median: 2, min: 1, max: 3 });
});

test('the Return All memory line sets this package beside n8n’s own nodes reading the same contacts', () => {
	const figures = (peakRssMb: number, records: number, outputItems = records): RunFigures => ({
		nodeMs: 1000,
		status: 'success',
		outputItems,
		calls: 40,
		rateLimited: 0,
		peakRssMb,
		records,
		dataMb: 9.4,
	});
	const report: BenchReport = {
		started: new Date().toISOString(),
		finished: new Date().toISOString(),
		machine: 'smoke',
		settings: { ...settingsFromEnv({}), returnAllContacts: 20_000, runs: 1 },
		limit: { max: 100, intervalMs: 10_000 },
		proxyForwarded: 0,
		bulk: [],
		returnAll: [{ node: 'ours', runs: [figures(672, 20_000)] }],
		returnAllReferences: [
			{ shape: 'pages', runs: [figures(651, 20_000, 41)] },
			{ shape: 'splitOut', runs: [figures(776, 20_000)] },
		],
		overhead: [],
		trigger: [],
		webhookReference: [],
		polling: [],
	};
	const text = renderReport(report);
	expect(text).toContain('| n8n’s HTTP Request + Split Out (reference: an item a contact) | 20000 | 40 |');
	expect(text).toContain('this package’s peak is 21 MB above the HTTP Request node’s, which holds each contact once in 41 items (one a page), and 104 MB below HTTP Request + Split Out');
	expect(text).toContain('for less memory than n8n’s own nodes do');
	// Above n8n's own one-item-a-contact reference, the report does not say it needs less.
	report.returnAll[0].runs[0].peakRssMb = 800;
	expect(renderReport(report)).toContain('24 MB above HTTP Request + Split Out');
	expect(renderReport(report)).not.toContain('for less memory');
});

test('outputData counts the records a node put out, one an item or nested in page items', () => {
	const contacts = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
	const run = (items: Array<{ json: Record<string, unknown> }>) => ({ data: { resultData: { runData: { GHL: [{ data: { main: [items] } }] } } } }) as unknown as RunJson;
	expect(outputData(run(contacts.map((json) => ({ json }))), 'GHL').records).toBe(3);
	const paged = outputData(run([{ json: { contacts: contacts.slice(0, 2) } }, { json: { contacts: contacts.slice(2) } }]), 'GHL', 'contacts');
	expect(paged.records).toBe(3);
	expect(paged.dataMb * 2 ** 20).toBe(JSON.stringify(contacts).length);
});

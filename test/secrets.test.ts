/**
 * Secrets (issue 9): no access token, refresh token, client secret, Private Integration token or
 * webhook shared secret in a template, a doc, a fixture or a partner payload (scanned here), nor
 * in any error, node output or log line of the suite's runs (checked in every jest file by
 * test/secrets.setup.ts with test/harness/secrets.ts). The tests at the end leak on purpose and
 * show that each way in is caught.
 */
import { randomBytes } from 'crypto';
import { readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';
import type { IDataObject } from 'n8n-workflow';
import { DEMO_PIT } from '../sandbox/seed';
import { oauthCredential, pitCredential, useSandbox } from './harness/fixtures';
import { runWorkflow } from './harness/run';
import { findSecrets, redact, registerSecret, takeLeaks } from './harness/secrets';
import { ghlWorkflow } from './harness/workflows';

const ROOT = path.resolve(__dirname, '..');

function filesUnder(dir: string, keep: (file: string) => boolean = () => true): string[] {
	const absolute = path.join(ROOT, dir);
	return readdirSync(absolute).flatMap((name) => {
		const file = path.join(dir, name);
		return statSync(path.join(ROOT, file)).isDirectory() ? filesUnder(file, keep) : keep(file) ? [file] : [];
	});
}

/** What must never hold a secret, by kind. Test files are inputs, not fixtures: they are not scanned. */
const SCANNED: Record<string, string[]> = {
	templates: [...filesUnder('templates', (file) => /^templates\/[^/]+\.json$/.test(file)), ...filesUnder('templates/src')],
	docs: filesUnder('docs', (file) => /\.(md|json)$/.test(file)),
	'partner payloads': filesUnder('sandbox/partners/payloads'),
	'test fixtures and helpers': filesUnder('test', (file) => !file.endsWith('.test.ts')),
};

/** A token of the sandbox's OAuth format, made here so this file holds none. */
function madeUpAccessToken(): string {
	return `sandbox-at-${randomBytes(30).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}`;
}

describe('templates, docs, fixtures and partner payloads hold no token or secret', () => {
	test.each(Object.entries(SCANNED).map(([kind, files]) => [`${kind} (${files.length} files)`, files] as const))('%s', (_kind, files) => {
		expect(files.length).toBeGreaterThan(0);
		const found = files.flatMap((file) => findSecrets(readFileSync(path.join(ROOT, file), 'utf8')).map((hit) => `${file}: ${hit.label}`));
		expect(found).toEqual([]);
	});

	test('the scan catches a token written into a template; a credential referenced by id passes', () => {
		const file = SCANNED.templates.find((name) => name.endsWith('.json'))!;
		const template = readFileSync(path.join(ROOT, file), 'utf8');
		expect(template).toMatch(/"credentials":\s*\{\s*"ghlApi":\s*\{\s*"id":/);
		expect(findSecrets(template)).toEqual([]);
		for (const [token, label] of [
			[DEMO_PIT, 'sandbox Private Integration token (demo location)'],
			[madeUpAccessToken(), 'sandbox OAuth access token'],
		]) {
			const leaked = template.replace('"credentials": {', `"credentials": { "accessToken": "${token}",`);
			expect(findSecrets(leaked).map((hit) => hit.label)).toContain(label);
			expect(redact(leaked)).not.toContain(token);
		}
	});
});

describe('a secret in an output, an error or a log line is caught', () => {
	const sandbox = useSandbox();

	afterEach(() => {
		// Whatever the tests below leaked on purpose must not fail this file.
		takeLeaks();
	});

	test('a node output holding the Private Integration token', async () => {
		const credential = pitCredential(sandbox());
		const token = String(credential.data.accessToken);
		const result = await runWorkflow(
			ghlWorkflow({ resource: 'contact', operation: 'create', email: 'leak@example.com', additionalFields: { city: token } }, credential),
			{ credentials: [credential] },
		);
		expect((result.json('GHL')[0] as IDataObject).city).toBe(token);
		expect(takeLeaks()).toEqual([
			expect.objectContaining({
				where: expect.stringMatching(/workflow run/),
				secret: 'sandbox Private Integration token (demo location)',
				excerpt: expect.stringContaining('city [secret: sandbox Private Integration token (demo location)]'),
			}),
		]);
	});

	test('an error message quoting an OAuth access token the sandbox issued', async () => {
		const credential = oauthCredential(sandbox());
		const token = String((credential.data.oauthTokenData as IDataObject).access_token);
		const contactId = (sandbox().snapshot().contacts as IDataObject[])[0].id as string;
		const result = await runWorkflow(
			ghlWorkflow(
				{ resource: 'task', operation: 'delete', contactId: { __rl: true, mode: 'id', value: contactId }, taskId: `={{ "${token}/x" }}` },
				credential,
			),
			{ credentials: [credential] },
		);
		expect((result.run.data.resultData.error as Error | undefined)?.message).toContain(token);
		const leaks = takeLeaks();
		expect(leaks.map((leak) => leak.secret)).toContain('ghlOAuth2Api access token');
		for (const leak of leaks) expect(leak.excerpt).not.toContain(token);
	});

	test('a console line with a webhook shared secret (printed with the secret replaced)', () => {
		const secret = randomBytes(18).toString('base64url');
		registerSecret('webhook shared secret', secret);
		console.warn(`header x-webhook-secret: ${secret}`);
		expect(takeLeaks()).toEqual([
			{
				test: expect.stringContaining('a console line with a webhook shared secret'),
				where: 'console.warn',
				secret: 'webhook shared secret',
				excerpt: 'header x-webhook-secret: [secret: webhook shared secret]',
			},
		]);
		console.info('nothing secret here');
		expect(takeLeaks()).toEqual([]);
	});
});

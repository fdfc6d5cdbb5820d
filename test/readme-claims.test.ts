/**
 * Every behaviour the README claims has a case here. The claims are the bullet lines of its
 * Credentials, Operations, Reliability and Development sections; each case quotes a fragment of
 * one, fails when that fragment is no longer in the README, and then proves the behaviour: mostly by
 * running it in n8n-core against the sandbox, sometimes by naming the test elsewhere that already
 * does (that test must still exist under that name). The last test fails while a bullet has no case.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';
import { Ghl } from '../nodes/Ghl/Ghl.node';
import { GhlPollingTrigger } from '../nodes/GhlPollingTrigger/GhlPollingTrigger.node';
import { resourceList } from '../nodes/Ghl/actions';
import { runCredentialTest } from './harness/credentialTest';
import { TestCredentialsHelper } from './harness/credentials';
import { oauthCredential, pitCredential } from './harness/fixtures';
import { runWorkflow } from './harness/run';
import { ghlWorkflow } from './harness/workflows';
import { loadOptionsContext as editorContext, nodeTests } from './nodes/kit';
import type { NodeRun } from './nodes/kit';
import { Poller, sandboxApi } from './triggers/helpers';

const ROOT = path.resolve(__dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const README = read('README.md');
const SECTIONS = ['Credentials', 'Operations', 'Reliability', 'Development'];

/** The text under `## <name>`, up to the next `## ` heading. */
function section(name: string): string {
	const start = README.indexOf(`\n## ${name}\n`);
	if (start < 0) return '';
	const end = README.indexOf('\n## ', start + 1);
	return README.slice(start, end < 0 ? undefined : end);
}

/** Bullet lines ("- …" and the indented lines that continue them), each on one line. */
function bullets(text: string): string[] {
	const found: string[] = [];
	let inBullet = false;
	for (const line of text.split('\n')) {
		if (line.startsWith('- ')) found.push(line.slice(2));
		else if (inBullet && /^\s+\S/.test(line)) found[found.length - 1] += ` ${line.trim()}`;
		inBullet = line.startsWith('- ') || (inBullet && /^\s+\S/.test(line));
	}
	return found.map((claim) => claim.replace(/\s+/g, ' ').trim());
}

const claims = SECTIONS.flatMap((name) => bullets(section(name)));
const quoted: string[] = [];

/** A case for the README bullet that contains `fragment` (whitespace as one space). */
function claim(fragment: string, prove: () => Promise<void> | void, timeout?: number): void {
	quoted.push(fragment);
	test(
		`README: "${fragment}"`,
		async () => {
			expect(claims.filter((text) => text.includes(fragment))).toHaveLength(1);
			await prove();
		},
		timeout,
	);
}

/** The behaviour is already proven by the test titled `title` in `file`; fails when it is gone. */
function provenBy(file: string, title: string): void {
	const source = read(file);
	const at = source.indexOf(`'${title}'`);
	expect({ file, title, found: at >= 0 }).toEqual({ file, title, found: true });
	// It is a test's title: test('…', opTest('<operationId>', '…', test.each(…)('…', or a test run only on
	// some engines: (condition ? test : test.skip)('….
	expect(source.slice(Math.max(0, at - 300), at + 1)).toMatch(
		/(\b(test|opTest|it)(\.each\([\s\S]*\))?|\(\w+ \? test : test\.skip\))\(\s*(['"][\w-]+['"],\s*)?'$/,
	);
}

const { sandbox, run, seed, api } = nodeTests({ refreshGraceMs: 300 });

beforeEach(() => sandbox().setRateLimit({ max: 100, intervalMs: 10_000, daily: 200_000 }));

const byId = (value: string) => ({ mode: 'id', value });
const writes = (result: NodeRun) => result.requests.filter((request) => request.method !== 'GET');

/** A load-options context for the GHL node, as n8n builds one when the editor asks for a list. */
const loadOptionsContext = (parameters: INodeParameters, parameterPath: string) => editorContext(sandbox(), parameters, parameterPath);

const ghl = new Ghl();

function customFieldId(key: string): string {
	const fields = (sandbox().snapshot() as { customFields: Array<{ id: string; fieldKey: string; locationId: string }> }).customFields;
	return fields.find((field) => field.fieldKey === `contact.${key}` && field.locationId === sandbox().demo.locationId)!.id;
}

describe('Credentials', () => {
	claim('n8n checks the credential with one real request (`POST /contacts/search` for your location)', async () => {
		const good = await runCredentialTest(pitCredential(sandbox()));
		expect(good.run.status).toBe('success');
		expect(sandbox().requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /contacts/search']);
		expect(sandbox().requests[0].body).toMatchObject({ locationId: sandbox().demo.locationId });

		const wrongToken = await runCredentialTest(pitCredential(sandbox(), { accessToken: 'not-a-real-token' }));
		expect(wrongToken.run.data.resultData.error).toMatchObject({ httpCode: '401' });
		const otherLocation = await runCredentialTest(pitCredential(sandbox(), { locationId: sandbox().demo.otherLocationId }));
		expect(otherLocation.run.status).toBe('error');
	});

	claim('**No marketplace webhooks** reach Private Integration tokens: use the Polling Trigger', async () => {
		expect(new GhlPollingTrigger().description.credentials?.map((credential) => credential.name)).toContain('ghlApi');
		const trigger = new Poller({ event: 'contactCreated' }, pitCredential(sandbox()));
		expect(await trigger.poll()).toBeNull();
		await new Promise((resolve) => setTimeout(resolve, 5));
		const created = await api('POST', '/contacts/', { locationId: sandbox().demo.locationId, email: 'polled@example.com' });
		const emitted = await trigger.poll();
		expect(emitted?.map((contact) => contact.id)).toEqual([(created.contact as IDataObject).id]);
	});

	claim("or a GHL workflow's Webhook action with the trigger's shared-secret mode", () => {
		provenBy('test/triggers/webhook.test.ts', 'shared secret header (a credential): right secret starts, wrong, missing or repeated secret gets 401');
	});

	claim('n8n refreshes the access token when GHL answers 401 and stores the rotated refresh token each time', async () => {
		const first = sandbox().issueOAuthTokens();
		const credential = oauthCredential(sandbox(), { ...first });
		const getMany = ghlWorkflow({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 1 }, credential);
		const stored = (helper: TestCredentialsHelper) =>
			helper.store.get(credential.id)!.data.oauthTokenData as { access_token: string; refresh_token: string };

		sandbox().expireAccessTokens();
		const once = await runWorkflow(getMany, { credentials: [credential] });
		expect(once.run.status).toBe('success');
		const second = stored(once.credentials);
		sandbox().expireAccessTokens();
		const twice = await runWorkflow(getMany, { credentialsHelper: once.credentials });
		expect(twice.run.status).toBe('success');
		const third = stored(twice.credentials);

		const refreshes = sandbox().requests.filter((request) => request.path === '/oauth/token');
		expect(refreshes.map((request) => (request.body as IDataObject).refresh_token)).toEqual([first.refresh_token, second.refresh_token]);
		expect(new Set([first.refresh_token, second.refresh_token, third.refresh_token]).size).toBe(3);
		const searches = sandbox().requests.filter((request) => request.path === '/contacts/search');
		expect(searches.map((request) => request.status)).toEqual([401, 200, 401, 200]);
		expect(searches[3].headers.authorization).toBe(`Bearer ${third.access_token}`);

		// Single-use: once the grace window (300 ms in this sandbox) is over, the first one is refused.
		await new Promise((resolve) => setTimeout(resolve, 400));
		const reuse = await fetch(`${sandbox().url}/oauth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				client_id: sandbox().demo.oauthClientId,
				client_secret: sandbox().demo.oauthClientSecret,
				grant_type: 'refresh_token',
				refresh_token: first.refresh_token!,
			}).toString(),
		});
		expect(reuse.status).toBeGreaterThanOrEqual(400);
		expect(((await reuse.json()) as IDataObject).error).toBe('invalid_grant');
	});

	claim('**Location**: taken from the token response. An agency (Company) token gets an error, before any API call, that says to connect a sub-account instead', async () => {
		const located = oauthCredential(sandbox());
		const result = await runWorkflow(ghlWorkflow({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 1 }, located), {
			credentials: [located],
		});
		expect(result.run.status).toBe('success');
		expect(sandbox().requests.find((request) => request.path === '/contacts/search')?.body).toMatchObject({
			locationId: sandbox().demo.locationId,
		});

		sandbox().requests.length = 0;
		const agency = oauthCredential(sandbox(), { ...sandbox().issueOAuthTokens({ userType: 'Company' }) });
		const refused = await runWorkflow(ghlWorkflow({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 1 }, agency), {
			credentials: [agency],
		});
		const error = refused.run.data.resultData.error as unknown as IDataObject;
		expect(error.message).toMatch(/Agency \(Company\) token/);
		expect(error.description).toMatch(/need a Sub-Account token.*choose a sub-account on the consent screen/);
		expect(sandbox().requests.filter((request) => request.path.startsWith('/contacts'))).toHaveLength(0);
	});
});

describe('Credentials: agency', () => {
	claim('**Sub-account tokens**: the node mints one with `POST /oauth/locationToken` the first time an item', () =>
		provenBy('test/nodes/agency.test.ts', '30 items over three sub-accounts, Concurrency 8: each record lands in its sub-account, one location token minted per sub-account'),
	);
	claim('**Uninstalled sub-account**: GHL refuses its token, and each of its items fails with an error that', () =>
		provenBy('test/nodes/agency.test.ts', 'a sub-account the app was uninstalled from fails its own items with an error naming it; the other sub-accounts go on'),
	);
	claim('**Refresh**: n8n refreshes the agency token when GHL answers 401 and stores the rotated refresh', () =>
		provenBy('test/nodes/agency.test.ts', 'location and agency tokens expire mid-run: n8n refreshes the agency token once and each sub-account token is minted again once'),
	);
	claim('**Trigger**: with the agency credential the HighLevel Trigger starts for events of every sub-account', () =>
		provenBy(
			'test/triggers/webhook.test.ts',
			'starts for every installed sub-account and for the agency’s INSTALL / UNINSTALL; other locations are ignored; full records are read in the event’s sub-account',
		),
	);
	claim('**Polling Trigger**: with the agency credential it watches the **Sub-Account** you choose (from', () =>
		provenBy(
			'test/triggers/polling-agency.test.ts',
			'polls in two sub-accounts emit each one’s records only; switching Sub-Account and back resumes the first one’s cursor',
		),
	);
	claim('**Agency operations** (resource *Agency*) take only the agency credential; with another credential', () =>
		provenBy('test/nodes/agency.test.ts', 'a sub-account OAuth2 token cannot run agency operations: refused before any request'),
	);
});

describe('Operations', () => {
	claim('you can pick it from a searchable list, or give its ID, its email or its phone', async () => {
		const locators = resourceList.flatMap((resource) =>
			Object.values(resource.operations).flatMap((module) => module.properties.filter((property) => property.name === 'contactId')),
		);
		expect(locators.length).toBeGreaterThan(20);
		for (const locator of locators) {
			expect(locator.modes?.map((mode) => mode.name)).toEqual(['list', 'id', 'email', 'phone']);
			expect(locator.modes?.[0].typeOptions).toMatchObject({ searchListMethod: 'searchContacts', searchable: true });
		}

		const target = seed().contacts[3];
		const context = loadOptionsContext({ resource: 'note', operation: 'getAll' }, 'contactId');
		const listed = await ghl.methods.listSearch.searchContacts.call(context, target.lastName);
		expect(listed.results.map((result) => result.value)).toContain(target.id);
		expect(sandbox().requests[sandbox().requests.length - 1]).toMatchObject({ method: 'POST', path: '/contacts/search', body: { query: target.lastName } });

		for (const locator of [
			{ mode: 'email', value: target.email },
			{ mode: 'phone', value: target.phone },
		]) {
			const result = await run({ resource: 'note', operation: 'getAll', contactId: locator });
			expect(result.error).toBeUndefined();
			expect(result.requests.map((request) => `${request.operationId} ${request.path}`)).toEqual([
				'get-duplicate-contact /contacts/search/duplicate',
				`get-all-notes /contacts/${target.id}/notes`,
			]);
		}
	});

	claim("pick them by name from your location's list (with their type) on Create, Update and Create or Update", async () => {
		for (const operation of ['create', 'update', 'upsert']) {
			const module = resourceList.find((resource) => resource.value === 'contact')!.operations[operation];
			expect(JSON.stringify(module.properties)).toContain('"loadOptionsMethod":"getCustomFields"');
		}
		const context = loadOptionsContext({ resource: 'contact', operation: 'create' }, 'customFieldsUi');
		const options = await ghl.methods.loadOptions.getCustomFields.call(context);
		expect(options.map((option) => option.name)).toEqual(
			expect.arrayContaining(['Employees (numerical)', 'Interests (multiple options)', 'Favourite Colour (text)']),
		);
		expect(options.find((option) => option.name === 'Employees (numerical)')?.value).toBe(customFieldId('employees'));
	});

	claim('Values are sent in the shape GHL wants for the type (numbers, option lists); an unknown field or option is refused before anything is written', async () => {
		const base = { resource: 'contact', operation: 'create', email: 'shape@example.com' };
		const created = await run({
			...base,
			customFieldsUi: { customField: [{ fieldId: 'Employees', value: '42' }, { fieldId: 'Interests', value: 'Automation, Support' }] },
		});
		expect(created.error).toBeUndefined();
		expect((writes(created)[0].body as IDataObject).customFields).toEqual([
			{ id: customFieldId('employees'), field_value: 42 },
			{ id: customFieldId('interests'), field_value: ['Automation', 'Support'] },
		]);
		const unknown = await run({ ...base, customFieldsUi: { customField: [{ fieldId: 'Shoe Size', value: '9' }] } });
		expect(unknown.error?.message).toBe('Custom field "Shoe Size": no such custom field in this location');
		const badOption = await run({ ...base, customFieldsUi: { customField: [{ fieldId: 'Lead Quality', value: 'Lukewarm' }] } });
		expect(badOption.error?.message).toMatch(/^Custom field "Lead Quality": "Lukewarm" is not one of its options/);
		expect([...writes(unknown), ...writes(badOption)]).toEqual([]);
	});

	claim("The additions of a run go out in GHL's bulk tag call, one per 100 contacts that get the same tags", () => {
		provenBy('test/nodes/tag-batching.test.ts', '250 upserts with a tag: at most 1.02 calls per record, every contact tagged, existing tags kept');
		provenBy('test/nodes/tag-batching.test.ts', 'contacts are grouped by the tags they get: one call per tag list');
	});

	claim('an Update that only adds tags costs nothing but its share of that call', () => {
		provenBy('test/nodes/tag-batching.test.ts', 'Update with tags only, 250 contacts: at most 1.02 calls per record (the bulk tag calls alone), existing tags kept, each item its contact’s ID and tags');
	});

	claim('a contact GHL could not tag fails its own item only', () => {
		provenBy('test/nodes/tag-batching.test.ts', 'a contact GHL names among the bulk call errors fails only its own item');
	});

	claim("are *added* by default; GHL itself overwrites the contact's tags, which is one option away (*Tags Handling: Replace All Tags*)", async () => {
		const target = seed().contacts.find((contact) => contact.tags.length === 2)!;
		const updated = await run({ resource: 'contact', operation: 'update', contactId: byId(target.id), updateFields: { tags: 'Partner' } });
		expect(updated.out[0].tags).toEqual([...target.tags, 'partner']);
		const upserted = await run({ resource: 'contact', operation: 'upsert', email: target.email, additionalFields: { tags: 'Returning' } });
		expect(upserted.out[0].tags).toEqual([...target.tags, 'partner', 'returning']);

		const tagsMode = resourceList.flatMap((resource) => resource.properties).find((property: INodeProperties) => property.name === 'tagsMode');
		expect(tagsMode?.displayName).toBe('Tags Handling');
		expect(tagsMode?.options?.map((choice) => (choice as { name: string }).name)).toContain('Replace All Tags');
		const replaced = await run({
			resource: 'contact',
			operation: 'update',
			contactId: byId(target.id),
			updateFields: { tags: 'solo' },
			tagsMode: 'replace',
		});
		expect(replaced.out[0].tags).toEqual(['solo']);
	});

	claim('filters (field/operator/value, all or any), sort, free-text query, raw nested filter groups as JSON, Return All or a limit', async () => {
		const contacts = seed().contacts;
		const result = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
			query: 'example.com',
			filtersUi: {
				filter: [
					{ field: 'tags', operator: 'eq', value: 'vip' },
					{ field: 'tags', operator: 'eq', value: 'lead' },
				],
			},
			filterCombination: 'OR',
			filtersJson: JSON.stringify([{ group: 'AND', filters: [{ field: 'city', operator: 'exists' }] }]),
			sortUi: { rule: [{ field: 'firstNameLowerCase', direction: 'asc' }] },
		});
		expect(result.error).toBeUndefined();
		expect(result.requests[0].body).toEqual({
			locationId: sandbox().demo.locationId,
			pageLimit: 2,
			query: 'example.com',
			filters: [
				{
					group: 'OR',
					filters: [
						{ field: 'tags', operator: 'eq', value: 'vip' },
						{ field: 'tags', operator: 'eq', value: 'lead' },
					],
				},
				{ group: 'AND', filters: [{ field: 'city', operator: 'exists' }] },
			],
			sort: [{ field: 'firstNameLowerCase', direction: 'asc' }],
		});
		const expected = contacts
			.filter((contact) => contact.tags.includes('vip') || contact.tags.includes('lead'))
			.map((contact) => String(contact.firstName))
			.sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))
			.slice(0, 2);
		expect(result.out.map((contact) => contact.firstName)).toEqual(expected);

		const all = await run({ resource: 'contact', operation: 'getAll', returnAll: true });
		expect(all.out).toHaveLength(contacts.length);
	});

	claim('Return All pages with `searchAfter` (500 per page), sending every filter again on every page', () => {
		provenBy('test/nodes/contact-paging.test.ts', 'Get Many: 1,050 matches come in 3 searchAfter pages, each with the same filters, sort and query');
	});

	claim('it never sends `page`, which GHL caps at 10,000 results', async () => {
		const all = await run({ resource: 'contact', operation: 'getAll', returnAll: true, filtersUi: { filter: [{ field: 'tags', operator: 'eq', value: 'vip' }] } });
		expect(all.requests.map((request) => [(request.body as IDataObject).pageLimit, (request.body as IDataObject).page])).toEqual([[500, undefined]]);
		// The cap itself, as GHL's contract states it.
		await expect(api('POST', '/contacts/search', { locationId: sandbox().demo.locationId, page: 21, pageLimit: 500 })).rejects.toThrow(/10000/);
	});

	claim("**Simplify** (default on) returns the record instead of GHL's wrapper (`{contact: …}`)", async () => {
		const id = seed().contacts[0].id;
		const simple = await run({ resource: 'contact', operation: 'get', contactId: byId(id) });
		expect(simple.out[0]).toMatchObject({ id });
		expect(simple.out[0].contact).toBeUndefined();
		const raw = await run({ resource: 'contact', operation: 'get', contactId: byId(id), simplify: false });
		expect(raw.out[0].contact).toMatchObject({ id });
	});

	claim("The output is in input order, each output item paired with its input. With *Continue On Fail* each failed item becomes one error item carrying GHL's message and status; none is lost", async () => {
		const [first, second, third] = seed().contacts;
		const ids = [first.id, 'NoSuchContact0000000', second.id, third.id];
		// The first item answers last: the output keeps input order anyway.
		sandbox().injectFault({ kind: 'latency', ms: 150, match: { path: `/contacts/${first.id}` } });
		const result = await run(
			{ resource: 'contact', operation: 'get', contactId: byId('={{ $json.id }}') },
			{ items: ids.map((id) => ({ id })), continueOnFail: true },
		);
		expect(result.requests.map((request) => request.path).sort()).toEqual(ids.map((id) => `/contacts/${id}`).sort());
		expect(result.items.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		expect(result.out.map((json) => json.id ?? null)).toEqual([first.id, null, second.id, third.id]);
		expect(result.out[1]).toMatchObject({ error: 'GHL API error 400: Contact not found', httpCode: '400' });
	});

	claim('up to *Concurrency* items (default 8) are in flight at once, all paced under the location\'s rate limit', () => {
		const concurrency = ghl.description.properties.find((property) => property.name === 'concurrency');
		expect(concurrency).toMatchObject({ displayName: 'Concurrency', type: 'number', default: 8 });
		provenBy('test/nodes/concurrency.test.ts', 'answers arriving in random order: output in input order, each paired with its input');
		provenBy('test/nodes/runs.test.ts', '200 items are paced under the burst limit: zero 429s and all 200 contacts written');
	});

	claim('items for the same contact still run one after the other', () => {
		provenBy('test/nodes/concurrency.test.ts', 'items for the same contact run one after the other, in input order');
	});

	claim('Without it the first failure stops the node: nothing starts after it, the items in flight finish, and the error names the first failed item', () => {
		provenBy('test/nodes/concurrency.test.ts', 'without Continue On Fail: the first failure stops the run; items in flight finish, none starts after');
		provenBy('test/nodes/concurrency.test.ts', 'two failures in flight: the error names the earlier item, even when the later one failed first');
	});

	claim("is refused before any request, with the field's name in the error", async () => {
		const contactId = byId(seed().contacts[0].id);
		const cases: Array<[INodeParameters, RegExp]> = [
			[{ resource: 'task', operation: 'get', contactId, taskId: ' ' }, /^Task ID: expected a value/],
			[{ resource: 'contact', operation: 'create', email: 'not-an-email' }, /^Email: expected an email address/],
			[{ resource: 'task', operation: 'create', contactId, title: 'x', dueDate: 'next Tuesday', completed: false }, /^Due Date: expected an ISO 8601 date/],
			[{ resource: 'contact', operation: 'create', email: 'a@example.com', phone: 'call me' }, /^Phone: expected a phone number/],
			[{ resource: 'note', operation: 'getAll', contactId: { mode: 'phone', value: '4155550100' } }, /^Contact \(by phone\): expected a phone number in E\.164/],
		];
		for (const [parameters, message] of cases) {
			const result = await run(parameters);
			expect({ parameters, error: result.error?.message }).toEqual({ parameters, error: expect.stringMatching(message) });
			expect({ parameters, requests: result.requests }).toEqual({ parameters, requests: [] });
		}
	});

	claim('**AI agents**: the node is `usableAsTool`', () => {
		expect(ghl.description.usableAsTool).toBe(true);
	});
	claim('**Opportunities**: the pipeline and its stage are picked by name (the stages follow the chosen pipeline; no stage is the pipeline\'s first)', async () => {
		const pipelines = (sandbox().snapshot() as { records: Record<string, Array<{ id: string; name: string; locationId: string; stages: Array<{ id: string; name: string }> }>> }).records[
			'/opportunities/pipelines'
		].filter((pipeline) => pipeline.locationId === sandbox().demo.locationId);
		const listed = await ghl.methods.loadOptions.getPipelines.call(loadOptionsContext({ resource: 'opportunity', operation: 'create' }, 'pipelineId'));
		expect(listed).toEqual(pipelines.map((pipeline) => ({ name: pipeline.name, value: pipeline.id })).sort((a, b) => a.name.localeCompare(b.name)));
		for (const pipeline of pipelines) {
			const context = loadOptionsContext({ resource: 'opportunity', operation: 'create', pipelineId: pipeline.id }, 'pipelineStageId');
			expect(await ghl.methods.loadOptions.getPipelineStages.call(context)).toEqual(pipeline.stages.map((stage) => ({ name: stage.name, value: stage.id })));
		}
		// In Get Many the stage list follows the pipeline filter.
		const filtered = loadOptionsContext({ resource: 'opportunity', operation: 'getAll', filters: { pipelineId: pipelines[1].id } }, 'filters.pipelineStageId');
		expect((await ghl.methods.loadOptions.getPipelineStages.call(filtered)).map((option) => option.value)).toEqual(pipelines[1].stages.map((stage) => stage.id));
		provenBy('test/nodes/opportunity.test.ts', 'without a stage it lands in the pipeline’s first stage');
	});

	claim('Get Many filters by pipeline, stage, status, contact, owner, creation dates and text; Return All pages with GHL\'s `startAfter`/`startAfterId`, sending every filter again on every page', () => {
		provenBy('test/nodes/opportunity.test.ts', 'filters by pipeline and status, every filter sent on the request');
		provenBy('test/nodes/opportunity.test.ts', 'Return All walks every page with startAfter/startAfterId and keeps the filters; a limit stops early');
		provenBy('test/nodes/opportunity.test.ts', 'text and dates go as GHL takes them (q, mm-dd-yyyy)');
	});

});

describe('Reliability', () => {
	claim('counting a request until it is answered, so requests in flight never push past it', () => {
		provenBy('test/nodes/concurrency.test.ts', '8 in flight with random latency stay under a 10 per 300 ms limit: zero 429s');
	});

	claim('An answered request frees its slot one window after its answer less the fastest round trip seen', () => {
		provenBy('test/foundation/pacer.test.ts', 'a full window frees one interval after the first send, not after its answer: the latency is not paid twice');
		provenBy('test/foundation/pacer.test.ts', '%s: no 429, never more than 100 counted in 10 s, ≥ 97 % of the ceiling');
	});

	claim("paces itself from GHL's `X-RateLimit-*` headers so long runs stay under the limit without a 429", async () => {
		// 5 per 300 ms: the client starts out assuming GHL's 100 per 10 s and learns this from the headers.
		sandbox().setRateLimit({ max: 5, intervalMs: 300, daily: 200_000 });
		const result = await run({ resource: 'contact', operation: 'get', contactId: byId(seed().contacts[0].id) }, { items: Array.from({ length: 15 }, () => ({})) });
		expect(result.error).toBeUndefined();
		expect(result.requests.map((request) => request.status)).toEqual(Array(15).fill(200));
		const times = result.requests.map((request) => request.at);
		expect(Math.max(...times.map((start) => times.filter((at) => at >= start && at < start + 300).length))).toBeLessThanOrEqual(5);
	});

	claim('up to 12 times. A 13th 429 in a row', () => {
		provenBy('test/foundation/transport.test.ts', '429s are waited out 12 times per request; the 13th in a row fails that item with a 429 error');
	});

	claim('a 429 asking to wait more than 60 s, fails that item with GHL\'s 429 error and says why', () => {
		provenBy('test/foundation/faults.test.ts', 'a 429 asking to wait a day fails the item at once, saying when to run it again');
		provenBy('test/foundation/faults.test.ts', 'with Continue On Fail, the capped item comes out with its reason and the next items still run');
	});

	claim('a spent daily limit gives a clear error instead of waiting until midnight', () => {
		provenBy('test/foundation/transport.test.ts', 'a spent daily limit fails fast with a clear error; continue-on-fail keeps every item');
	});

	claim('names the first item not sent, and with *Continue On Fail* every item written is in the output', async () => {
		const items = [0, 1, 2, 3, 4].map((index) => ({ email: `daily${index}@example.com` }));
		const parameters = { resource: 'contact', operation: 'create', email: '={{ $json.email }}' };
		const written = () => (sandbox().snapshot() as unknown as { contacts: Array<{ email?: string }> }).contacts.filter((contact) => contact.email?.startsWith('daily'));
		sandbox().setRateLimit({ max: 100, intervalMs: 10_000, daily: 3 });
		const stopped = await run(parameters, { items });
		expect(stopped.error?.message).toMatch(/daily limit of 3 requests/);
		const named = Number(/Item (\d+) was not sent \(nothing of it was written\)/.exec(String(stopped.error?.description))?.[1]);
		expect(written().map((contact) => contact.email)).not.toContain(`daily${named}@example.com`);
		expect(written()).toHaveLength(3);
		sandbox().reset();
		sandbox().setRateLimit({ max: 100, intervalMs: 10_000, daily: 3 });
		const kept = await run(parameters, { items, continueOnFail: true });
		const emails = written().map((contact) => contact.email);
		// Items may be in flight at once, so which three are written can vary; each is accounted for.
		expect(emails).toHaveLength(3);
		kept.out.forEach((item, index) => {
			if (emails.includes(items[index].email)) expect(item.email).toBe(items[index].email);
			else expect(String(item.error)).toMatch(/daily limit/);
		});
		expect(kept.out).toHaveLength(5);
	});

	claim('reads (contact searches included, though GHL takes them as POST), updates and deletes are retried after a 5xx or a dropped connection', async () => {
		const [first, second] = seed().contacts;
		// A 502 for three of them and a dropped connection (recorded as status 0) for the search.
		const retried: Array<[INodeParameters, string, RegExp, number]> = [
			[{ resource: 'contact', operation: 'get', contactId: byId(first.id) }, 'GET', /^\/contacts\/[^/]+$/, 502],
			[{ resource: 'contact', operation: 'getAll', returnAll: false, limit: 1 }, 'POST', /^\/contacts\/search$/, 0],
			[{ resource: 'contact', operation: 'update', contactId: byId(first.id), updateFields: { city: 'Leeds' } }, 'PUT', /^\/contacts\/[^/]+$/, 502],
			[{ resource: 'contact', operation: 'delete', contactId: byId(second.id) }, 'DELETE', /^\/contacts\/[^/]+$/, 502],
		];
		for (const [parameters, method, pathPattern, firstStatus] of retried) {
			const match = { method, path: pathPattern };
			sandbox().injectFault(firstStatus ? { kind: 'status', status: firstStatus, count: 1, match } : { kind: 'reset', count: 1, match });
			const result = await run(parameters);
			const sent = result.requests.filter((request) => request.method === method && pathPattern.test(request.path));
			expect({ method, error: result.error?.message, statuses: sent.map((request) => request.status) }).toEqual({
				method,
				error: undefined,
				statuses: [firstStatus, 200],
			});
		}
	}, 20_000);

	claim('up to 3 times with backoff', async () => {
		sandbox().injectFault({ kind: 'status', status: 503, count: 4, match: { method: 'GET' } });
		const started = Date.now();
		const result = await run({ resource: 'contact', operation: 'get', contactId: byId(seed().contacts[0].id) });
		expect(result.error).toMatchObject({ httpCode: '503' });
		expect(result.requests.map((request) => request.status)).toEqual([503, 503, 503, 503]);
		const gaps = result.requests.slice(1).map((request, index) => request.at - result.requests[index].at);
		expect(gaps.every((gap, index) => index === 0 || gap > gaps[index - 1])).toBe(true);
		expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
	}, 20_000);

	claim('transport asks GHL whether the record was written', async () => {
		sandbox().injectFault({ kind: 'status-after', status: 500, count: 1, match: { method: 'POST', path: /^\/contacts\/$/ } });
		const result = await run({ resource: 'contact', operation: 'create', email: 'only-once@example.com' });
		expect(result.error).toBeUndefined();
		expect(result.requests.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
			'POST /contacts/ 500',
			'GET /contacts/search/duplicate 200',
		]);
		expect(result.out[0]).toMatchObject({ email: 'only-once@example.com' });
		provenBy('test/foundation/faults.test.ts', 'Create task, note and appointment after a 502 that came after the write: each found and returned, written once');
	});

	claim('certainly not there, the create is sent again (up to 3 times)', () => {
		provenBy('test/foundation/faults.test.ts', 'Create after a 503 that came before the write: GHL is asked, finds nothing, and the contact is written once');
		provenBy(
			'test/foundation/faults.test.ts',
			'Create with Continue On Fail: a write that fails twice before GHL applies it comes out as an error item saying it was not saved; the others are written',
		);
	});

	claim('cannot tell, the item fails saying the record may have been saved', () => {
		provenBy('test/foundation/faults.test.ts', 'Create whose check fails too: not sent again, the error says it may be saved and why GHL could not tell');
		provenBy('test/foundation/faults.test.ts', 'Create of a contact whose email an older contact has: GHL cannot tell, so not sent again');
	});

	claim('A workflow enrolment is never repeated: GHL has no way to read one', () => {
		provenBy('test/foundation/faults.test.ts', 'Workflow enrolment lost in transit: GHL has no way to read enrolments, so it is not sent again and the error says so');
	});

	claim('an OAuth access token expiring mid-run costs one refresh and no item', () => {
		provenBy('test/reliability/fault-classes.test.ts', '1,000 creates with Continue On Fail, the access token expiring after 500: one refresh, no item lost or failed');
		provenBy('test/reliability/fault-classes.test.ts', '1,000 creates without Continue On Fail, the access token expiring after 500: one refresh, no item lost or failed');
	});

	claim('two executions refresh the same credential at once (n8n refreshes a credential once at a time) or two queue-mode workers do', () => {
		provenBy(
			'test/reliability/fault-classes.test.ts',
			'two executions of 500 creates on one OAuth credential refresh at once, with Continue On Fail: one refresh, both continue, the stored token is the newest',
		);
		provenBy(
			'test/reliability/fault-classes.test.ts',
			'two queue-mode workers (two n8n-core instances, no shared lock) of 500 creates on one stored OAuth credential refresh at once: both continue, the stored token is the newest',
		);
	});

	claim('upsert unless *Create New If Duplicates Allowed* is on', () => {
		provenBy('test/foundation/faults.test.ts', 'Create or Update with "Create New If Duplicates Allowed" is not repeated blindly: GHL is asked, the contact found is the result');
	});

	claim('add-style writes that are safe to repeat (tags, followers, campaigns, upsert', async () => {
		const contact = seed().contacts[1];
		const { userIds, campaignIds } = sandbox().demo;
		const repeatable: Array<[INodeParameters, RegExp]> = [
			[{ resource: 'tag', operation: 'add', contactId: byId(contact.id), tags: 'again' }, /\/tags$/],
			[{ resource: 'follower', operation: 'add', contactId: byId(contact.id), followers: [userIds[1]] }, /\/followers$/],
			[{ resource: 'campaign', operation: 'addContact', contactId: byId(contact.id), campaignId: campaignIds[0] }, /\/campaigns\//],
			[{ resource: 'contact', operation: 'upsert', email: 'twice@example.com' }, /^\/contacts\/upsert$/],
		];
		for (const [parameters, pathPattern] of repeatable) {
			sandbox().injectFault({ kind: 'status', status: 502, count: 1, match: { method: 'POST', path: pathPattern } });
			const result = await run(parameters);
			const sent = result.requests.filter((request) => request.method === 'POST' && pathPattern.test(request.path));
			expect({ parameters, error: result.error?.message, statuses: sent.map((request) => request.status) }).toEqual({
				parameters,
				error: undefined,
				statuses: [502, expect.any(Number)],
			});
			expect(sent[1].status).toBeLessThan(300);
		}
	}, 20_000);

	claim("**Errors**: GHL's status, message (422 message lists joined) and `traceId`, never a token", async () => {
		sandbox().injectFault({
			kind: 'status',
			status: 422,
			count: 1,
			match: { method: 'GET' },
			body: { statusCode: 422, message: ['email must be an email', 'phone is invalid'], traceId: 'trace-42' },
		});
		const refused = await run({ resource: 'contact', operation: 'get', contactId: byId(seed().contacts[0].id) }, { continueOnFail: true });
		expect(refused.out[0]).toMatchObject({ error: 'GHL API error 422: email must be an email; phone is invalid', httpCode: '422' });
		expect(refused.out[0].errorDescription).toContain('trace-42');

		const token = 'secret-token-that-must-not-show';
		const unauthorised = await run(
			{ resource: 'contact', operation: 'get', contactId: byId(seed().contacts[0].id) },
			{ credential: pitCredential(sandbox(), { accessToken: token }) },
		);
		expect(unauthorised.error).toMatchObject({ httpCode: '401' });
		expect(JSON.stringify(unauthorised.run)).not.toContain(token);
	});
});

describe('Development', () => {
	const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

	claim('**Operation file**: `actions/<resource>/<verb>.operation.ts`, exporting `meta` (name, action and the GHL endpoint: method, path, operationId, API, scopes), `properties`, `execute`', () => {
		const actions = path.join(ROOT, 'nodes/Ghl/actions');
		for (const resource of resourceList) {
			const files = fs.readdirSync(path.join(actions, resource.value)).filter((file) => file.endsWith('.operation.ts'));
			// Every file of the folder is listed in its index.ts (the resource has as many operations).
			expect({ resource: resource.value, files: files.length }).toEqual({ resource: resource.value, files: Object.keys(resource.operations).length });
			for (const module of Object.values(resource.operations)) {
				expect(module.meta.endpoint.operationId).toBeTruthy();
				expect(typeof module.execute).toBe('function');
				expect(typeof module.example).toBe('function');
				expect(Array.isArray(module.properties)).toBe(true);
			}
			// execute calls GHL at its own meta.endpoint (the catalogue test proves which endpoint each one calls).
			for (const file of files) {
				const source = read(`nodes/Ghl/actions/${resource.value}/${file}`);
				expect({ file, callsItsEndpoint: /((callEndpoint|downloadEndpoint)\.call\(this, meta\.endpoint|endpointRequest\(meta\.endpoint|searchContactsPaged)/.test(source) }).toEqual({
					file,
					callsItsEndpoint: true,
				});
			}
		}
		provenBy('test/catalogue.test.ts', 'every catalogue operation is called by a node operation (found by running each one)');
	});

	claim('**Tests**: an `opTest(\'<GHL operationId>\', …)` workflow test in `test/nodes/<resource>.test.ts`, and one line in `test/sdk-conformance.test.ts`', () => {
		provenBy('test/catalogue.test.ts', 'every catalogue operation has a workflow test (opTest in test/nodes)');
		provenBy('test/sdk-conformance.test.ts', 'the SDK table covers exactly the catalogue');
	});

	claim('**Generated**: `npx tsx scripts/catalogue/generate.ts` writes `docs/catalogue.json`, the [operations table](#operations) and the OAuth2 credential\'s scope presets', () => {
		provenBy('test/catalogue.test.ts', 'docs/catalogue.json is generated from the code (npx tsx scripts/catalogue/generate.ts)');
		provenBy('test/catalogue.test.ts', 'the OAuth2 scope presets are generated from the operation scopes (npx tsx scripts/catalogue/generate.ts)');
		provenBy('test/readme.test.ts', 'the operations table is generated from the operation files (npx tsx scripts/catalogue/generate.ts)');
		// The catalogue test takes each operation's parameters from its own file, nowhere else.
		expect(read('test/catalogue.test.ts')).toContain('module.example(data)');
	});

	claim('`npm test`: everything, as CI runs it (`.ci/run`): lint, type-check, build, the packed-package scan, the repository-alone check, the jest suites, the same foundation, node and webhook-trigger suites on n8n-core 1.x, and the end-to-end suite in a real n8n', () => {
		expect(read('.ci/run')).toMatch(/^npm test$/m);
		expect(packageJson.scripts.test).toBe('bash scripts/test.sh');
		// The steps scripts/test.sh runs, in order (the runtime install aside): exactly the README's list.
		const script = read('scripts/test.sh');
		const steps = script
			.split('\n')
			.map((line) => /^(npm run \w+|bash scripts\/[\w./-]+|npx jest)\b/.exec(line.trim())?.[1])
			.filter((step) => step && step !== 'bash scripts/lib/runtime.sh');
		expect(steps).toEqual([
			'npm run lint',
			'npm run typecheck',
			'npm run build',
			'npm run scan',
			'bash scripts/standalone-check.sh',
			'npx jest',
			'bash scripts/compat-1x.sh',
			'bash scripts/e2e.sh',
		]);
		expect(script).toContain('console.log(`${passed} passed, ${failed} failed`)');
	});

	claim('`npx jest`: unit and workflow tests only; `npm run test:e2e`: the real-n8n suite', () => {
		expect(read('jest.config.js')).toContain("testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/']");
		expect(packageJson.scripts['test:e2e']).toBe('bash scripts/e2e.sh');
		expect(read('test/e2e/jest.config.js')).toMatch(/e2e/);
	});

	claim('`bash scripts/compat-1x.sh`: the foundation, node and webhook-trigger suites against n8n-core/n8n-workflow 1.x', () => {
		const script = read('scripts/compat-1x.sh');
		expect(script).toMatch(/n8n-core@1\.\d+\.\d+ n8n-workflow@1\.\d+\.\d+/);
		expect(script).toContain('npx jest --config test/compat-1x.jest.config.js');
		const config = read('test/compat-1x.jest.config.js');
		for (const suite of ['test/foundation/**/*.test.ts', 'test/nodes/**/*.test.ts', 'test/triggers/webhook.test.ts']) expect(config).toContain(suite);
	});

	claim('`npm run sandbox -- --port 8787`: the GHL sandbox alone (prints its demo token and location)', async () => {
		expect(packageJson.scripts.sandbox).toBe('tsx sandbox/cli.ts');
		const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['sandbox/cli.ts', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
		try {
			const ready = await new Promise<IDataObject>((resolve, reject) => {
				let out = '';
				child.stdout.on('data', (chunk: Buffer) => {
					out += chunk.toString();
					const line = out.split('\n').find((candidate) => candidate.startsWith('SANDBOX_READY '));
					if (line) resolve(JSON.parse(line.slice('SANDBOX_READY '.length)) as IDataObject);
				});
				child.on('exit', (code) => reject(new Error(`sandbox exited with ${code} before it was ready`)));
			});
			const fresh = sandboxApi({ url: ready.url, demo: { privateToken: ready.privateToken } } as never, String(ready.privateToken));
			const found = await fresh('POST', '/contacts/search', { locationId: ready.locationId, pageLimit: 1 });
			expect((found.contacts as unknown[]).length).toBe(1);
		} finally {
			child.kill('SIGTERM');
		}
	}, 30_000);

	claim('`npm run bench`: speed and memory goals', () => {
		expect(packageJson.scripts.bench).toContain('--config bench/jest.config.js');
		expect(read('bench/jest.config.js')).toContain("'<rootDir>/bench/**/*.bench.ts'");
		expect(read('bench/goals.bench.ts')).toContain("test('speed and memory goals'");
		// The figures under Reliability come from this command.
		expect(section('Reliability')).toContain('Measured with `npm run bench`');
	});

	claim("this package side by side with n8n's built-in HighLevel node in a real n8n (`bench/compare.bench.ts`, written to `docs/benchmarks.md`)", () => {
		expect(read('bench/compare.bench.ts')).toContain("writeFileSync(path.join(out, 'benchmarks.md')");
		expect(read('bench/realN8n/scenarios.ts')).toContain("type: 'n8n-nodes-base.highLevel'");
		expect(read('docs/benchmarks.md')).toMatch(/^# Benchmarks: this package and n8n’s built-in HighLevel node in a real n8n/);
		provenBy('test/bench-smoke.test.ts', 'a tagged bulk write measured the bench’s way: scaled limit, calls from the request log, a report row');
	});

	claim('`npm run lint`: eslint-plugin-n8n-nodes-base and `@n8n/eslint-plugin-community-nodes`', () => {
		expect(packageJson.scripts.lint).toMatch(/^eslint /);
		const config = read('eslint.config.mjs');
		expect(config).toContain("from 'eslint-plugin-n8n-nodes-base'");
		expect(config).toContain("from '@n8n/eslint-plugin-community-nodes'");
	});
});

describe('README claims', () => {
	test('each of the four sections has bullet claims to check', () => {
		for (const name of SECTIONS) expect({ name, claims: bullets(section(name)).length > 0 }).toEqual({ name, claims: true });
	});

	test('every bullet claim in Credentials, Operations, Reliability and Development has a case here', () => {
		const uncovered = claims.filter((text) => !quoted.some((fragment) => text.includes(fragment)));
		expect(uncovered).toEqual([]);
	});
});

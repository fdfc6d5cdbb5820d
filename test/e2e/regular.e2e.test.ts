/**
 * Real n8n 2.41.1 (regular mode) with our package installed from its npm tarball, against the
 * GHL sandbox: the package loads, one workflow per resource runs with `n8n execute`, OAuth2
 * refresh goes through n8n's own machinery, the signed-webhook trigger runs in the live
 * server, and the templates import and run.
 */
import { randomBytes, randomUUID } from 'crypto';
import { readFileSync } from 'fs';
import path from 'path';
import {
	expectSuccess,
	GHL_NODE,
	ghlNode,
	listTemplates,
	manualWorkflow,
	newId,
	nodeOutput,
	resourceCases,
	localTemplate,
	runError,
	sleep,
	useStack,
	waitFor,
	type ResourceContext,
	type WorkflowJson,
} from './lib';
import { launchChromium, newEditorPage, nodeCreatorItems, openOptions, publishScreenshots, screenshot, searchNodeCreator, signIn } from './lib/browser';
import { registerSecret } from '../harness/secrets';
import { RestError } from './lib/n8n';
import { asMultipart, ghlTriggerWorkflow, postDelivery, signedDelivery, type RawDelivery } from './lib/trigger';

const stackRef = useStack();
const suffix = Date.now().toString(36);

describe('package', () => {
	test('n8n loads our three node types and three credential types from the installed tarball', async () => {
		const stack = stackRef();
		const file = path.join(stack.userFolder, 'nodes-export.json');
		const result = await stack.cli(['export:nodes', `--output=${file}`]);
		expect(result.code).toBe(0);
		const names = (JSON.parse(readFileSync(file, 'utf8')) as { name: string }[]).map((n) => n.name);
		expect(names).toEqual(expect.arrayContaining(['n8n-nodes-ghl.ghl', 'n8n-nodes-ghl.ghlTrigger', 'n8n-nodes-ghl.ghlPollingTrigger']));
		// The running server knows them too (the editor's type catalogue).
		const credentialTypes = (await stack.client.request('GET', '/types/credentials.json')).json as { name: string }[];
		expect(credentialTypes.map((c) => c.name)).toEqual(expect.arrayContaining(['ghlApi', 'ghlOAuth2Api', 'ghlWebhookSecretApi']));
	});
});

describe('one workflow per resource, run by `n8n execute`', () => {
	const ids = new Map<string, string>();
	let ctx: ResourceContext;

	beforeAll(async () => {
		const stack = stackRef();
		ctx = { credentials: stack.credentials, demo: stack.sandbox.demo, suffix };
		const workflows = resourceCases.map((c) => c.workflow(ctx));
		const imported = await stack.importWorkflows(workflows);
		resourceCases.forEach((c, i) => ids.set(c.resource, imported[i]));
	}, 120_000);

	for (const resourceCase of resourceCases) {
		test(resourceCase.resource, async () => {
			const stack = stackRef();
			const run = await stack.execute(ids.get(resourceCase.resource)!);
			resourceCase.check(run, stack.sandbox, ctx);
			expect(run.mode).toBe('cli');
		});
	}
});

describe('OAuth2', () => {
	test('an expired access token is refreshed by n8n, and n8n stores the rotated tokens the sandbox issued', async () => {
		const stack = stackRef();
		const { sandbox } = stack;
		const issued = stack.oauthTokens;
		const issuedRefreshToken = issued.refresh_token;
		if (!issuedRefreshToken) throw new Error('The sandbox issued no refresh token for the stored OAuth2 credential');
		const id = await stack.importWorkflow(
			manualWorkflow(`E2E OAuth2 refresh ${suffix}`, [ghlNode('Search Contacts', { resource: 'contact', operation: 'getAll', limit: 2 }, stack.credentials, 'oauth')]),
		);

		// 1. The imported token works as it is.
		let mark = Date.now();
		let run = await stack.execute(id);
		expectSuccess(run);
		expect(nodeOutput(run, 'Search Contacts')).toHaveLength(2);
		expect(sandbox.requests.filter((r) => r.at >= mark && r.path === '/oauth/token')).toHaveLength(0);

		// 2. The sandbox expires every access token: 401 → n8n refreshes → retry succeeds.
		sandbox.expireAccessTokens();
		mark = Date.now();
		run = await stack.execute(id);
		expectSuccess(run);
		expect(nodeOutput(run, 'Search Contacts')).toHaveLength(2);
		const calls = sandbox.requests.filter((r) => r.at >= mark);
		expect(calls.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			'POST /contacts/search 401',
			'POST /oauth/token 200',
			'POST /contacts/search 200',
		]);
		expect(calls[0].headers.authorization).toBe(`Bearer ${issued.access_token}`);
		expect(calls[1].body).toMatchObject({ grant_type: 'refresh_token', refresh_token: issued.refresh_token });
		const newAccess = calls[2].headers.authorization.replace(/^Bearer /, '');
		expect(newAccess).not.toBe(issued.access_token);

		// 3. What n8n stored is exactly the pair the sandbox issued: within its grace window GHL
		//    (and the sandbox) answer a re-used refresh token with the same new pair.
		const stored = await stack.exportCredential(stack.credentials.oauth.id);
		const tokenData = stored.data.oauthTokenData;
		if (!tokenData) throw new Error('n8n stored no oauthTokenData for the OAuth2 credential');
		const reissued = await (
			await fetch(`${sandbox.url}/oauth/token`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({
					grant_type: 'refresh_token',
					refresh_token: issuedRefreshToken,
					client_id: sandbox.demo.oauthClientId,
					client_secret: sandbox.demo.oauthClientSecret,
				}),
			})
		).json();
		expect(reissued.refresh_token).toEqual(expect.any(String));
		expect(tokenData.access_token).toBe(newAccess);
		expect(tokenData.access_token).toBe(reissued.access_token);
		expect(tokenData.refresh_token).toBe(reissued.refresh_token);
		expect(tokenData.refresh_token).not.toBe(issued.refresh_token);

		// 4. The next run uses the stored token directly: no refresh.
		mark = Date.now();
		run = await stack.execute(id);
		expectSuccess(run);
		const third = sandbox.requests.filter((r) => r.at >= mark);
		expect(third.map((r) => `${r.path} ${r.status}`)).toEqual(['/contacts/search 200']);
		expect(third[0].headers.authorization).toBe(`Bearer ${tokenData.access_token}`);
	});
});

describe('signed webhook trigger in the running n8n', () => {
	test('signed deliveries start executions; a forged signature gets 401 and starts nothing', async () => {
		const stack = stackRef();
		const { sandbox } = stack;
		const { workflow, webhookPath } = ghlTriggerWorkflow(`E2E GHL trigger ${suffix}`, stack);
		const id = await stack.importWorkflow(workflow);
		await stack.activate(id);
		const target = stack.webhookUrl(webhookPath);

		// A contact created through the API queues ContactCreate; the sandbox signs and delivers it.
		const created = await sandboxApi<{ contact: { id: string } }>(stack, 'POST', '/contacts/', {
			locationId: sandbox.demo.locationId,
			email: `e2e-trigger-${suffix}@example.com`,
			firstName: 'Trigger',
		});
		const contactId = created.contact.id;
		const event = sandbox.queuedEvents().find((e) => e.type === 'ContactCreate' && e.id === contactId);
		expect(event).toBeDefined();

		// Signed with both headers, Ed25519 only, RSA only: each accepted and each starts a run.
		const delivered = [
			...(await sandbox.deliverWebhooks({ targets: [target], events: [event!] })),
			...(await sandbox.deliverWebhooks({ targets: [target], events: [event!], signature: 'ed25519', overrides: { webhookId: `${event!.webhookId}-ed` } })),
			...(await sandbox.deliverWebhooks({ targets: [target], events: [event!], signature: 'rsa', overrides: { webhookId: `${event!.webhookId}-rsa` } })),
		];
		expect(delivered.map((d) => `${d.signature} ${d.status}`)).toEqual(['both 200', 'ed25519 200', 'rsa 200']);

		const executions = await stack.waitForExecutions(id, 3, 30_000);
		const outputs = executions.flatMap((e) => nodeOutput(e, 'GHL Trigger'));
		expect(executions.map((e) => `${e.mode} ${e.status}`)).toEqual(['webhook success', 'webhook success', 'webhook success']);
		expect(outputs).toHaveLength(3);
		for (const output of outputs) {
			expect(output).toMatchObject({
				event: 'ContactCreate',
				locationId: sandbox.demo.locationId,
				ids: { contactId },
				payload: expect.objectContaining({ id: contactId, email: `e2e-trigger-${suffix}@example.com` }),
			});
		}
		expect(outputs.map((o) => o.webhookId).sort()).toEqual([event!.webhookId, `${event!.webhookId}-ed`, `${event!.webhookId}-rsa`].sort());
		// The workflow went on after the trigger.
		expect(executions.flatMap((e) => nodeOutput(e, 'Received'))).toHaveLength(3);

		// A repeated delivery is acknowledged but starts nothing; forged, tampered and unsigned ones get 401.
		const fresh = (suffixId: string) => ({ webhookId: `${event!.webhookId}-${suffixId}` });
		const refused = [
			...(await sandbox.deliverWebhooks({ targets: [target], events: [event!] })),
			...(await sandbox.deliverWebhooks({ targets: [target], events: [event!], signature: 'forged', overrides: fresh('forged') })),
			...(await sandbox.deliverWebhooks({ targets: [target], events: [event!], tamper: true, overrides: fresh('tampered') })),
			...(await sandbox.deliverWebhooks({ targets: [target], events: [event!], signature: 'none', overrides: fresh('unsigned') })),
		];
		expect(refused.map((d) => `${d.signature}${d.tampered ? ' tampered' : ''} ${d.status}`)).toEqual([
			'both 200',
			'forged 401',
			'both tampered 401',
			'none 401',
		]);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		const before = 3;
		expect(await stack.executions(id)).toHaveLength(before);
	});
});

describe('shared-secret webhook trigger in the running n8n', () => {
	test('the secret comes from a ghlWebhookSecretApi credential: right secret starts a run, wrong or missing gets 401; the workflow and runs do not hold it', async () => {
		const stack = stackRef();
		// Made per run, so no fixture holds it; n8n stores it encrypted with the credential.
		const secret = randomBytes(24).toString('base64url');
		registerSecret('webhook shared secret', secret);
		const credential = { id: newId(), name: `GHL workflow secret ${suffix}` };
		await stack.importCredential({ ...credential, type: 'ghlWebhookSecretApi', data: { headerName: 'x-webhook-secret', secret } });
		const { workflow, webhookPath } = ghlTriggerWorkflow(`E2E GHL trigger (shared secret) ${suffix}`, stack, { secretCredential: credential });
		const id = await stack.importWorkflow(workflow);
		await stack.activate(id);
		const url = stack.webhookUrl(webhookPath);

		// What a GHL workflow's Custom Webhook action sends: unsigned JSON, the secret in a header.
		const payload = { contact_id: 'wfContactE2e00000001', first_name: 'Ada', location: { id: stack.sandbox.demo.locationId } };
		const send = (headers: Record<string, string>) =>
			postDelivery(url, { body: Buffer.from(JSON.stringify(payload)), headers: { 'content-type': 'application/json', ...headers } });
		const statuses = [await send({ 'x-webhook-secret': secret }), await send({ 'x-webhook-secret': `${secret.slice(0, -1)}A` }), await send({})];
		expect(statuses).toEqual([200, 401, 401]);

		const [execution] = await stack.waitForExecutions(id, 1, 30_000);
		await sleep(1000);
		expect(await stack.executions(id)).toHaveLength(1);
		expect(nodeOutput(execution, 'GHL Trigger')).toEqual([
			expect.objectContaining({ event: 'WorkflowWebhook', ids: { contactId: payload.contact_id }, payload }),
		]);
		// The workflow as n8n stores and exports it references the credential only.
		const stored = await stack.client.api<WorkflowJson>('GET', `/workflows/${id}`);
		expect(stored?.nodes.find((node) => node.name === 'GHL Trigger')?.credentials).toEqual({ ghlWebhookSecretApi: credential });
		expect(JSON.stringify(stored)).not.toContain(secret);
		expect(JSON.stringify(await stack.executions(id))).not.toContain(secret);
	});
});

describe('attack table in the running n8n', () => {
	// The first rows of docs/security.md's attack table (issue 9), against the live server's webhook
	// handling (its body parsers, its activation): each attack must be answered as there and start
	// no execution. After each attack a genuine delivery must start exactly one execution, so the
	// trigger is live and the count is read after the attack had its chance to start one.
	interface Armed {
		id: string;
		url: string;
		/** A genuine signed delivery the workflow must start for. */
		genuine: () => { delivery: RawDelivery; webhookId: string };
	}
	const armed: Record<'all' | 'contactDelete' | 'credential', Armed> = {} as never;
	let unfilteredId = '';
	let unfilteredUrl = '';

	const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
	/** A NoteCreate as GHL sends it, stamped now. */
	const note = (overrides: Record<string, unknown> = {}) => ({
		type: 'NoteCreate',
		locationId: stackRef().sandbox.demo.locationId,
		id: 'noteAttackE2e0000001',
		contactId: 'contactAttackE2e0001',
		body: 'Called back',
		dateAdded: minutesFromNow(0),
		timestamp: minutesFromNow(0),
		webhookId: randomUUID(),
		...overrides,
	});

	beforeAll(async () => {
		const stack = stackRef();
		const genuineNote = () => {
			const event = note();
			return { delivery: signedDelivery(event), webhookId: event.webhookId };
		};
		const genuineDelete = () => {
			const event = { type: 'ContactDelete', locationId: stack.sandbox.demo.locationId, id: 'contactAttackE2e0002', timestamp: minutesFromNow(0), webhookId: randomUUID() };
			return { delivery: signedDelivery(event), webhookId: event.webhookId };
		};
		const built = {
			all: ghlTriggerWorkflow(`E2E attacks: Location IDs ${suffix}`, stack),
			contactDelete: ghlTriggerWorkflow(`E2E attacks: ContactDelete only ${suffix}`, stack, { events: ['ContactDelete'] }),
			credential: ghlTriggerWorkflow(`E2E attacks: GHL credential ${suffix}`, stack, { ghlCredential: stack.credentials.pit }),
			unfiltered: ghlTriggerWorkflow(`E2E attacks: no location filter ${suffix}`, stack, { locationIds: '' }),
		};
		const [all, contactDelete, credential, unfiltered] = await stack.importWorkflows([built.all, built.contactDelete, built.credential, built.unfiltered].map((b) => b.workflow));
		for (const [key, id, genuine] of [
			['all', all, genuineNote],
			['contactDelete', contactDelete, genuineDelete],
			['credential', credential, genuineNote],
		] as const) {
			await stack.activate(id);
			armed[key] = { id, url: stack.webhookUrl(built[key].webhookPath), genuine };
		}
		unfilteredId = unfiltered;
		unfilteredUrl = stack.webhookUrl(built.unfiltered.webhookPath);
	}, 120_000);

	/** Sends the attack, then a genuine delivery; returns the attack's status and the executions it started. */
	async function attack(target: Armed, delivery: RawDelivery): Promise<{ status: number; executions: number }> {
		const stack = stackRef();
		const before = (await stack.executions(target.id)).length;
		const status = await postDelivery(target.url, delivery);
		const control = target.genuine();
		expect(await postDelivery(target.url, control.delivery)).toBe(200);
		await stack.waitForExecutions(target.id, before + 1, 30_000);
		// An execution the attack started would have been created by now (it was answered first).
		await sleep(1000);
		const started = (await stack.executions(target.id)).slice(before);
		expect(started.flatMap((execution) => nodeOutput(execution, 'GHL Trigger').map((item) => item.webhookId))).toContainEqual(control.webhookId);
		return { status, executions: started.length - 1 };
	}

	test('control: a genuine delivery sent as an attack is counted as the one execution it starts', async () => {
		expect(await attack(armed.all, signedDelivery(note()))).toEqual({ status: 200, executions: 1 });
	});

	test('1 Content-Type swap: a captured signed delivery re-sent an hour later as a form → 415, no execution', async () => {
		const delivery = signedDelivery(note({ timestamp: minutesFromNow(-60) }), 'application/x-www-form-urlencoded');
		expect(await attack(armed.all, delivery)).toEqual({ status: 415, executions: 0 });
	});

	test('1 Content-Type swap: a signed note "hello&type=ContactDelete&locationId=<yours>&id=VIP" sent as a form → 415, no execution', async () => {
		const text = `hello&type=ContactDelete&locationId=${stackRef().sandbox.demo.locationId}&id=VIP`;
		const delivery = signedDelivery(note({ body: text }), 'application/x-www-form-urlencoded');
		expect(await attack(armed.contactDelete, delivery)).toEqual({ status: 415, executions: 0 });
	});

	test('1 Content-Type swap: the same note sent as text/plain → 415, no execution', async () => {
		const text = `hello&type=ContactDelete&locationId=${stackRef().sandbox.demo.locationId}&id=VIP`;
		expect(await attack(armed.contactDelete, signedDelivery(note({ body: text }), 'text/plain'))).toEqual({ status: 415, executions: 0 });
	});

	test('1 Content-Type swap: the signed JSON inside multipart/form-data → 415, no execution', async () => {
		expect(await attack(armed.all, asMultipart(signedDelivery(note())))).toEqual({ status: 415, executions: 0 });
	});

	test('2 Any GHL app can sign: another location\'s signed delivery, trigger with a GHL credential → 200, no execution', async () => {
		const delivery = signedDelivery(note({ locationId: stackRef().sandbox.demo.otherLocationId }));
		expect(await attack(armed.credential, delivery)).toEqual({ status: 200, executions: 0 });
	});

	test('2 Any GHL app can sign: another location\'s signed delivery, trigger with Location IDs → 200, no execution', async () => {
		const delivery = signedDelivery(note({ locationId: stackRef().sandbox.demo.otherLocationId }));
		expect(await attack(armed.all, delivery)).toEqual({ status: 200, executions: 0 });
	});

	test('2 Any GHL app can sign: neither credential nor Location IDs → activation refused, deliveries 404, no execution', async () => {
		const stack = stackRef();
		const refusal = await stack.activate(unfilteredId).then(
			() => undefined,
			(error: unknown) => error,
		);
		expect(refusal).toBeInstanceOf(RestError);
		expect((refusal as RestError).status).toBe(400);
		expect((refusal as RestError).body).toContain('Set Location IDs or choose a GHL credential');
		expect((await stack.client.api<WorkflowJson>('GET', `/workflows/${unfilteredId}`))?.active).toBe(false);
		const status = await postDelivery(unfilteredUrl, signedDelivery(note({ locationId: stack.sandbox.demo.otherLocationId })));
		await sleep(1000);
		expect({ status, executions: (await stack.executions(unfilteredId)).length }).toEqual({ status: 404, executions: 0 });
	});
});

describe('templates', () => {
	const templates = listTemplates();

	test(`all ${templates.length} template(s) import, and those with a manual trigger run against the simulators`, async () => {
		const stack = stackRef();
		const jsons = templates.map((t) => localTemplate(t.json, { partnersUrl: stack.partners?.url, publicKeys: stack.sandbox.publicKeys }));
		const ids = await stack.importWorkflows(jsons);
		expect(ids).toEqual(templates.map((t) => t.json.id));
		const failures: string[] = [];
		const seconds: string[] = [];
		for (const [i, template] of templates.entries()) {
			if (!template.json.nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger')) continue;
			const started = Date.now();
			const run = await stack.execute(ids[i]);
			seconds.push(`${template.json.name}: ${Math.round((Date.now() - started) / 1000)} s`);
			const error = runError(run);
			if (error || run.status !== 'success') failures.push(`${path.basename(template.file)}: ${error ?? run.status}`);
		}
		console.log(`templates run by hand in real n8n:\n${seconds.join('\n')}`);
		expect(failures).toEqual([]);
		// Each run is an `n8n execute` process (about 10 s to boot on 2 cores), and the DPD import pages
		// through its purchase history with Wait between pages: 19 templates take longer than the default.
	}, 600_000);
});

describe('editor in headless Chromium', () => {
	const RESOURCES = ['Appointment', 'Campaign', 'Contact', 'Follower', 'Note', 'Tag', 'Task', 'Workflow'];

	test('finds our node by "GHL" and "HighLevel", adds it, shows its resources and operations, opens a template', async () => {
		const stack = stackRef();
		const browser = await launchChromium();
		try {
			const page = await newEditorPage(browser);
			await signIn(page, stack.n8nUrl);

			// A new workflow; the node panel finds our node under both names.
			await page.goto(`${stack.n8nUrl}/workflow/new`);
			await page.getByTestId('canvas-plus-button').click();
			expect(await searchNodeCreator(page, 'GHL', 'HighLevel (GHL)')).toContain('HighLevel (GHL)');
			await screenshot(page, 'node-panel-search-ghl');
			expect(await searchNodeCreator(page, 'HighLevel', 'HighLevel (GHL)')).toContain('HighLevel (GHL)');

			// First step: a manual trigger; then our action node from the panel.
			await searchNodeCreator(page, 'manual', 'Manual Trigger');
			await page.getByTestId('node-creator-item-name').getByText('Manual Trigger', { exact: true }).click();
			await page.getByTestId('canvas-node').first().waitFor();
			await page.getByTestId('node-creator-plus-button').click();
			await searchNodeCreator(page, 'HighLevel', 'HighLevel (GHL)');
			await page.getByTestId('node-creator-item-name').getByText('HighLevel (GHL)', { exact: true }).click();
			await page.getByTestId('node-creator-item-name').getByText('Create a contact', { exact: true }).waitFor();
			const actions = await nodeCreatorItems(page);
			// The list is virtualised: the first resources' actions are rendered.
			expect(actions).toEqual(expect.arrayContaining(['Create an appointment', 'Add a contact to a campaign', 'Create a contact', 'Get many contacts']));
			await screenshot(page, 'node-panel-actions');
			await page.getByTestId('node-creator-item-name').getByText('Create a contact', { exact: true }).click();
			await page.getByTestId('ndv').waitFor();

			// Resource dropdown: every resource is listed.
			const resources = await openOptions(page, 'resource');
			for (const name of RESOURCES) expect(resources.some((option) => option.startsWith(name))).toBe(true);
			for (const name of RESOURCES) await expect(page.getByRole('option').filter({ hasText: name }).first().isVisible()).resolves.toBe(true);
			await screenshot(page, 'node-resource-dropdown');
			await page.getByRole('option').filter({ hasText: 'A to-do on a contact' }).first().click();

			// Operation dropdown for Task.
			const operations = await openOptions(page, 'operation');
			for (const name of ['Create', 'Delete', 'Get', 'Get Many', 'Set Completed', 'Update']) {
				expect(operations.some((option) => option.startsWith(name))).toBe(true);
			}
			await screenshot(page, 'node-operation-dropdown');
			await page.keyboard.press('Escape');
			await page.getByTestId('ndv-close-button').click();

			// Save: the workflow exists on the server with our node set to Task › Create.
			await page.mouse.click(200, 700);
			await page.keyboard.press('Control+s');
			await page.waitForURL(/\/workflow\/(?!new)[A-Za-z0-9]+/);
			const savedId = new URL(page.url()).pathname.split('/').pop()!;
			const saved = await waitFor(
				'the saved workflow to contain our node',
				async () => {
					const workflow = await stack.client.api<WorkflowJson>('GET', `/workflows/${savedId}`);
					return workflow?.nodes.some((n) => n.type === GHL_NODE) ? workflow : undefined;
				},
				{ timeoutMs: 20_000, intervalMs: 500 },
			);
			const ours = saved.nodes.find((n) => n.type === GHL_NODE);
			expect(ours?.parameters.resource).toBe('task');
			// n8n leaves out parameters at their default (Create is Task's default operation).
			expect(ours?.parameters.operation ?? 'create').toBe('create');

			// A template opens on the canvas with all its nodes.
			const [template] = listTemplates();
			if (template) {
				const templateId = await stack.importWorkflow(localTemplate(template.json, { partnersUrl: stack.partners?.url, publicKeys: stack.sandbox.publicKeys }));
				await page.goto(`${stack.n8nUrl}/workflow/${templateId}`);
				await page.getByTestId('canvas-node').first().waitFor();
				const onCanvas = template.json.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote');
				await expect(page.getByTestId('canvas-node').count()).resolves.toBeGreaterThanOrEqual(onCanvas.length);
				for (const node of onCanvas.filter((n) => n.type.startsWith('n8n-nodes-ghl.'))) {
					await expect(page.getByText(node.name, { exact: true }).first().isVisible()).resolves.toBe(true);
				}
				await page.getByTestId('zoom-to-fit').click();
				await page.waitForTimeout(500);
				await screenshot(page, 'template-canvas');
			}
			publishScreenshots(['node-panel-search-ghl', 'node-panel-actions', 'node-resource-dropdown', 'template-canvas']);
		} finally {
			await browser.close();
		}
	});
});

// ---------------------------------------------------------------------------------------

/** A GHL API call to the sandbox with the demo private token; T is the answer's expected shape. */
async function sandboxApi<T>(stack: ReturnType<typeof stackRef>, method: string, urlPath: string, body?: unknown): Promise<T> {
	const res = await fetch(`${stack.sandbox.url}${urlPath}`, {
		method,
		headers: {
			authorization: `Bearer ${stack.sandbox.demo.privateToken}`,
			version: '2021-07-28',
			'content-type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const json: T = await res.json();
	if (!res.ok) throw new Error(`${method} ${urlPath} → ${res.status} ${JSON.stringify(json)}`);
	return json;
}


/**
 * The attack table of issue 9, run against the GHL Trigger in n8n-core's real WebhookContext (see
 * helpers.ts: HTTP on 127.0.0.1, bodies read as n8n reads them, static data saved as n8n saves
 * it). Each row is one attacker's request; it must be answered with the expected status and start
 * no execution. docs/security.md lists the rows and how to run them.
 */
import { generateKeyPairSync, randomUUID, sign } from 'crypto';
import { request } from 'http';
import { ExecutionLifecycleHooks, HookContext } from 'n8n-core';
import type { IDataObject, INode, INodeParameters, INodeType, IWorkflowBase } from 'n8n-workflow';
import { signatureHeaders } from '../../sandbox/webhooks';
import type { SignatureMode } from '../../sandbox';
import { TestCredentialsHelper } from '../harness/credentials';
import type { StoredCredential } from '../harness/credentials';
import { pitCredential, useSandbox } from '../harness/fixtures';
import { nodeTypes, PACKAGE } from '../harness/nodeTypes';
import { additionalDataFor, buildWorkflow } from '../harness/run';
import { credentialRef } from '../harness/workflows';
import { ghlPath } from '../../nodes/shared/transport';
import { runWorkflow } from '../harness/run';
import { ghlWorkflow } from '../harness/workflows';
import { TriggerServer } from './helpers';

const sandbox = useSandbox();
const servers: TriggerServer[] = [];

afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => server.close()));
});

const SECRET = 'kV3q-8ZpL2-xT9w-RmB4';

function ownLocation(): string {
	return sandbox().demo.locationId;
}

/** A GHL Trigger trusting the sandbox's signing keys; by default filtered on the demo location. */
async function trigger(parameters: INodeParameters = {}, credentials: StoredCredential[] = []): Promise<TriggerServer> {
	const { options, ...rest } = parameters;
	const server = new TriggerServer(
		{
			events: ['*'],
			...(credentials.length ? {} : { locationIds: ownLocation() }),
			...rest,
			options: { publicKeys: `${sandbox().publicKeys.ed25519}\n${sandbox().publicKeys.rsa}`, ...((options as IDataObject) ?? {}) },
		},
		credentials,
	);
	servers.push(server);
	await server.start();
	return server;
}

/** What n8n does on activation: the node's checkExists. Resolves to 'activated' or the error message. */
async function activate(parameters: INodeParameters, credentials: StoredCredential[] = []): Promise<string> {
	const helper = new TestCredentialsHelper(nodeTypes);
	for (const credential of credentials) helper.add(credential);
	const node: INode = {
		id: 'activation',
		name: 'GHL Trigger',
		type: `${PACKAGE}.ghlTrigger`,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'hook-activation',
		parameters,
		...(credentials.length ? { credentials: Object.assign({}, ...credentials.map(credentialRef)) } : {}),
	};
	const workflow = buildWorkflow({ nodes: [node], connections: {} });
	const additionalData = additionalDataFor(
		helper,
		new ExecutionLifecycleHooks('trigger', 'exec', { id: workflow.id, nodes: [node], connections: {} } as unknown as IWorkflowBase),
	);
	const context = new HookContext(workflow, workflow.getNode(node.name)!, additionalData, 'trigger', 'activate');
	const nodeType = nodeTypes.getByNameAndVersion(node.type, 1) as INodeType;
	try {
		await nodeType.webhookMethods!.default!.checkExists.call(context);
		return 'activated';
	} catch (error) {
		return (error as Error).message;
	}
}

interface Delivery {
	body: Buffer | string;
	headers: Record<string, string | string[]>;
}

/** POSTs with Node's http client, which sends an array header value as repeated header lines. */
async function post(url: string, delivery: Delivery): Promise<number> {
	return await new Promise((resolve, reject) => {
		const req = request(url, { method: 'POST' }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', reject);
		for (const [name, value] of Object.entries(delivery.headers)) req.setHeader(name, value);
		req.setHeader('content-length', Buffer.byteLength(delivery.body));
		req.end(delivery.body);
	});
}

function minutesFromNow(minutes: number): string {
	return new Date(Date.now() + minutes * 60_000).toISOString();
}

/** A NoteCreate as GHL sends it, for the demo location, stamped now. */
function note(overrides: IDataObject = {}): IDataObject {
	return {
		type: 'NoteCreate',
		locationId: ownLocation(),
		id: 'noteAttack0000000001',
		contactId: 'contactAttack0000001',
		body: 'Called back',
		dateAdded: minutesFromNow(0),
		timestamp: minutesFromNow(0),
		webhookId: randomUUID(),
		...overrides,
	};
}

/** Signed as GHL signs (sandbox keys), sent as GHL sends it unless the attack changes something. */
function signed(event: IDataObject, mode: SignatureMode = 'both', contentType = 'application/json'): Delivery {
	const body = Buffer.from(JSON.stringify(event), 'utf8');
	return { body, headers: { 'content-type': contentType, ...signatureHeaders(body, mode) } };
}

interface Outcome {
	status: number;
	/** Executions the attack request started. */
	executions: number;
}

async function attack(server: TriggerServer, delivery: Delivery): Promise<Outcome> {
	const before = server.started.length;
	const status = await post(server.url, delivery);
	return { status, executions: server.started.length - before };
}

/** Delivers genuinely once (must start), then runs the attack. */
async function afterGenuine(server: TriggerServer, genuine: Delivery, attackDelivery: Delivery = genuine): Promise<Outcome> {
	expect(await attack(server, genuine)).toEqual({ status: 200, executions: 1 });
	return await attack(server, attackDelivery);
}

function multipart(json: Buffer): { body: Buffer; contentType: string } {
	const boundary = 'attack-boundary';
	const body = Buffer.concat([
		Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="payload"\r\nContent-Type: application/json\r\n\r\n`),
		json,
		Buffer.from(`\r\n--${boundary}--\r\n`),
	]);
	return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** [finding, attack, expected status, run]. */
type Row = [finding: string, attack: string, status: number, run: () => Promise<Outcome>];

const ROWS: Row[] = [
	[
		'1 Content-Type swap',
		'a captured signed delivery re-sent an hour later as application/x-www-form-urlencoded',
		415,
		async () => {
			const server = await trigger();
			return await attack(server, signed(note({ timestamp: minutesFromNow(-60) }), 'both', 'application/x-www-form-urlencoded'));
		},
	],
	[
		'1 Content-Type swap',
		'a signed note whose text is "hello&type=ContactDelete&locationId=<yours>&id=VIP", sent as a form',
		415,
		async () => {
			const server = await trigger({ events: ['ContactDelete'] });
			const text = `hello&type=ContactDelete&locationId=${ownLocation()}&id=VIP`;
			return await attack(server, signed(note({ body: text }), 'both', 'application/x-www-form-urlencoded'));
		},
	],
	[
		'1 Content-Type swap',
		'the same note sent as text/plain',
		415,
		async () => {
			const server = await trigger();
			return await attack(server, signed(note({ body: `hello&type=ContactDelete&id=VIP` }), 'both', 'text/plain'));
		},
	],
	[
		'2 Any GHL app can sign',
		'a genuinely signed delivery of another location; trigger with a GHL credential (its location is the filter)',
		200,
		async () => {
			const server = await trigger({ authentication: 'privateIntegration' }, [pitCredential(sandbox())]);
			return await attack(server, signed(note({ locationId: sandbox().demo.otherLocationId })));
		},
	],
	[
		'2 Any GHL app can sign',
		'a genuinely signed delivery of another location; trigger with Location IDs',
		200,
		async () => {
			const server = await trigger();
			return await attack(server, signed(note({ locationId: sandbox().demo.otherLocationId })));
		},
	],
	[
		'2 Any GHL app can sign',
		'a signed delivery to a trigger with neither credential nor Location IDs (activation is refused too)',
		500,
		async () => {
			expect(await activate({ events: ['*'] })).toBe('Set Location IDs or choose a GHL credential');
			const server = await trigger({ locationIds: '' });
			return await attack(server, signed(note({ locationId: sandbox().demo.otherLocationId })));
		},
	],
	[
		'4 No timestamp',
		'a signed delivery without timestamp',
		400,
		async () => {
			const server = await trigger();
			const { timestamp: _dropped, ...event } = note();
			return await attack(server, signed(event));
		},
	],
	[
		'4 No timestamp',
		'a signed delivery without webhookId',
		400,
		async () => {
			const server = await trigger();
			const { webhookId: _dropped, ...event } = note();
			return await attack(server, signed(event));
		},
	],
	[
		'4 Eviction',
		'a replay while the id memory holds 60,000 live ids (100/s for two 5-minute windows)',
		200,
		async () => {
			const server = await trigger();
			const genuine = signed(note());
			await attack(server, genuine);
			fillIdMemory(server, 60_000 - 1);
			return await attack(server, genuine);
		},
	],
	[
		'4 Eviction',
		'a new delivery while the id memory is full: 429 (GHL retries), nothing evicted',
		429,
		async () => {
			const server = await trigger();
			fillIdMemory(server, 60_000);
			return await attack(server, signed(note()));
		},
	],
	[
		'5 Lenient base64',
		'x-ghl-signature "valid, junk" (a duplicate header joined)',
		401,
		async () => {
			const server = await trigger();
			const delivery = signed(note(), 'ed25519');
			delivery.headers['x-ghl-signature'] = `${delivery.headers['x-ghl-signature'] as string}, junk`;
			return await attack(server, delivery);
		},
	],
	[
		'5 Lenient base64',
		'x-ghl-signature sent twice, both valid',
		401,
		async () => {
			const server = await trigger();
			const delivery = signed(note(), 'ed25519');
			const value = delivery.headers['x-ghl-signature'] as string;
			delivery.headers['x-ghl-signature'] = [value, value];
			return await attack(server, delivery);
		},
	],
	[
		'5 Lenient base64',
		'a valid Ed25519 signature without its "==" padding',
		401,
		async () => {
			const server = await trigger();
			const delivery = signed(note(), 'ed25519');
			delivery.headers['x-ghl-signature'] = (delivery.headers['x-ghl-signature'] as string).replace(/=+$/, '');
			return await attack(server, delivery);
		},
	],
	[
		'5 No raw body',
		'n8n kept no raw body (the node never verifies a re-serialised body)',
		400,
		async () => {
			const server = await trigger();
			server.dropRawBody = true;
			return await attack(server, signed(note()));
		},
	],
	[
		'5 Weak RSA key',
		'a delivery signed with a 512-bit RSA key given as an additional key (activation is refused too)',
		500,
		async () => {
			const weak = generateKeyPairSync('rsa', { modulusLength: 512 });
			const pem = weak.publicKey.export({ type: 'spki', format: 'pem' }).toString();
			const parameters = { events: ['*'], locationIds: ownLocation(), options: { publicKeys: pem, useBuiltInKeys: false } };
			expect(await activate(parameters)).toBe('An RSA public key of 512 bits is too short to trust');
			const server = await trigger(parameters);
			const body = Buffer.from(JSON.stringify(note()), 'utf8');
			return await attack(server, {
				body,
				headers: { 'content-type': 'application/json', 'x-wh-signature': sign('sha256', body, weak.privateKey).toString('base64') },
			});
		},
	],
	[
		'5 Secret in a parameter',
		'a workflow that still has the secret as a node parameter: activation refused, delivery refused',
		500,
		async () => {
			const parameters = { events: ['*'], verification: 'sharedSecret', headerName: 'x-webhook-secret', secret: SECRET };
			expect(await activate(parameters)).toMatch(/credentials/i);
			const server = await trigger(parameters);
			return await attack(server, { body: JSON.stringify({ contact_id: 'abc' }), headers: { 'content-type': 'application/json', 'x-webhook-secret': SECRET } });
		},
	],
	['Signature', 'forged: signed with other keys', 401, async () => attack(await trigger(), signed(note(), 'forged'))],
	[
		'Signature',
		'tampered: signed bytes changed after signing',
		401,
		async () => {
			const delivery = signed(note());
			const tampered = Buffer.from(delivery.body.toString().replace('Called back', 'Called back!'), 'utf8');
			return await attack(await trigger(), { ...delivery, body: tampered });
		},
	],
	['Signature', 'unsigned', 401, async () => attack(await trigger(), signed(note(), 'none'))],
	['Freshness', 'stale: stamped 6 minutes ago (window 5)', 401, async () => attack(await trigger(), signed(note({ timestamp: minutesFromNow(-6) })))],
	['Freshness', 'future: stamped 6 minutes ahead', 401, async () => attack(await trigger(), signed(note({ timestamp: minutesFromNow(6) })))],
	[
		'Replay',
		'the same signed delivery again',
		200,
		async () => {
			const server = await trigger();
			return await afterGenuine(server, signed(note()));
		},
	],
	[
		'Replay',
		'the same signed delivery after a restart (a new process loads the saved static data)',
		200,
		async () => {
			const server = await trigger();
			const genuine = signed(note());
			expect(await attack(server, genuine)).toEqual({ status: 200, executions: 1 });
			await server.close();
			const restarted = new TriggerServer(server.node.parameters, undefined, server.workflowId);
			servers.push(restarted);
			restarted.staticData = structuredClone(server.staticData);
			await restarted.start();
			return await attack(restarted, genuine);
		},
	],
	['Content type', 'form (application/x-www-form-urlencoded), fresh', 415, async () => attack(await trigger(), signed(note(), 'both', 'application/x-www-form-urlencoded'))],
	['Content type', 'text/plain, fresh', 415, async () => attack(await trigger(), signed(note(), 'both', 'text/plain'))],
	[
		'Content type',
		'multipart/form-data carrying the signed JSON',
		415,
		async () => {
			const delivery = signed(note());
			const form = multipart(delivery.body as Buffer);
			return await attack(await trigger(), { body: form.body, headers: { ...delivery.headers, 'content-type': form.contentType } });
		},
	],
	[
		'Content type',
		'application/xml with the signature of the JSON',
		415,
		async () => {
			const delivery = signed(note());
			return await attack(await trigger(), { body: '<note><type>ContactDelete</type></note>', headers: { ...delivery.headers, 'content-type': 'application/xml' } });
		},
	],
	[
		'Content type',
		'application/json in another charset (latin1)',
		415,
		async () => attack(await trigger(), signed(note(), 'both', 'application/json; charset=latin1')),
	],
	['Size', 'a signed 3 MiB body', 413, async () => attack(await trigger(), signed(note({ body: 'x'.repeat(3 * 1024 * 1024) }), 'ed25519'))],
	[
		'Other app',
		'a signed INSTALL of another app (App ID set)',
		200,
		async () => {
			const server = await trigger({ options: { appId: sandbox().demo.appId } });
			return await attack(server, signed({ ...note(), type: 'INSTALL', appId: 'SomeoneElsesApp00001' }));
		},
	],
];

/** Static data as n8n saved it after `count` accepted deliveries stamped inside the window. */
function fillIdMemory(server: TriggerServer, count: number): void {
	const key = 'node:GHL Trigger';
	const ids = { ...(((server.staticData[key] as IDataObject | undefined)?.recentWebhookIds as IDataObject) ?? {}) };
	const now = Date.now();
	for (let index = 0; index < count; index++) ids[`filler-${index}`] = now - (index % 240_000);
	server.staticData = { ...server.staticData, [key]: { recentWebhookIds: ids } };
}

describe('attack table: each request is answered and starts nothing', () => {
	test('a genuine delivery through the same path starts one execution (the control)', async () => {
		const server = await trigger({ events: ['NoteCreate'] });
		const outcome = await attack(server, signed(note({ body: `hello&type=ContactDelete&locationId=${ownLocation()}&id=VIP` })));
		expect(outcome).toEqual({ status: 200, executions: 1 });
		// Parsed from the signed bytes: a note, whatever its text says.
		expect(server.started[0].items[0]).toMatchObject({ event: 'NoteCreate', ids: { noteId: 'noteAttack0000000001' } });
	});

	test.each(ROWS)('%s: %s → %i, no execution', async (_finding, _attack, status, run) => {
		const outcome = await run();
		expect(outcome).toEqual({ status, executions: 0 });
	});
});

describe('attack table, path rows: nothing reaches GHL', () => {
	const ghlRequests = () => sandbox().requests.filter((recorded) => !recorded.path.startsWith('/_sandbox'));

	test('3 Dot segments: ghlPath refuses empty, "." and ".." segments', () => {
		const contactId = 'nmFmQEsNgz6AVpgLVUJ0';
		for (const taskId of ['', '.', '..']) expect(() => ghlPath`/contacts/${contactId}/tasks/${taskId}`).toThrow(/Refused to build the GHL path/);
		expect(ghlPath`/contacts/${contactId}/tasks/${'a..b'}`).toBe(`/contacts/${contactId}/tasks/a..b`);
	});

	test('3 Dot segments: Delete Task with task ID ".." fails naming Task ID; no request', async () => {
		const credential = pitCredential(sandbox());
		const contactId = (sandbox().snapshot().contacts as IDataObject[])[0].id as string;
		const result = await runWorkflow(
			ghlWorkflow({ resource: 'task', operation: 'delete', contactId: { __rl: true, mode: 'id', value: contactId }, taskId: '={{ ".." }}' }, credential),
			{ credentials: [credential] },
		);
		expect((result.run.data.resultData.error as Error | undefined)?.message).toMatch(/^Task ID: expected a GHL ID/);
		expect(ghlRequests()).toEqual([]);
	});

	test('3 Dot segments: a signed ContactUpdate whose id is ".." (Fetch Full Record) starts with fullRecordError; no request', async () => {
		const server = await trigger({ fetchFullRecord: true, authentication: 'privateIntegration' }, [pitCredential(sandbox())]);
		const outcome = await attack(server, signed({ ...note(), type: 'ContactUpdate', id: '..' }));
		expect(outcome).toEqual({ status: 200, executions: 1 });
		expect(server.started[0].items[0].fullRecordError).toMatch(/contactId is not a GHL ID/);
		expect(ghlRequests()).toEqual([]);
	});

	test('5 Open Fetch Full Record: with Verification None no record is ever read, even with fetchFullRecord saved', async () => {
		const credential = pitCredential(sandbox());
		const parameters = { events: ['*'], verification: 'none', fetchFullRecord: true, authentication: 'privateIntegration' };
		// n8n drops the hidden parameter when it loads the workflow; the node refuses it besides.
		expect(await activate(parameters, [credential])).toBe('activated');
		const server = await trigger(parameters, [credential]);
		const contactId = (sandbox().snapshot().contacts as IDataObject[])[0].id as string;
		const outcome = await attack(server, {
			body: JSON.stringify({ type: 'ContactUpdate', locationId: ownLocation(), id: contactId }),
			headers: { 'content-type': 'application/json' },
		});
		// Verification None lets anyone start the workflow (that is what None means), but never read a record.
		expect(outcome).toEqual({ status: 200, executions: 1 });
		expect(server.started[0].items[0]).not.toHaveProperty('fullRecord');
		expect(server.started[0].items[0]).not.toHaveProperty('fullRecordError');
		expect(ghlRequests()).toEqual([]);
	});
});

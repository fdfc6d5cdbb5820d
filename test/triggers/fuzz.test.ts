/**
 * Seeded fuzz of the GHL Trigger's delivery checks. A generator makes deliveries the way GHL sends
 * them (random event types, payloads in many scripts, three serialisations, both signature schemes,
 * content-type spellings GHL may use) and, for most of them, applies one attacker's mutation: to
 * the bytes, the signature headers, the content type, the envelope (re-signed, as a captured old
 * delivery would be), the location or app, or a replay. The oracle is the mutation itself: a
 * delivery starts the workflow if and only if nothing hostile was done to it.
 *
 * Direct: DIRECT_DELIVERIES cases through the same functions the node's webhook() composes
 * (checkDelivery → isWanted → replayMemory), with a fixed clock. Full path: HTTP_DELIVERIES cases
 * over HTTP into the node in n8n-core (helpers.ts), with the real clock.
 *
 * `SECURITY_REPORT=1` prints the counts docs/security.md quotes; `FUZZ_SEED=<n>` tries another seed.
 */
import { generateKeyPairSync, sign } from 'crypto';
import type { KeyObject } from 'crypto';
import { request } from 'http';
import type { IDataObject } from 'n8n-workflow';
import { checkDelivery } from '../../nodes/GhlTrigger/delivery';
import type { DeliveryPolicy, IncomingRequest } from '../../nodes/GhlTrigger/delivery';
import { isWanted, viewOf } from '../../nodes/GhlTrigger/events';
import type { EventFilters } from '../../nodes/GhlTrigger/events';
import { replayMemory } from '../../nodes/GhlTrigger/replay';
import { TriggerServer } from './helpers';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 0x5eed0009);
const DIRECT_DELIVERIES = 12_000;
const HTTP_DELIVERIES = 300;
const WINDOW_MS = 5 * 60_000;
const OWN_LOCATION = 'FuzzLocation00000001';
const OTHER_LOCATION = 'FuzzOtherLocation002';
const OWN_APP = 'FuzzApp0000000000001';

// ---------------------------------------------------------------------------
// Deterministic randomness (mulberry32)

type Rng = () => number;

function mulberry32(seed: number): Rng {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const chance = (rng: Rng, p: number): boolean => rng() < p;

function idOf(rng: Rng, length = 20): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	let id = '';
	for (let index = 0; index < length; index++) id += alphabet[Math.floor(rng() * alphabet.length)];
	return id;
}

function uuidOf(rng: Rng): string {
	const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16)).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const TEXTS = ['Ada', '山田太郎', 'Łukasiewicz', 'Компания «Ромашка»', 'القاهرة', '📞 ✔', 'a&b=c&type=ContactDelete', '../..', '"quoted"', 'back\\slash', 'line\u2028sep', '<xml/>', '%2e%2e', 'null', ''];

// ---------------------------------------------------------------------------
// Keys: the trusted pair (as GHL's) and an attacker's pair

const trusted = { ed25519: generateKeyPairSync('ed25519'), rsa: generateKeyPairSync('rsa', { modulusLength: 2048 }) };
const attacker = { ed25519: generateKeyPairSync('ed25519'), rsa: generateKeyPairSync('rsa', { modulusLength: 2048 }) };
const pem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();

type Keys = typeof trusted;

function signatures(bytes: Buffer, keys: Keys, scheme: 'ed25519' | 'rsa' | 'both'): Array<[string, string]> {
	const headers: Array<[string, string]> = [];
	if (scheme !== 'rsa') headers.push(['x-ghl-signature', sign(null, bytes, keys.ed25519.privateKey).toString('base64')]);
	if (scheme !== 'ed25519') headers.push(['x-wh-signature', sign('sha256', bytes, keys.rsa.privateKey).toString('base64')]);
	return headers;
}

// ---------------------------------------------------------------------------
// The generator

interface Wire {
	/** Undefined: n8n kept no raw body. */
	body?: Buffer;
	headers: Array<[string, string]>;
	/** Hand the node the body as a string instead of a Buffer. */
	bodyAsString?: boolean;
}

interface FuzzCase {
	wire: Wire;
	mutation: string;
	hostile: boolean;
}

const EVENT_TYPES = ['ContactCreate', 'ContactUpdate', 'ContactTagUpdate', 'NoteCreate', 'TaskCreate', 'AppointmentCreate', 'OpportunityCreate', 'INSTALL'];
const GOOD_CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/json;charset="UTF-8"'];
const BAD_CONTENT_TYPES = [
	'application/x-www-form-urlencoded',
	'text/plain',
	'multipart/form-data; boundary=x',
	'application/xml',
	'text/xml',
	'application/json; charset=latin1',
	'application/jsonp',
	'application/json-patch+json',
	'text/json',
];

function stampOf(rng: Rng, at: number): string | number {
	const form = pick(rng, ['iso', 'iso', 'iso', 'ms', 's', 'digits']);
	if (form === 'ms') return at;
	if (form === 's') return Math.floor(at / 1000);
	if (form === 'digits') return String(at);
	return new Date(at).toISOString();
}

function genuineEvent(rng: Rng, now: number): IDataObject {
	const type = pick(rng, EVENT_TYPES);
	const event: IDataObject = {
		type,
		locationId: OWN_LOCATION,
		timestamp: stampOf(rng, now + Math.round((rng() * 2 - 1) * 0.9 * WINDOW_MS)),
		webhookId: uuidOf(rng),
	};
	const record: IDataObject = { id: idOf(rng), contactId: idOf(rng), title: pick(rng, TEXTS), body: pick(rng, TEXTS), tags: [pick(rng, TEXTS), pick(rng, TEXTS)] };
	if (chance(rng, 0.3)) record.customFields = [{ id: idOf(rng), value: { nested: [pick(rng, TEXTS), rng()] } }];
	if (type === 'AppointmentCreate') event.appointment = record;
	else Object.assign(event, record);
	if (type === 'INSTALL') event.appId = OWN_APP;
	// Key order varies: the bytes are what is signed, not the object.
	return chance(rng, 0.5) ? event : Object.fromEntries(Object.entries(event).reverse());
}

function serialise(rng: Rng, event: unknown): Buffer {
	const form = pick(rng, ['compact', 'compact', 'pretty', 'ascii']);
	let text = form === 'pretty' ? JSON.stringify(event, null, 2) : JSON.stringify(event);
	if (form === 'ascii') text = text.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
	return Buffer.from(text, 'utf8');
}

/** A delivery as GHL sends it: these bytes, signed with the trusted keys. */
function genuineWire(rng: Rng, bytes: Buffer): Wire {
	const scheme = pick(rng, ['ed25519', 'ed25519', 'ed25519', 'ed25519', 'both', 'rsa'] as const);
	const headers: Array<[string, string]> = [['content-type', pick(rng, GOOD_CONTENT_TYPES)], ...signatures(bytes, trusted, scheme)];
	if (scheme === 'ed25519' && chance(rng, 0.1)) headers.push(['x-wh-signature', 'N/A']);
	if (chance(rng, 0.2)) headers.push(['user-agent', 'GHL-Webhooks/1.0']);
	return { body: bytes, headers };
}

function replaceHeader(wire: Wire, name: string, value: string | undefined): Wire {
	const headers = wire.headers.filter(([header]) => header !== name);
	if (value !== undefined) headers.push([name, value]);
	return { ...wire, headers };
}

const headerOf = (wire: Wire, name: string) => wire.headers.find(([header]) => header === name)?.[1];

type Mutation = (rng: Rng, event: IDataObject, now: number, history: Wire[]) => Wire | undefined;

/** Re-signed genuinely: what GHL signed at some time, captured and sent now (or GHL's own odd envelope). */
function resigned(change: (event: IDataObject, rng: Rng, now: number) => unknown): Mutation {
	return (rng, event, now) => genuineWire(rng, serialise(rng, change(structuredClone(event), rng, now)));
}

const SIGNATURE_HEADERS = ['x-ghl-signature', 'x-wh-signature'];

/**
 * The genuine delivery with every signature it carries changed. (One valid signature is proof
 * enough, by design: GHL's Ed25519 key comes from unofficial sources, and its RSA key keeps
 * deliveries verifiable if that one is wrong. So changing one of two leaves a genuine delivery.)
 */
function resignature(change: (signature: string, rng: Rng) => string | undefined): Mutation {
	return (rng, event) => {
		let wire = genuineWire(rng, serialise(rng, event));
		for (const name of SIGNATURE_HEADERS) {
			const signature = headerOf(wire, name);
			if (signature === undefined || signature === 'N/A') continue;
			const changed = change(signature, rng);
			if (changed === undefined || changed === signature) return undefined;
			wire = replaceHeader(wire, name, changed);
		}
		return wire;
	};
}

const MUTATIONS: Record<string, Mutation> = {
	flipBit: (rng, event) => {
		const wire = genuineWire(rng, serialise(rng, event));
		const body = Buffer.from(wire.body!);
		body[Math.floor(rng() * body.length)] ^= 1 << Math.floor(rng() * 8);
		return { ...wire, body };
	},
	truncate: (rng, event) => {
		const wire = genuineWire(rng, serialise(rng, event));
		return { ...wire, body: wire.body!.subarray(0, Math.floor(rng() * wire.body!.length)) };
	},
	appendWhitespace: (rng, event) => {
		const wire = genuineWire(rng, serialise(rng, event));
		return { ...wire, body: Buffer.concat([wire.body!, Buffer.from(pick(rng, [' ', '\n', '\t', '\r\n']))]) };
	},
	reserialise: (rng, event) => {
		const wire = genuineWire(rng, Buffer.from(JSON.stringify(event)));
		return { ...wire, body: Buffer.from(JSON.stringify(event, null, 1)) };
	},
	changeField: (rng, event) => {
		const wire = genuineWire(rng, serialise(rng, event));
		const changed = { ...event, [pick(rng, ['type', 'locationId', 'webhookId', 'timestamp', 'id'])]: pick(rng, ['ContactDelete', OWN_LOCATION, 'x', idOf(rng)]) };
		const body = serialise(rng, changed);
		return body.equals(wire.body!) ? undefined : { ...wire, body };
	},
	unsigned: (rng, event) => {
		const wire = genuineWire(rng, serialise(rng, event));
		return { ...wire, headers: wire.headers.filter(([name]) => !name.startsWith('x-')) };
	},
	signatureJoinedWithJunk: resignature((signature, rng) => `${signature}, ${pick(rng, ['junk', signature, 'AAAA'])}`),
	signatureTwice: (rng, event) => {
		const wire = genuineWire(rng, serialise(rng, event));
		const name = headerOf(wire, 'x-ghl-signature') ? 'x-ghl-signature' : 'x-wh-signature';
		return { ...wire, headers: [...wire.headers, [name, chance(rng, 0.5) ? headerOf(wire, name)! : 'AAAA']] };
	},
	signatureUrlSafe: resignature((signature) => signature.replace(/\+/g, '-').replace(/\//g, '_')),
	signatureUnpadded: resignature((signature) => signature.replace(/=+$/, '')),
	signatureOverPadded: resignature((signature) => `${signature}=`),
	signatureWithSpace: resignature((signature, rng) => {
		const at = 1 + Math.floor(rng() * (signature.length - 2));
		return `${signature.slice(0, at)} ${signature.slice(at)}`;
	}),
	signatureCaseSwapped: resignature((signature) => signature.replace(/[a-zA-Z]/, (char) => (char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase()))),
	signatureTruncated: resignature((signature) => signature.slice(0, -4)),
	signatureRandom: resignature((signature, rng) => Buffer.from(Array.from({ length: Buffer.from(signature, 'base64').length }, () => Math.floor(rng() * 256))).toString('base64')),
	signatureByAttacker: (rng, event) => {
		const bytes = serialise(rng, event);
		return { body: bytes, headers: [['content-type', 'application/json'], ...signatures(bytes, attacker, pick(rng, ['ed25519', 'rsa', 'both'] as const))] };
	},
	signatureOfOtherBytes: (rng, event) => {
		const wire = genuineWire(rng, serialise(rng, { ...event, webhookId: uuidOf(rng) }));
		return { ...wire, body: serialise(rng, event) };
	},
	wrongContentType: (rng, event) => replaceHeader(genuineWire(rng, serialise(rng, event)), 'content-type', pick(rng, BAD_CONTENT_TYPES)),
	noContentType: (rng, event) => replaceHeader(genuineWire(rng, serialise(rng, event)), 'content-type', undefined),
	stale: resigned((event, rng, now) => ({ ...event, timestamp: stampOf(rng, now - WINDOW_MS - 1000 - Math.floor(rng() * 86_400_000)) })),
	future: resigned((event, rng, now) => ({ ...event, timestamp: stampOf(rng, now + WINDOW_MS + 1000 + Math.floor(rng() * 86_400_000)) })),
	noTimestamp: resigned((event) => ({ ...event, timestamp: undefined })),
	unreadableTimestamp: resigned((event, rng, now) => ({
		...event,
		timestamp: pick(rng, ['yesterday', new Date(now).toISOString().slice(0, 19), true, {}, -5, 1e20, 'NaN', [now]]),
	})),
	noWebhookId: resigned((event) => ({ ...event, webhookId: undefined })),
	badWebhookId: resigned((event, rng) => ({ ...event, webhookId: pick(rng, ['', 42, null, ['a'], 'x'.repeat(201)]) })),
	notAnObject: resigned((_event, rng) => pick(rng, [[1, 2], 'text', 42, null, true])),
	invalidJson: (rng) => genuineWire(rng, Buffer.from(pick(rng, ['{"type":', 'not json', '{"a":1}}', "{'a':1}", '']))),
	invalidUtf8: (rng, event) => genuineWire(rng, Buffer.concat([Buffer.from(JSON.stringify(event).slice(0, -1)), Buffer.from([0x2c, 0x22, 0x78, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])])),
	deepNesting: (rng) => genuineWire(rng, Buffer.from(`${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`)),
	otherLocation: resigned((event) => ({ ...event, locationId: OTHER_LOCATION })),
	otherApp: resigned((event) => ({ ...event, type: 'INSTALL', appId: 'SomeoneElsesApp00001' })),
	replay: (_rng, _event, _now, history) => (history.length ? history[Math.floor(_rng() * history.length)] : undefined),
	oversized: (rng, event) => genuineWire(rng, serialise(rng, { ...event, body: 'x'.repeat(2 * 1024 * 1024) })),
	noRawBody: (rng, event) => ({ ...genuineWire(rng, serialise(rng, event)), body: undefined }),
	rawBodyAsString: (rng, event) => ({ ...genuineWire(rng, serialise(rng, event)), bodyAsString: true }),
};

/** Not attacks: GHL-signed bytes whose other signature header is spoilt (one valid signature is proof). */
function oneOfTwoSignaturesSpoilt(rng: Rng, event: IDataObject): Wire {
	const bytes = serialise(rng, event);
	const [ed25519, rsa] = signatures(bytes, trusted, 'both');
	const spoilt = (pair: [string, string]): [string, string] => [pair[0], Buffer.from(pair[1], 'base64').reverse().toString('base64')];
	return { body: bytes, headers: [['content-type', 'application/json'], ...(chance(rng, 0.5) ? [spoilt(ed25519), rsa] : [ed25519, spoilt(rsa)])] };
}

/** Mutations that cannot travel over HTTP (they play what n8n hands the node). */
const DIRECT_ONLY = new Set(['noRawBody', 'rawBodyAsString']);
/** Expensive ones, made less often. */
const RARE = new Set(['oversized', 'deepNesting']);

function generate(rng: Rng, now: number, history: Wire[], overHttp: boolean): FuzzCase {
	const event = genuineEvent(rng, now);
	if (chance(rng, 0.03)) return { wire: oneOfTwoSignaturesSpoilt(rng, event), mutation: 'none (one of two signatures spoilt)', hostile: false };
	if (chance(rng, 0.3)) return { wire: genuineWire(rng, serialise(rng, event)), mutation: 'none', hostile: false };
	const names = Object.keys(MUTATIONS).filter((name) => !(overHttp && DIRECT_ONLY.has(name)) && !(RARE.has(name) && !chance(rng, 0.05)));
	const mutation = pick(rng, names);
	const wire = MUTATIONS[mutation](rng, event, now, history);
	// A mutation that happens to change nothing (no "+" to make URL-safe, nothing accepted to replay) is a genuine delivery.
	if (!wire) return { wire: genuineWire(rng, serialise(rng, event)), mutation: 'none', hostile: false };
	return { wire, mutation, hostile: true };
}

// ---------------------------------------------------------------------------
// Tallies

interface Tally {
	deliveries: number;
	genuine: number;
	hostile: number;
	started: number;
	falseAccepts: string[];
	falseRefusals: string[];
	crashes: string[];
	answers: Record<string, number>;
	mutations: Record<string, number>;
}

function newTally(): Tally {
	return { deliveries: 0, genuine: 0, hostile: 0, started: 0, falseAccepts: [], falseRefusals: [], crashes: [], answers: {}, mutations: {} };
}

function record(tally: Tally, fuzzCase: FuzzCase, answer: string, started: boolean): void {
	tally.deliveries++;
	tally[fuzzCase.hostile ? 'hostile' : 'genuine']++;
	tally.mutations[fuzzCase.mutation] = (tally.mutations[fuzzCase.mutation] ?? 0) + 1;
	tally.answers[answer] = (tally.answers[answer] ?? 0) + 1;
	if (started) tally.started++;
	const label = `#${tally.deliveries} ${fuzzCase.mutation} → ${answer}`;
	if (started && fuzzCase.hostile) tally.falseAccepts.push(label);
	if (!started && !fuzzCase.hostile) tally.falseRefusals.push(label);
}

function report(name: string, tally: Tally): void {
	if (!process.env.SECURITY_REPORT) return;
	const { falseAccepts, falseRefusals, crashes, ...counts } = tally;
	process.stdout.write(
		`${name} (seed ${FUZZ_SEED}): ${JSON.stringify({ ...counts, falseAccepts: falseAccepts.length, falseRefusals: falseRefusals.length, crashes: crashes.length })}\n`,
	);
}

/** The request as Node's HTTP server would hand it over: lower-case names, repeats joined (content-type: first kept). */
function incoming(wire: Wire): IncomingRequest {
	const headers: IDataObject = {};
	for (const [name, value] of wire.headers) {
		const key = name.toLowerCase();
		if (headers[key] === undefined) headers[key] = value;
		else if (key !== 'content-type') headers[key] = `${headers[key] as string}, ${value}`;
	}
	return { headers, rawHeaders: wire.headers.flat(), rawBody: wire.bodyAsString ? wire.body?.toString('utf8') : wire.body };
}

const filters: EventFilters = { locations: [OWN_LOCATION], appId: OWN_APP, events: ['*'] };

// ---------------------------------------------------------------------------

describe(`fuzz (seed ${FUZZ_SEED})`, () => {
	test(`${DIRECT_DELIVERIES} generated deliveries through the node's checks: 0 false accepts, 0 crashes, no genuine one refused`, () => {
		const rng = mulberry32(FUZZ_SEED);
		const now = Date.parse('2026-03-01T12:00:00.000Z');
		const policy: DeliveryPolicy = { verification: 'ghlSignature', keys: { ed25519: [trusted.ed25519.publicKey], rsa: [trusted.rsa.publicKey] }, windowMs: WINDOW_MS };
		const staticData: IDataObject = {};
		const scope = `fuzz/${FUZZ_SEED}/${Date.now()}`;
		const history: Wire[] = [];
		const tally = newTally();
		for (let index = 0; index < DIRECT_DELIVERIES; index++) {
			const fuzzCase = generate(rng, now, history, false);
			let answer: string;
			let started = false;
			try {
				// The order of GhlTrigger.webhook(): authenticity and envelope, then filters, then the id memory.
				const verdict = checkDelivery(incoming(fuzzCase.wire), policy, now);
				if (!verdict.accepted) {
					answer = String(verdict.status);
				} else if (!isWanted(viewOf(verdict.body), verdict.body, filters)) {
					answer = '200 filtered';
				} else {
					const recall = replayMemory(staticData, scope, WINDOW_MS, now).remember(verdict.webhookId!, verdict.stampedAt);
					started = recall === 'first';
					answer = started ? '200 started' : recall === 'repeat' ? '200 repeat' : '429';
				}
			} catch (error) {
				answer = 'crash';
				tally.crashes.push(`#${index} ${fuzzCase.mutation}: ${(error as Error).message}`);
			}
			if (started) history.push(fuzzCase.wire);
			record(tally, fuzzCase, answer, started);
		}
		report('direct', tally);
		expect(tally.crashes).toEqual([]);
		expect(tally.falseAccepts).toEqual([]);
		expect(tally.falseRefusals).toEqual([]);
		expect(tally.deliveries).toBe(DIRECT_DELIVERIES);
		// Every mutation was exercised, and the run was not trivially all-refused.
		for (const name of Object.keys(MUTATIONS)) expect({ name, tried: (tally.mutations[name] ?? 0) > 0 }).toEqual({ name, tried: true });
		expect(tally.started).toBe(tally.genuine);
		expect(tally.genuine).toBeGreaterThan(DIRECT_DELIVERIES / 5);
	}, 120_000);

	test(`${HTTP_DELIVERIES} generated deliveries over HTTP into the node in n8n-core: 0 false accepts, 0 crashes`, async () => {
		const server = new TriggerServer({
			events: ['*'],
			locationIds: OWN_LOCATION,
			options: { publicKeys: `${pem(trusted.ed25519.publicKey)}\n${pem(trusted.rsa.publicKey)}`, useBuiltInKeys: false, appId: OWN_APP },
		});
		await server.start();
		try {
			const rng = mulberry32(FUZZ_SEED + 1);
			const history: Wire[] = [];
			const tally = newTally();
			for (let index = 0; index < HTTP_DELIVERIES; index++) {
				const fuzzCase = generate(rng, Date.now(), history, true);
				const before = server.started.length;
				const status = await post(server.url, fuzzCase.wire);
				const started = server.started.length > before;
				const delivery = server.deliveries[server.deliveries.length - 1];
				if (status >= 500 || delivery?.error) tally.crashes.push(`#${index} ${fuzzCase.mutation}: ${status} ${delivery?.error?.message ?? ''}`);
				if (started) history.push(fuzzCase.wire);
				record(tally, fuzzCase, String(status), started);
			}
			report('http', tally);
			expect(tally.crashes).toEqual([]);
			expect(tally.falseAccepts).toEqual([]);
			expect(tally.falseRefusals).toEqual([]);
			expect(tally.started).toBe(tally.genuine);
			expect(tally.genuine).toBeGreaterThan(HTTP_DELIVERIES / 5);
		} finally {
			await server.close();
		}
	}, 120_000);
});

async function post(url: string, wire: Wire): Promise<number> {
	const headers: Record<string, string[]> = {};
	for (const [name, value] of wire.headers) (headers[name] ??= []).push(value);
	return await new Promise((resolve, reject) => {
		const req = request(url, { method: 'POST' }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', reject);
		for (const [name, values] of Object.entries(headers)) req.setHeader(name, values.length === 1 ? values[0] : values);
		const body = wire.body ?? Buffer.alloc(0);
		req.setHeader('content-length', body.length);
		req.end(body);
	});
}

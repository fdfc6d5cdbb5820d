/**
 * The one sync pattern every template follows (templates/README.md, "How every template syncs"):
 *
 *   plan (validate, key + hash, skip what is already synced) → write (each write node routes its
 *   failures to its error output) → record as done (only items whose writes all succeeded).
 *
 * Failed and invalid items end in one "Failed items" node with the step and the reason; nothing
 * records them, so the next run (or the catch-up) tries them again. Side records (notes, tasks,
 * partner tasks/activities) carry a `[sync:<kind>:<event id>]` marker and are looked up first.
 */
import { code, contactById, ghl, http, ifTrue, upsertContact, type Link, type N8nNode, type StickyNote } from './lib';

type Position = [number, number];

/**
 * Code-node functions for the sync ledger: `$getWorkflowStaticData('global').synced`, one entry per
 * record key with the hash of what this workflow last wrote for it. n8n keeps static data for an
 * active workflow's trigger/webhook runs (not for manual runs, which write again harmlessly).
 */
export const LEDGER = `
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.keys(value).sort().reduce((out, key) => { out[key] = canonical(value[key]); return out; }, {});
  }
  return value === undefined ? null : value;
}
function syncHash(value) {
  // FNV-1a over canonical JSON (Code nodes may not load crypto): equal content, equal hash.
  const text = JSON.stringify(canonical(value));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return ('0000000' + hash.toString(16)).slice(-8);
}
function syncLedger() {
  const data = $getWorkflowStaticData('global');
  if (!data.synced || typeof data.synced !== 'object') data.synced = {};
  return data.synced;
}
function alreadySynced(key, hash) {
  const entry = syncLedger()[key];
  return !!entry && entry.hash === hash;
}
`;

/**
 * Code-node function: the app record of a GHL contact (the "any app" syncs), `head` fields first
 * (its externalId, its sub-account), then the contact's own, then `tail`.
 */
export const CONTACT_RECORD = `
function contactRecord(contact, head, tail) {
  const text = (value) => (value === null || value === undefined ? '' : String(value).trim());
  return Object.assign({}, head, {
    ghlContactId: contact.id,
    firstName: text(contact.firstName),
    lastName: text(contact.lastName),
    email: text(contact.email).toLowerCase(),
    phone: text(contact.phone),
    companyName: text(contact.companyName),
    city: text(contact.city),
    country: text(contact.country),
    source: text(contact.source),
    tags: (contact.tags || []).map(String).sort(),
    dateAdded: text(contact.dateAdded),
  }, tail);
}
`;

/** HTTP Request node of the "any app" syncs: one page of records (`$json.records`) upserted by the app. */
export function sendPageToApp(position: Position): N8nNode {
	return errorOutput(
		http(SEND_PAGE, position, {
			method: 'POST',
			url: "={{ $('Config').first().json.anyAppUrl }}/records",
			credential: 'anyAppApi',
			jsonBody: 'JSON.stringify({ records: $json.records })',
			batchIntervalMs: 200,
		}),
	);
}

export const SEND_PAGE = 'Send the page to the app';

/**
 * Code-node function: `readsByItem(count, nodes)` groups what each read node (a HighLevel Get or Get
 * Many run once per item of a list of `count` items, its records paired with their item) returned,
 * by item, and says which items had a read fail (those are on the nodes' error outputs).
 */
export const READS_BY_ITEM = `
function readsByItem(count, nodes) {
  const failed = new Set();
  const groups = {};
  for (const node of nodes) {
    let errors = [];
    try { errors = $(node).all(1); } catch (error) { errors = []; }
    errors.forEach((item) => failed.add(item.pairedItem && item.pairedItem.item));
    groups[node] = Array.from({ length: count }, () => []);
    for (const item of $(node).all()) {
      const at = item.pairedItem && item.pairedItem.item;
      if (groups[node][at] && item.json && item.json.id) groups[node][at].push(item.json);
    }
  }
  return { failed, of: (node) => groups[node] };
}
`;

/** Entries the ledger keeps (oldest dropped first); far above any polling window's records. */
export const LEDGER_SIZE = 20000;

/** Code-node lines that drop the oldest entries of `ledger` beyond LEDGER_SIZE (after a run's writes are recorded). */
export const LEDGER_TRIM = `const keys = Object.keys(ledger);
if (keys.length > ${LEDGER_SIZE}) {
  keys.sort((a, b) => ledger[a].at - ledger[b].at).slice(0, keys.length - ${LEDGER_SIZE}).forEach((key) => delete ledger[key]);
}
`;

/**
 * Marks each incoming item's record as synced: the last node of the success path. Items carry
 * their syncKey/syncHash, or are paired with an item of `sourceNode` that does.
 */
export function recordDone(name: string, position: Position, sourceNode: string): N8nNode {
	return code(
		name,
		position,
		`${LEDGER}
// Runs only for items whose writes all succeeded.
const ledger = syncLedger();
const now = Date.now();
const out = [];
for (const [index, item] of $input.all().entries()) {
  const plan = item.json.syncKey ? item.json : $('${sourceNode}').itemMatching(index).json;
  ledger[plan.syncKey] = { hash: plan.syncHash, at: now };
  out.push({ json: { syncKey: plan.syncKey, syncHash: plan.syncHash, synced: true }, pairedItem: { item: index } });
}
${LEDGER_TRIM}return out;
`,
	);
}

/**
 * The visible end of every failure: invalid items and the error outputs of the write nodes.
 * A Set node the user wires to Slack or email; the items keep the record key, step and reason.
 */
export function failedItems(position: Position, planNode: string, alsoFrom: string[] = []): N8nNode {
	const sources = JSON.stringify([...alsoFrom, planNode]).replace(/"/g, "'");
	return {
		id: '',
		name: FAILED_ITEMS,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position,
		parameters: {
			mode: 'manual',
			assignments: {
				assignments: [
					{ id: 'a1f0c2de-0001-4000-8000-000000000001', name: 'record', type: 'string', value: `={{ $json.syncKey || (() => { for (const node of ${sources}) { try { const key = $(node).item.json.syncKey; if (key) return key; } catch (error) { /* not on this item's path */ } } return ''; })() }}` },
					{ id: 'a1f0c2de-0002-4000-8000-000000000002', name: 'failedStep', type: 'string', value: '={{ $prevNode.name }}' },
					{
						id: 'a1f0c2de-0003-4000-8000-000000000003',
						name: 'reason',
						type: 'string',
						value:
							// GHL node errors are text; HTTP Request errors are objects: status, the partner's own answer, n8n's hint.
							"={{ $json.invalidReason || (typeof $json.error === 'string' ? $json.error : ($json.error && [$json.error.statusCode || $json.error.status || $json.error.httpCode, typeof $json.error.error === 'string' ? $json.error.error : '', $json.error.description, $json.error.message].filter(Boolean).join(' ').slice(0, 500))) || 'failed' }}",
					},
				],
			},
			includeOtherFields: false,
			options: {},
		},
		notes: 'Wire this to Slack, email or a sheet. These items were not recorded as synced, so the next run tries them again.',
		notesInFlow: true,
	};
}

export const FAILED_ITEMS = 'Failed items';

export function failedItemsSticky(position: Position): StickyNote {
	return {
		content:
			'### Failed items\nInvalid records and every write that failed (GHL or partner error, timeout, rate limit) end here with `record`, `failedStep` and `reason`. They are **not** recorded as synced: the next run or the catch-up writes them. Connect a Slack / email node here, and set *Settings › Error Workflow* for failures outside the items (e.g. a partner listing that cannot be read).',
		position,
		width: 380,
		height: 220,
		color: 3,
	};
}

/** The node, with its failures on a second ("error") output instead of stopping the run. */
export function errorOutput(node: N8nNode): N8nNode {
	return { ...node, onError: 'continueErrorOutput' };
}

/**
 * Says for each item whether its side record is there already: `lookupNode` listed the existing
 * records (one output item per record, paired with its input item; failures on its error output,
 * which drop out here), `feederNode` fed it. Outputs the feeder's items with `exists`.
 */
export function markerCheck(name: string, position: Position, opts: { feederNode: string; lookupNode: string; textOf: string }): N8nNode {
	return code(
		name,
		position,
		`
// An item is there already when one of its records contains its marker (a replayed event, or
// one the catch-up sees again). Items whose lookup failed are on the error output (Failed items).
const wanted = $('${opts.feederNode}').all();
let failed = [];
try { failed = $('${opts.lookupNode}').all(1); } catch (error) { failed = []; }
const failedIndexes = new Set(failed.map((item) => item.pairedItem && item.pairedItem.item));
// The lookup's own output, not $input: n8n 2.x renumbers an input's pairedItem to its position in
// that input, and only the lookup's output still says which wanted item each record belongs to.
const records = $('${opts.lookupNode}').all();
const out = [];
wanted.forEach((entry, index) => {
  if (failedIndexes.has(index)) return;
  const own = records.map((item, at) => ({ item, at })).filter(({ item }) => {
    const paired = [].concat(item.pairedItem || []);
    return paired.some((p) => p && p.item === index);
  });
  const texts = own.filter(({ item }) => Object.keys(item.json).length > 0).map(({ item }) => String(${opts.textOf} || ''));
  const exists = texts.some((text) => text.includes(entry.json.marker));
  out.push({ json: Object.assign({}, entry.json, { exists }), pairedItem: { item: own.length ? own[0].at : 0 } });
});
return out;
`,
	);
}

/** `markerText('lsq-activity', id)` as a JS expression: "[sync:lsq-activity:<id>]". */
export function marker(kind: string, idExpression: string): string {
	return `'[sync:${kind}:' + ${idExpression} + ']'`;
}

export interface ContactSyncOptions {
	templateId: string;
	/** The Code node whose items carry syncKey, syncHash, email, phone, the contact fields, tags, marker and the side record's fields. */
	planNode: string;
	/** Where the chain starts (x, y); nodes go right from there. */
	at: Position;
	/** Contact fields written on every sync (never `source`). */
	contactFields: Record<string, unknown>;
	/** Expression for `source`, written only when the upsert created the contact. */
	sourceExpression: string;
	auth?: 'pit' | 'oauth';
	phone?: string;
	/** The side record created once per source event: a note, or a task (its marker in the plan's `marker`). */
	side?: { kind: 'note' | 'task'; label: string; params: Record<string, unknown> };
	/** Several side records, created in this order; each names the plan field that holds its marker. */
	sides?: Array<{ kind: 'note' | 'task'; label: string; params: Record<string, unknown>; markerKey: string }>;
	/**
	 * Read the contact first and write nothing when it already holds the plan's `contactFields`
	 * and tags and the record was synced before: the echo of a change the other template of a
	 * two-way pair made.
	 */
	compare?: boolean;
	/** Nodes before the plan whose items carry syncKey (for Failed items of the steps before it). */
	failedAlsoFrom?: string[];
}

/**
 * Code: drops the plan items the GHL contact (input item; an error item when none was found)
 * already matches, when this workflow synced the record before: the echo of a change the other
 * direction of a two-way pair wrote. They are recorded as synced here, as nothing is left to write.
 */
export function compareWithContact(name: string, position: Position, planNode: string): N8nNode {
	return code(
		name,
		position,
		`${LEDGER}
// Equal content (after GHL's own normalising: lower-case email, E.164 phone, ISO dates) for a
// record synced before means the change came from this sync itself. A record never recorded
// (e.g. its note failed last time) goes on, so its side record is still written.
const digits = (value) => String(value || '').replace(/\\D/g, '');
const text = (value) => String(value === null || value === undefined ? '' : value).trim();
const same = (key, wanted, current) => {
  if (key === 'email') return text(wanted).toLowerCase() === text(current).toLowerCase();
  if (key === 'phone') return digits(wanted) === digits(current);
  if (key === 'dateOfBirth') return text(wanted).slice(0, 10) === text(current).slice(0, 10);
  return text(wanted) === text(current);
};
const ledger = syncLedger();
const out = [];
for (const [index, item] of $input.all().entries()) {
  const plan = $('${planNode}').itemMatching(index).json;
  const current = item.json && item.json.id && !item.json.error ? item.json : null;
  let differences = [];
  if (!current) differences = ['new contact'];
  else {
    const fields = plan.contactFields || {};
    differences = Object.keys(fields).filter((key) => text(fields[key]) !== '' && !same(key, fields[key], current[key]));
    const has = (current.tags || []).map((tag) => String(tag).toLowerCase());
    const tags = String(plan.tags || '').split(',').map((tag) => tag.trim().toLowerCase()).filter(Boolean);
    if (tags.some((tag) => !has.includes(tag))) differences.push('tags');
    for (const [channel, status] of Object.entries(plan.dndSettings || {})) {
      const setting = (current.dndSettings || {})[channel];
      if (((setting && setting.status) || 'inactive') !== status) differences.push('dnd.' + channel);
    }
    // GHL answers custom fields by id, a mapping may name them by key: a value named by key counts
    // as there when some custom field of the contact holds it.
    const values = (current.customFields || []).map((field) => ({ id: field.id, value: text([].concat(field.value).join(', ')) }));
    for (const [key, wanted] of Object.entries(plan.customFields || {})) {
      const byId = values.find((field) => field.id === key);
      if (byId ? byId.value !== text(wanted) : !values.some((field) => field.value === text(wanted))) differences.push('customFields.' + key);
    }
  }
  if (differences.length === 0 && ledger[plan.syncKey]) {
    ledger[plan.syncKey] = { hash: plan.syncHash, at: Date.now() };
    continue;
  }
  out.push({ json: Object.assign({}, plan, { differences }), pairedItem: { item: index } });
}
return out;
`,
	);
}

/**
 * valid? → upsert the contact (source only on a new contact) → look the side record up → create
 * it when missing → record as synced. Every failure goes to Failed items.
 */
export function contactSync(opts: ContactSyncOptions): { nodes: N8nNode[]; links: Link[] } {
	const [x, y] = opts.at;
	const auth = opts.auth ?? 'pit';
	const sides = opts.sides ?? (opts.side ? [{ ...opts.side, markerKey: 'marker' }] : []);
	const upsert = errorOutput({
		...upsertContact('Create or update GHL contact', [x + 220, y], opts.contactFields, { auth, phone: opts.phone }),
	});
	upsert.parameters.simplify = false;
	const compareNodes: N8nNode[] = opts.compare
		? [
				{
					// A contact that is not there (or cannot be read) is written: the upsert is safe to repeat.
					...ghl('Find the GHL contact', [x + 220, y + 200], 'contact', 'get', { contactId: { __rl: true, mode: 'email', value: '={{ $json.email }}' } }, auth),
					onError: 'continueRegularOutput',
				},
				compareWithContact('Compare with the GHL contact', [x + 440, y + 200], opts.planNode),
			]
		: [];
	const nodes: N8nNode[] = [
		ifTrue('Valid?', [x, y], '$json.valid', opts.templateId),
		...compareNodes,
		upsert,
		ifTrue('New contact?', [x + 440, y - 200], '$json.new === true', opts.templateId),
		errorOutput(
			ghl('Set source on the new contact', [x + 660, y - 200], 'contact', 'update', {
				contactId: contactById('$json.contact.id'),
				updateFields: { source: `={{ ${opts.sourceExpression} }}` },
			}, auth),
		),
	];
	const links: Link[] = [
		...((opts.compare
			? [
					['Valid?', 'Find the GHL contact', 0],
					['Find the GHL contact', 'Compare with the GHL contact', 0],
					['Compare with the GHL contact', 'Create or update GHL contact', 0],
				]
			: [['Valid?', 'Create or update GHL contact', 0]]) as Link[]),
		['Valid?', FAILED_ITEMS, 1],
		['Create or update GHL contact', 'New contact?', 0],
		['Create or update GHL contact', FAILED_ITEMS, 1],
		['New contact?', 'Set source on the new contact', 0],
		['Set source on the new contact', FAILED_ITEMS, 1],
	];
	// One stage per side record: look up, create when missing. A stage's items come from the
	// previous stage's create (paired with its check) or its "already there" branch (the check's own items).
	let from: Array<[string, number]> = [['Create or update GHL contact', 0]];
	let previousCheck = '';
	const failedFrom: string[] = [];
	sides.forEach((side, stage) => {
		const sx = x + 440 + stage * 1320;
		const wanted = `${side.label} wanted`;
		const existing = `Existing ${side.kind}s of the contact`;
		const check = `${side.label} there already?`;
		const missing = `${side.label} missing?`;
		const create = `Create ${side.label.toLowerCase()}`;
		const base = stage === 0
			? `Object.assign({}, $('${opts.planNode}').itemMatching(index).json, { contactId: item.json.contact.id })`
			: `(item.json.syncKey ? item.json : $('${previousCheck}').itemMatching(index).json)`;
		nodes.push(
			code(wanted, [sx, y], `
// The plan of each written record, the contact it went to and this record's marker.
return $input.all().map((item, index) => {
  const plan = ${base};
  return { json: Object.assign({}, plan, { marker: plan['${side.markerKey}'] }), pairedItem: { item: index } };
});
`),
			{
				...errorOutput(ghl(existing, [sx + 220, y], side.kind, 'getAll', { contactId: contactById('$json.contactId'), returnAll: true }, auth)),
				// One empty item when no contact has any yet, so the check still runs.
				alwaysOutputData: true,
			},
			markerCheck(check, [sx + 440, y], { feederNode: wanted, lookupNode: existing, textOf: side.kind === 'note' ? 'item.json.body' : "(item.json.title || '') + ' ' + (item.json.body || '')" }),
			ifTrue(missing, [sx + 660, y], '!$json.exists', opts.templateId),
			errorOutput(ghl(create, [sx + 880, y - 100], side.kind, 'create', { contactId: contactById('$json.contactId'), ...side.params }, auth)),
		);
		for (const [node, output] of from) links.push([node, wanted, output]);
		links.push([wanted, existing, 0], [existing, check, 0], [existing, FAILED_ITEMS, 1], [check, missing, 0], [missing, create, 0], [create, FAILED_ITEMS, 1]);
		from = [[create, 0], [missing, 1]];
		previousCheck = check;
		failedFrom.push(wanted, check);
	});
	nodes.push(
		recordDone('Record as synced', [x + 440 + sides.length * 1320, y], previousCheck),
		failedItems([x + 440 + sides.length * 1320, y + 300], opts.planNode, [...failedFrom.reverse(), ...(opts.failedAlsoFrom ?? [])]),
	);
	for (const [node, output] of from) links.push([node, 'Record as synced', output]);
	return { nodes, links };
}

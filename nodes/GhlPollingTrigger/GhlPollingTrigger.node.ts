import { createHash } from 'crypto';
import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { credentials } from '../shared/authentication';
import { getLocationId, usesAgency } from '../shared/transport';
import { searchSubAccounts } from '../Ghl/methods/listSearch';
import { getForms, getSurveys } from '../Ghl/methods/loadOptions';
import { DEFAULT_CONCURRENCY, mapInOrder } from '../shared/concurrency';
import { advanceWindow, compareStamped, isWindowState, newWindow, toMillis } from './cursor';
import type { Stamped, WindowState } from './cursor';
import {
	APPOINTMENT_CREATED,
	CONTACT_CREATED,
	CONTACT_UPDATED,
	FORM_SUBMITTED,
	NOTE_CREATED,
	OPPORTUNITY_CHANGED,
	pollingProperties,
	SURVEY_SUBMITTED,
	TASK_CHANGED,
} from './description';
import {
	allTasks,
	appointmentsBetween,
	calendarIdsOf,
	contactsChangedSince,
	contactsPage,
	latestContacts,
	latestOpportunities,
	latestSubmissions,
	notesOf,
	opportunitiesChangedSince,
	submissionsSince,
	withoutPaging,
} from './sources';
import type { DateField, SubmissionKind } from './sources';

/*
 * How each event is read (GHL has no "changes since" feed for a Private Integration):
 *
 * - New Contact / Updated Contact: POST /contacts/search filtered on dateAdded / dateUpdated ≥ the
 *   cursor, sorted ascending, every page read with searchAfter. Exact (see cursor.ts).
 * - New Form Submission / New Survey Submission: GET /forms|surveys/submissions from the day of the
 *   cursor (GHL filters by day only), newest first, page by page until a page reaches back past the
 *   cursor; new = createdAt past the cursor. Submissions never change, so there are no updates.
 * - New or Updated Opportunity: POST /opportunities/search filtered on date_updated ≥ the cursor,
 *   sorted ascending, each page asked again from the last updatedAt read. Exact like contacts.
 * - New or Updated Task: POST /locations/{locationId}/tasks/search lists every task of the location,
 *   whatever contact it is on, in one walk (skip/limit). Task changes are told apart by their
 *   fingerprint (title, body, due date, completed, assignee): a task whose fingerprint differs from
 *   the one remembered is updated, one never seen is new (unless dated before the first poll).
 * - New Note: GHL lists notes only per contact (GET /contacts/{id}/notes). "Contacts Updated Since
 *   Last Poll" reads the notes of the contacts whose dateUpdated moved (one request per changed
 *   contact): cheap, but a note added without the contact's dateUpdated changing is not seen — GHL
 *   does not document whether adding one touches the contact. "All Contacts" reads every contact's
 *   notes (one request per contact per poll, spread over several polls when the poll budget runs
 *   out): complete, costly. Notes carry dateAdded, so they use the same cursor as contacts.
 * - New Appointment: GET /calendars/events per calendar (start times from Look Back to Look Ahead),
 *   new = dateAdded past the cursor. Independent of contact changes; appointments starting outside
 *   that range are not seen.
 */

const STATE_KEY = 'ghlPollingCursor';
const MANUAL_SAMPLES = 5;
const MAX_FINGERPRINTS = 20_000;
const MAX_RETRY_CONTACTS = 1_000;
const DEFAULT_POLL_BUDGET_MS = 5 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

interface Sweep {
	/** searchAfter of the last contact read; undefined = start from the first contact. */
	after?: unknown[];
	/** Local time the sweep started: nothing newer than this is known to be covered. */
	startedAt: number;
	/** The first sweep after activation only remembers, it emits nothing. */
	baseline: boolean;
}

interface PollState {
	/** Event and settings the state belongs to; a change starts over. */
	key: string;
	/** Cursor over the emitted records (contacts, notes or appointments). */
	window?: WindowState;
	/** Contacts already read for their notes / tasks ("updated" mode). */
	contacts?: WindowState;
	/** Task id → fingerprint of the version last seen. */
	fingerprints?: Record<string, string>;
	/** Progress through all contacts ("all" mode). */
	sweep?: Sweep;
	/** Local time of the first poll minus the overlap: older tasks first seen are not new. */
	floor?: number;
	/** Contacts whose notes / tasks could not be read: read again first on the next poll. */
	retry?: string[];
}

interface PollContext {
	state?: PollState;
	key: string;
	baselineSince: number;
	emitExisting: boolean;
	overlapMs: number;
	startedAt: number;
	deadline: number;
}

interface PollResult {
	items: IDataObject[];
	state: PollState;
	/** True when this poll only established where to start. */
	baseline: boolean;
}

function stamp(record: IDataObject, field: string): Stamped<IDataObject> {
	return { id: String(record.id ?? ''), ts: toMillis(record[field]), record };
}

function listOf(value: unknown): string[] {
	return String(value ?? '')
		.split(/[\s,;]+/)
		.map((entry) => entry.trim())
		.filter(Boolean);
}

function fingerprint(task: IDataObject): string {
	const material = JSON.stringify([task.title, task.body, task.dueDate, task.completed, task.assignedTo]);
	return createHash('sha256').update(material).digest('hex').slice(0, 16);
}

/** A list that can be read from a point in time on, oldest first or not (the cursor sorts). */
interface WindowSource {
	/** The record's timestamp the cursor runs on. */
	field: string;
	changedSince: (since: number) => Promise<IDataObject[]>;
	/** GHL's newest record by `field` (anchors the first poll to GHL's clock). */
	newest: () => Promise<IDataObject | undefined>;
}

/** Reads a source through the time window (see cursor.ts): each record version once. */
async function pollWindow(this: IPollFunctions, ctx: PollContext, source: WindowSource): Promise<PollResult> {
	let window = ctx.state?.window;
	if (!window) {
		let since = ctx.baselineSince;
		if (!ctx.emitExisting) {
			// GHL stamps records with its own clock: if that runs behind ours, start from GHL's newest
			// record, or changes stamped before our "now" would fall outside the window.
			const newestTs = toMillis((await source.newest())?.[source.field]);
			if (Number.isFinite(newestTs)) since = Math.min(since, newestTs - ctx.overlapMs);
		}
		window = newWindow(since);
	}
	const records = await source.changedSince(window.since);
	// The cursor never passes this poll's start: a record dated in the future (or a GHL clock ahead
	// of ours) must not move it past records still to come.
	const { fresh, next } = advanceWindow(
		window,
		records.map((record) => stamp(record, source.field)),
		ctx.overlapMs,
		ctx.startedAt - ctx.overlapMs,
	);
	return { items: fresh.map(({ record }) => record), state: { key: ctx.key, window: next }, baseline: !ctx.state };
}

async function pollContacts(this: IPollFunctions, ctx: PollContext, field: DateField): Promise<PollResult> {
	const result = await pollWindow.call(this, ctx, {
		field,
		changedSince: async (since) => await contactsChangedSince.call(this, field, since),
		newest: async () => (await latestContacts.call(this, field, 1))[0],
	});
	let items = result.items.map(withoutPaging);
	if (field === 'dateUpdated') {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		if (options.includeNewContacts !== true) {
			items = items.filter((contact) => toMillis(contact.dateAdded) !== toMillis(contact.dateUpdated));
		}
	}
	return { ...result, items };
}

function submissionKind(event: string): SubmissionKind {
	return event === FORM_SUBMITTED ? 'form' : 'survey';
}

/** The form or survey to watch; empty = all of the location's. */
function ownerIdOf(this: IPollFunctions, event: string): string | undefined {
	const value = String(this.getNodeParameter(event === FORM_SUBMITTED ? 'formId' : 'surveyId', '') ?? '').trim();
	return value || undefined;
}

async function pollSubmissions(this: IPollFunctions, ctx: PollContext, event: string): Promise<PollResult> {
	const kind = submissionKind(event);
	const ownerId = ownerIdOf.call(this, event);
	return await pollWindow.call(this, ctx, {
		field: 'createdAt',
		changedSince: async (since) => await submissionsSince.call(this, kind, since, ownerId),
		newest: async () => (await latestSubmissions.call(this, kind, 1, ownerId))[0],
	});
}

async function pollOpportunities(this: IPollFunctions, ctx: PollContext): Promise<PollResult> {
	return await pollWindow.call(this, ctx, {
		field: 'updatedAt',
		changedSince: async (since) => await opportunitiesChangedSince.call(this, since),
		newest: async () => (await latestOpportunities.call(this, 1))[0],
	});
}

/** Reads the notes of the contacts to check; returns them and how the contact cursor moves. */
async function readChildren(
	this: IPollFunctions,
	ctx: PollContext,
	readList: (contactId: string) => Promise<IDataObject[]>,
): Promise<{ children: IDataObject[]; complete: boolean; ceiling: number; state: Partial<PollState>; baseline: boolean }> {
	const mode = this.getNodeParameter('contactsToCheck', 'updated') as string;
	const children: IDataObject[] = [];

	// One contact whose list cannot be read must not stall the others: it is kept for the next poll
	// (and the notes cursor stays where it is so its notes are still new then). Only when every read
	// fails does the poll fail as a whole, leaving the state as it was.
	const failed: string[] = [];
	let firstFailure: unknown;
	let readsSucceeded = 0;
	const read = async (contactId: string): Promise<IDataObject[]> => {
		try {
			const list = await readList(contactId);
			readsSucceeded++;
			return list;
		} catch (error) {
			const status = Number((error as { httpCode?: string }).httpCode);
			if (status === 404 || status === 400) {
				// The contact is gone: nothing of it is left to read.
				readsSucceeded++;
				return [];
			}
			failed.push(contactId);
			firstFailure ??= error;
			return [];
		}
	};
	const finish = <T extends { ceiling: number; state: Partial<PollState> }>(result: T): T => {
		if (failed.length && readsSucceeded === 0) throw firstFailure;
		return {
			...result,
			ceiling: failed.length ? -Infinity : result.ceiling,
			state: { ...result.state, retry: failed.length ? [...new Set(failed)].slice(0, MAX_RETRY_CONTACTS) : undefined },
		};
	};
	// Per-contact reads go DEFAULT_CONCURRENCY at a time (the pacer keeps GHL's limit), started in
	// contact order, and none starts once the poll budget is spent (after at least one read this poll).
	let readThisPoll = 0;
	const readInOrder = async (contactIds: string[]): Promise<IDataObject[][]> => {
		const lists = await mapInOrder(contactIds, DEFAULT_CONCURRENCY, read, (started) => Date.now() > ctx.deadline && readThisPoll + started > 0);
		readThisPoll += lists.length;
		return lists;
	};
	children.push(...(await mapInOrder(ctx.state?.retry ?? [], DEFAULT_CONCURRENCY, read)).flat());

	if (mode === 'all') {
		const sweep: Sweep = ctx.state?.sweep ?? { startedAt: ctx.startedAt, baseline: !ctx.state && !ctx.emitExisting };
		let after = sweep.after;
		let complete = false;
		for (;;) {
			const page = await contactsPage.call(this, after);
			// Every poll reads at least one contact, so a sweep always progresses.
			const lists = await readInOrder(page.contacts.map((contact) => String(contact.id)));
			children.push(...lists.flat());
			if (lists.length) after = page.contacts[lists.length - 1].searchAfter as unknown[];
			if (lists.length < page.contacts.length) break;
			if (!page.next) {
				complete = true;
				break;
			}
		}
		// A finished sweep covers changes up to the moment it started (contacts read early may have
		// changed since); an unfinished one keeps the cursor where it is.
		const ceiling = complete ? sweep.startedAt - ctx.overlapMs : -Infinity;
		const nextSweep: Sweep | undefined = complete ? undefined : { ...sweep, after };
		return finish({ children, complete, ceiling, state: { sweep: nextSweep }, baseline: sweep.baseline });
	}

	const contactsWindow = ctx.state?.contacts ?? newWindow(ctx.baselineSince);
	const stamped = (await contactsChangedSince.call(this, 'dateUpdated', contactsWindow.since)).map((contact) =>
		stamp(contact, 'dateUpdated'),
	);
	const plan = advanceWindow(contactsWindow, stamped, ctx.overlapMs, ctx.startedAt - ctx.overlapMs);
	const lists = await readInOrder(plan.fresh.map((contact) => contact.id));
	children.push(...lists.flat());
	const scanned: Array<Stamped<IDataObject>> = plan.fresh.slice(0, lists.length);
	const complete = scanned.length === plan.fresh.length;
	let contacts = plan.next;
	if (!complete) {
		// Out of time: move the contact cursor only past the contacts actually read.
		const last = scanned[scanned.length - 1];
		contacts = advanceWindow(
			contactsWindow,
			stamped.filter((contact) => compareStamped(contact, last) <= 0),
			ctx.overlapMs,
			ctx.startedAt - ctx.overlapMs,
		).next;
	}
	return finish({
		children,
		complete,
		ceiling: complete ? ctx.startedAt - ctx.overlapMs : -Infinity,
		state: { contacts },
		baseline: !ctx.state && !ctx.emitExisting,
	});
}

async function pollNotes(this: IPollFunctions, ctx: PollContext): Promise<PollResult> {
	const read = async (contactId: string) => await notesOf.call(this, contactId);
	const { children, ceiling, state, baseline } = await readChildren.call(this, ctx, read);
	const window = ctx.state?.window ?? newWindow(ctx.baselineSince);
	const { fresh, next } = advanceWindow(
		window,
		children.map((note) => stamp(note, 'dateAdded')),
		ctx.overlapMs,
		ceiling,
	);
	return {
		items: baseline ? [] : fresh.map(({ record }) => record),
		state: { ...ctx.state, key: ctx.key, ...state, window: next },
		baseline,
	};
}

async function pollTasks(this: IPollFunctions, ctx: PollContext): Promise<PollResult> {
	// One walk over every task of the location: nothing depends on which contacts changed.
	const tasks = await allTasks.call(this);
	const baseline = !ctx.state && !ctx.emitExisting;
	const floor = ctx.state?.floor ?? ctx.baselineSince;
	const fingerprints: Record<string, string> = { ...(ctx.state?.fingerprints ?? {}) };
	const items: IDataObject[] = [];
	for (const task of tasks) {
		const id = String(task.id ?? '');
		if (!id) continue;
		const current = fingerprint(task);
		const previous = fingerprints[id];
		// Re-inserting keeps the object in least-recently-seen order for the size bound below.
		delete fingerprints[id];
		fingerprints[id] = current;
		if (baseline || previous === current) continue;
		// The output keeps the shape of the per-contact reads: contactId first.
		const output = { contactId: task.contactId, ...task };
		if (previous === undefined) {
			// A task first seen but dated before the first poll is not new (e.g. after the state was lost).
			const added = toMillis(task.dateAdded);
			if (Number.isFinite(added) && added < floor) continue;
			items.push({ ...output, changeType: 'new' });
		} else {
			items.push({ ...output, changeType: 'updated' });
		}
	}
	const ids = Object.keys(fingerprints);
	for (const id of ids.slice(0, Math.max(0, ids.length - MAX_FINGERPRINTS))) delete fingerprints[id];
	return { items, state: { key: ctx.key, fingerprints, floor }, baseline };
}

async function pollAppointments(this: IPollFunctions, ctx: PollContext): Promise<PollResult> {
	const events = await readAppointments.call(this, ctx.startedAt);
	const window = ctx.state?.window ?? newWindow(ctx.baselineSince);
	const { fresh, next } = advanceWindow(
		window,
		events.map((event) => stamp(event, 'dateAdded')),
		ctx.overlapMs,
		ctx.startedAt - ctx.overlapMs,
	);
	return { items: fresh.map(({ record }) => record), state: { key: ctx.key, window: next }, baseline: !ctx.state };
}

async function readAppointments(this: IPollFunctions, now: number): Promise<IDataObject[]> {
	const configured = listOf(this.getNodeParameter('calendarIds', ''));
	const calendarIds = configured.length ? configured : await calendarIdsOf.call(this);
	const lookBack = Math.max(0, Number(this.getNodeParameter('lookBackDays', 30)));
	const lookAhead = Math.max(1, Number(this.getNodeParameter('lookAheadDays', 365)));
	return await appointmentsBetween.call(this, calendarIds, now - lookBack * DAY_MS, now + lookAhead * DAY_MS);
}

function newestFirst(records: IDataObject[], field: string): IDataObject[] {
	return [...records].sort((a, b) => (toMillis(b[field]) || 0) - (toMillis(a[field]) || 0));
}

/** Recent records, so a manual test run shows real data; the cursor is not touched. */
async function samples(this: IPollFunctions, event: string): Promise<IDataObject[]> {
	switch (event) {
		case CONTACT_CREATED:
			return (await latestContacts.call(this, 'dateAdded', MANUAL_SAMPLES)).map(withoutPaging);
		case CONTACT_UPDATED:
			return (await latestContacts.call(this, 'dateUpdated', MANUAL_SAMPLES)).map(withoutPaging);
		case NOTE_CREATED: {
			const contacts = await latestContacts.call(this, 'dateUpdated', MANUAL_SAMPLES * 2);
			const lists = await mapInOrder(contacts, DEFAULT_CONCURRENCY, async (contact) => await notesOf.call(this, String(contact.id)));
			return newestFirst(lists.flat(), 'dateAdded').slice(0, MANUAL_SAMPLES);
		}
		case TASK_CHANGED:
			return newestFirst(await allTasks.call(this), 'dateAdded')
				.slice(0, MANUAL_SAMPLES)
				.map((task) => ({ contactId: task.contactId, ...task }));
		case FORM_SUBMITTED:
		case SURVEY_SUBMITTED:
			return await latestSubmissions.call(this, submissionKind(event), MANUAL_SAMPLES, ownerIdOf.call(this, event));
		case OPPORTUNITY_CHANGED:
			return await latestOpportunities.call(this, MANUAL_SAMPLES);
		case APPOINTMENT_CREATED:
			return newestFirst(await readAppointments.call(this, Date.now()), 'dateAdded').slice(0, MANUAL_SAMPLES);
	}
	return [];
}

/**
 * Where the state lives in the node's static data. With the agency credential each sub-account has
 * its own entry, so switching Sub-Account neither mixes cursors nor loses the first one's place. Each
 * is a top-level key: n8n notices (and saves) only writes it can observe, and a nested object
 * created during a poll is not observed.
 */
async function stateSlot(this: IPollFunctions): Promise<string> {
	return usesAgency(this) ? `${STATE_KEY}:${await getLocationId(this)}` : STATE_KEY;
}

function stateKey(this: IPollFunctions, event: string): string {
	switch (event) {
		case NOTE_CREATED:
			return `${event}|${this.getNodeParameter('contactsToCheck', 'updated') as string}`;
		case FORM_SUBMITTED:
		case SURVEY_SUBMITTED:
			return `${event}|${ownerIdOf.call(this, event) ?? ''}`;
		case APPOINTMENT_CREATED:
			return `${event}|${listOf(this.getNodeParameter('calendarIds', '')).sort().join(',')}`;
	}
	return event;
}

export class GhlPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel (GHL) Polling Trigger',
		name: 'ghlPollingTrigger',
		icon: { light: 'file:ghl.svg', dark: 'file:ghl.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow on new or changed HighLevel (GHL) contacts, notes, tasks, appointments, opportunities and form or survey submissions by polling (works with a Private Integration token)',
		defaults: { name: 'HighLevel (GHL) Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties: pollingProperties,
	};

	methods = { listSearch: { searchSubAccounts }, loadOptions: { getForms, getSurveys } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		if (this.getMode() === 'manual') {
			const found = await samples.call(this, event);
			return found.length ? [this.helpers.returnJsonArray(found)] : null;
		}

		const options = this.getNodeParameter('options', {}) as IDataObject;
		const overlapSeconds = Number(options.overlapSeconds ?? 60);
		const overlapMs = Number.isFinite(overlapSeconds) && overlapSeconds > 0 ? overlapSeconds * 1000 : 0;
		const emitExisting = options.emitExisting === true;
		const startedAt = Date.now();
		// Stop reading per-contact lists before n8n abandons the poll; the rest waits for the next one.
		const budget = typeof this.getPollBudgetMs === 'function' ? this.getPollBudgetMs() : DEFAULT_POLL_BUDGET_MS;

		const staticData = this.getWorkflowStaticData('node');
		const key = stateKey.call(this, event);
		const slot = await stateSlot.call(this);
		const stored = staticData[slot] as PollState | undefined;
		const valid =
			stored &&
			// Task states from before Task Search were kept per "Contacts to Check": their fingerprints still hold.
			(stored.key === key || (event === TASK_CHANGED && String(stored.key).startsWith(`${TASK_CHANGED}|`))) &&
			(stored.window === undefined || isWindowState(stored.window)) &&
			(stored.contacts === undefined || isWindowState(stored.contacts));
		const ctx: PollContext = {
			state: valid ? stored : undefined,
			key,
			baselineSince: emitExisting ? 0 : startedAt - overlapMs,
			emitExisting,
			overlapMs,
			startedAt,
			deadline: startedAt + budget * 0.8,
		};

		let result: PollResult;
		switch (event) {
			case CONTACT_CREATED:
				result = await pollContacts.call(this, ctx, 'dateAdded');
				break;
			case CONTACT_UPDATED:
				result = await pollContacts.call(this, ctx, 'dateUpdated');
				break;
			case NOTE_CREATED:
				result = await pollNotes.call(this, ctx);
				break;
			case TASK_CHANGED:
				result = await pollTasks.call(this, ctx);
				break;
			case FORM_SUBMITTED:
			case SURVEY_SUBMITTED:
				result = await pollSubmissions.call(this, ctx, event);
				break;
			case OPPORTUNITY_CHANGED:
				result = await pollOpportunities.call(this, ctx);
				break;
			default:
				result = await pollAppointments.call(this, ctx);
		}

		// Written only after every read succeeded: a failed poll leaves the cursor as it was.
		staticData[slot] = result.state as unknown as IDataObject;
		if (result.baseline && !emitExisting) return null;
		return result.items.length ? [this.helpers.returnJsonArray(result.items)] : null;
	}
}

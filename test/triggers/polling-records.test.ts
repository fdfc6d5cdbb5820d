import type { IDataObject } from 'n8n-workflow';
import { pitCredential, useSandbox } from '../harness/fixtures';
import { Poller, sandboxApi } from './helpers';

/**
 * Polling trigger events read from lists other than the contact search: form and survey
 * submissions, opportunities (their own search, on date_updated) and tasks (Task Search). Each is
 * run through n8n-core's PollContext against the sandbox: first poll remembers, then new records,
 * then changes, then nothing.
 */
const sandbox = useSandbox();

function api() {
	return sandboxApi(sandbox());
}

function poller(parameters: IDataObject): Poller {
	return new Poller(parameters as never, pitCredential(sandbox()));
}

/** Lets GHL's timestamps move past the previous poll (they have millisecond resolution). */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function ids(items: IDataObject[] | null): string[] {
	return (items ?? []).map((item) => String(item.id));
}

function expectEachOnce(items: IDataObject[] | null, expected: string[]): void {
	const got = ids(items);
	expect(new Set(got).size).toBe(got.length);
	expect(new Set(got)).toEqual(new Set(expected));
}

function stored(collection: string): IDataObject[] {
	return ((sandbox().snapshot().records as Record<string, IDataObject[]>)[collection] ?? []).filter(
		(record) => record.locationId === sandbox().demo.locationId,
	);
}

beforeEach(() => {
	sandbox().setRateLimit({ max: 100_000, intervalMs: 10_000, daily: 10_000_000 });
});

describe('Polling trigger: form and survey submissions', () => {
	/** Submissions GHL received (it has no API to make one): written into the sandbox's store. */
	function submit(kind: 'form' | 'survey', ownerId: string, count: number, createdAt = new Date().toISOString()): string[] {
		const owner = kind === 'form' ? 'formId' : 'surveyId';
		return sandbox()
			.putRecords(
				`/${kind}s/submissions`,
				Array.from({ length: count }, (_, index) => ({
					locationId: sandbox().demo.locationId,
					[owner]: ownerId,
					contactId: `Contact${String(index).padStart(13, '0')}`,
					name: `Visitor ${index}`,
					email: `visitor${index}@example.com`,
					others: { message: `Hello ${index}` },
					createdAt,
					updatedAt: createdAt,
				})),
			)
			.map((record) => record.id);
	}

	test('New Form Submission: 150 submissions sharing one millisecond (two pages of 100) each once, then only the next ones', async () => {
		const [contactUs] = stored('/forms');
		const trigger = poller({ event: 'formSubmitted' });
		// The seeded submissions of last month are not new.
		expect(await trigger.poll()).toBeNull();
		await tick();
		const first = submit('form', String(contactUs.id), 150);
		const before = sandbox().requests.length;
		const items = await trigger.poll();
		expectEachOnce(items, first);
		expect(items![0]).toMatchObject({ formId: contactUs.id, others: { message: expect.any(String) } });
		const reads = sandbox().requests.slice(before);
		expect(reads.map((request) => request.query.page)).toEqual(['1', '2']);
		// GHL filters by day: from the cursor's day to tomorrow (a GHL clock ahead of ours is covered).
		expect(reads[0].query).toMatchObject({ startAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), endAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
		expect(await trigger.poll()).toBeNull();

		await tick();
		const next = submit('form', String(contactUs.id), 2);
		expectEachOnce(await trigger.poll(), next);
		expect(await trigger.poll()).toBeNull();
		// Fetch Test Event: 5 of the newest, the cursor untouched.
		const state = JSON.stringify(trigger.staticData);
		const samples = await trigger.poll('manual');
		expect(samples).toHaveLength(5);
		expect(samples!.every((item) => item.formId === contactUs.id)).toBe(true);
		expect(JSON.stringify(trigger.staticData)).toBe(state);
	});

	test('New Survey Submission: only the chosen survey, once each; manual mode shows the newest without moving the cursor', async () => {
		const [survey] = stored('/surveys');
		const trigger = poller({ event: 'surveySubmitted', surveyId: survey.id });
		expect(await trigger.poll()).toBeNull();
		await tick();
		const wanted = submit('survey', String(survey.id), 3);
		submit('survey', 'OtherSurvey000000000', 2);
		expectEachOnce(await trigger.poll(), wanted);
		expect(await trigger.poll()).toBeNull();
		await tick();
		const later = submit('survey', String(survey.id), 1);
		const state = JSON.stringify(trigger.staticData);
		const samples = await trigger.poll('manual');
		expect(ids(samples)[0]).toBe(later[0]);
		expect(samples!.every((item) => item.surveyId === survey.id)).toBe(true);
		expect(JSON.stringify(trigger.staticData)).toBe(state);
		expectEachOnce(await trigger.poll(), later);
	});
});

describe('Polling trigger: New or Updated Opportunity', () => {
	function pipelineAndContact(): { pipelineId: string; contactId: string } {
		const [pipeline] = stored('/opportunities/pipelines');
		const contact = (sandbox().snapshot().contacts as IDataObject[]).find((record) => record.locationId === sandbox().demo.locationId)!;
		return { pipelineId: String(pipeline.id), contactId: String(contact.id) };
	}

	test('new ones, then the one updated, then nothing; read with date_updated filter and sort', async () => {
		const { pipelineId, contactId } = pipelineAndContact();
		const trigger = poller({ event: 'opportunityChanged' });
		expect(await trigger.poll()).toBeNull();
		await tick();
		const created: string[] = [];
		for (const name of ['Deal A', 'Deal B']) {
			const response = await api()('POST', '/opportunities/', { locationId: sandbox().demo.locationId, pipelineId, contactId, name, status: 'open' });
			created.push(String((response.opportunity as IDataObject).id));
		}
		const before = sandbox().requests.length;
		expectEachOnce(await trigger.poll(), created);
		const [search] = sandbox().requests.slice(before);
		expect(search).toMatchObject({ method: 'POST', path: '/opportunities/search' });
		expect(search.body).toMatchObject({
			limit: 500,
			sort: [{ field: 'date_updated', direction: 'asc' }],
			filters: [{ field: 'date_updated', operator: 'range', value: { gte: expect.any(String) } }],
		});
		expect(await trigger.poll()).toBeNull();

		await tick();
		await api()('PUT', `/opportunities/${created[1]}`, { monetaryValue: 4200 });
		const updated = await trigger.poll();
		expectEachOnce(updated, [created[1]]);
		expect(updated![0]).toMatchObject({ name: 'Deal B', monetaryValue: 4200 });
		expect(await trigger.poll()).toBeNull();

		// Fetch Test Event: the most recently changed first, the cursor untouched.
		const state = JSON.stringify(trigger.staticData);
		expect(ids(await trigger.poll('manual'))[0]).toBe(created[1]);
		expect(JSON.stringify(trigger.staticData)).toBe(state);
	});

	test('1,200 changed across pages of 500, many sharing a millisecond: each once; 501 at one millisecond fail clearly and keep the cursor', async () => {
		const { pipelineId, contactId } = pipelineAndContact();
		const trigger = poller({ event: 'opportunityChanged' });
		expect(await trigger.poll()).toBeNull();
		await tick();
		const base = Date.now();
		const record = (index: number, at: string) => ({
			locationId: sandbox().demo.locationId,
			pipelineId,
			contactId,
			name: `Bulk ${index}`,
			status: 'open',
			monetaryValue: 0,
			source: 'import',
			createdAt: at,
			updatedAt: at,
		});
		// 12 milliseconds of 100 each: page ends fall inside a millisecond.
		const bulk = sandbox()
			.putRecords('/opportunities', Array.from({ length: 1200 }, (_, index) => record(index, new Date(base + Math.floor(index / 100)).toISOString())))
			.map((opportunity) => opportunity.id);
		const before = sandbox().requests.length;
		expectEachOnce(await trigger.poll(), bulk);
		expect(sandbox().requests.slice(before).length).toBeLessThanOrEqual(4);
		expect(await trigger.poll()).toBeNull();

		await tick();
		const same = new Date(Date.now() + 10).toISOString();
		sandbox().putRecords('/opportunities', Array.from({ length: 501 }, (_, index) => record(index, same)));
		const state = JSON.stringify(trigger.staticData);
		await expect(trigger.poll()).rejects.toThrow(/cursor did not move/);
		expect(JSON.stringify(trigger.staticData)).toBe(state);
	});
});

describe('Polling trigger: New or Updated Task (Task Search)', () => {
	test('tasks of any contact come from one Task Search walk, each once: new, then updated, then nothing; no per-contact reads', async () => {
		const contacts = (sandbox().snapshot().contacts as IDataObject[]).filter((contact) => contact.locationId === sandbox().demo.locationId).slice(0, 6);
		const trigger = poller({ event: 'taskChanged' });
		expect(await trigger.poll()).toBeNull();
		await tick();
		const created: string[] = [];
		// 120 tasks: more than one page of Task Search (100).
		for (let index = 0; index < 120; index++) {
			const contact = contacts[index % contacts.length];
			const response = await api()('POST', `/contacts/${String(contact.id)}/tasks`, {
				title: `Call ${index}`,
				dueDate: new Date(Date.now() + 86_400_000).toISOString(),
				completed: false,
			});
			created.push(String((response.task as IDataObject).id));
		}
		const before = sandbox().requests.length;
		const items = await trigger.poll();
		expectEachOnce(items, created);
		expect(items!.every((item) => item.changeType === 'new' && typeof item.contactId === 'string')).toBe(true);
		const reads = sandbox().requests.slice(before);
		expect(reads.every((request) => request.method === 'POST' && request.path === `/locations/${sandbox().demo.locationId}/tasks/search`)).toBe(true);
		expect(reads.map((request) => (request.body as IDataObject).skip)).toEqual([0, 100]);
		expect(await trigger.poll()).toBeNull();

		const done = items![7];
		await api()('PUT', `/contacts/${String(done.contactId)}/tasks/${String(done.id)}/completed`, { completed: true });
		expect(await trigger.poll()).toEqual([expect.objectContaining({ id: done.id, contactId: done.contactId, changeType: 'updated', completed: true })]);
		expect(await trigger.poll()).toBeNull();

		// Fetch Test Event: recent tasks with their contactId, the fingerprints untouched.
		const state = JSON.stringify(trigger.staticData);
		const samples = (await trigger.poll('manual')) ?? [];
		expect(samples.length).toBeGreaterThan(0);
		expect(samples.length).toBeLessThanOrEqual(5);
		expect(samples.every((task) => typeof task.contactId === 'string' && typeof task.title === 'string')).toBe(true);
		expect(JSON.stringify(trigger.staticData)).toBe(state);
	});
});

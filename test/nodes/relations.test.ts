/** Tag, Follower, Campaign and Workflow: what links a contact to other things. */
import { expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, seed, api, pickerOptions } = nodeTests();

const byId = (value: string) => ({ mode: 'id', value });

function contactById(id: string) {
	return seed().contacts.find((contact) => contact.id === id)!;
}

describe('Tag', () => {
	opTest('add-tags', 'adds to the tags the contact has', async () => {
		const contact = seed().contacts.find((candidate) => candidate.tags.join() === 'lead')!;
		const result = await run({ resource: 'tag', operation: 'add', contactId: byId(contact.id), tags: ' VIP, webinar , ' });
		expectRequest(only(result, 'add-tags'), {
			method: 'POST',
			path: `/contacts/${contact.id}/tags`,
			body: { tags: ['VIP', 'webinar'] },
		});
		expect(result.out).toEqual([{ contactId: contact.id, tags: ['lead', 'vip', 'webinar'] }]);
		expect(((await api('GET', `/contacts/${contact.id}`)).contact as { tags: string[] }).tags).toEqual(['lead', 'vip', 'webinar']);
	});

	opTest('add-tags', 'is safe to repeat, so a 503 is retried', async () => {
		const contact = seed().contacts[0];
		sandbox().injectFault({ kind: 'status', status: 503, count: 1, match: { method: 'POST', path: '/tags' } });
		const result = await run({ resource: 'tag', operation: 'add', contactId: byId(contact.id), tags: ['churn-risk'] });
		expect(result.requests.map((request) => request.status)).toEqual([503, 201]);
		expect(result.out[0].tags).toContain('churn-risk');
	});

	opTest('remove-tags', 'removes tags with a JSON body on DELETE', async () => {
		const contact = seed().contacts.find((candidate) => candidate.tags.length === 2)!;
		const [kept, removed] = contact.tags;
		const result = await run({ resource: 'tag', operation: 'remove', contactId: byId(contact.id), tags: removed });
		expectRequest(only(result, 'remove-tags'), { method: 'DELETE', path: `/contacts/${contact.id}/tags`, body: { tags: [removed] } });
		expect(result.out).toEqual([{ contactId: contact.id, tags: [kept] }]);
		expect(contactById(contact.id).tags).toEqual([kept]);
	});

	opTest('get-location-tags', 'lists the location’s tags, cut to the limit', async () => {
		const all = await run({ resource: 'tag', operation: 'getAll', returnAll: true });
		expectRequest(only(all, 'get-location-tags'), { method: 'GET', path: `/locations/${sandbox().demo.locationId}/tags` });
		expect(all.out.map((tag) => tag.name)).toEqual(['vip', 'newsletter', 'lead', 'webinar']);
		const two = await run({ resource: 'tag', operation: 'getAll', returnAll: false, limit: 2 });
		expect(two.out).toEqual(all.out.slice(0, 2));
	});

	test('no tags is refused before any request', async () => {
		const result = await run({ resource: 'tag', operation: 'remove', contactId: byId(seed().contacts[0].id), tags: ' , ' });
		expect(result.requests).toHaveLength(0);
		expect(result.error?.message).toMatch(/^Tags: expected at least one value/);
	});
});

describe('Follower', () => {
	opTest('add-followers-contact', 'adds users as followers', async () => {
		const contact = seed().contacts.find((candidate) => candidate.followers.length === 1)!;
		const [, seller, support] = sandbox().demo.userIds;
		const result = await run({ resource: 'follower', operation: 'add', contactId: byId(contact.id), followers: [support, seller] });
		expectRequest(only(result, 'add-followers-contact'), {
			method: 'POST',
			path: `/contacts/${contact.id}/followers`,
			body: { followers: [support, seller] },
		});
		expect(result.out).toEqual([
			{ contactId: contact.id, followers: [...contact.followers, support], followersAdded: [support] },
		]);
	});

	opTest('remove-followers-contact', 'removes followers; an expression may give them comma-separated', async () => {
		const contact = seed().contacts.find((candidate) => candidate.followers.length === 1)!;
		const result = await run({
			resource: 'follower',
			operation: 'remove',
			contactId: byId(contact.id),
			followers: `={{ "${contact.followers[0]}, " }}`,
		});
		expectRequest(only(result, 'remove-followers-contact'), {
			method: 'DELETE',
			path: `/contacts/${contact.id}/followers`,
			body: { followers: [contact.followers[0]] },
		});
		expect(result.out).toEqual([{ contactId: contact.id, followers: [], followersRemoved: [contact.followers[0]] }]);
		expect(contactById(contact.id).followers).toEqual([]);
	});
});

describe('Campaign', () => {
	opTest('add-contact-to-campaign', 'adds the contact (empty body, safe to retry)', async () => {
		const contact = seed().contacts[3];
		const campaignId = sandbox().demo.campaignIds[1];
		sandbox().injectFault({ kind: 'status', status: 502, count: 1, match: { method: 'POST', path: '/campaigns/' } });
		const result = await run({ resource: 'campaign', operation: 'addContact', contactId: byId(contact.id), campaignId });
		expect(result.requests.map((request) => request.status)).toEqual([502, 201]);
		expectRequest(result.requests[1], {
			method: 'POST',
			path: `/contacts/${contact.id}/campaigns/${campaignId}`,
			emptyBody: true,
		});
		expect(result.out).toEqual([{ contactId: contact.id, campaignId, succeded: true }]);
		expect(contactById(contact.id).campaigns).toEqual([campaignId]);
	});

	opTest('remove-contact-from-campaign', 'removes the contact from one campaign', async () => {
		const contact = seed().contacts.find((candidate) => candidate.campaigns.length === 1)!;
		const [campaignId] = contact.campaigns;
		const result = await run({ resource: 'campaign', operation: 'removeContact', contactId: byId(contact.id), campaignId });
		expectRequest(only(result, 'remove-contact-from-campaign'), {
			method: 'DELETE',
			path: `/contacts/${contact.id}/campaigns/${campaignId}`,
		});
		expect(result.out).toEqual([{ contactId: contact.id, campaignId, succeded: true }]);
		expect(contactById(contact.id).campaigns).toEqual([]);
	});

	opTest('remove-contact-from-campaign', 'an unknown campaign fails with GHL’s message', async () => {
		const contact = seed().contacts.find((candidate) => candidate.campaigns.length === 1)!;
		const unknown = await run({ resource: 'campaign', operation: 'removeContact', contactId: byId(contact.id), campaignId: 'NoSuchCampaign' });
		expect(unknown.error?.message).toBe('GHL API error 400: Campaign not found');
		await run({ resource: 'campaign', operation: 'removeContact', contactId: byId(contact.id), campaignId: contact.campaigns[0] });
	});

	opTest('remove-contact-from-every-campaign', 'removes the contact from all campaigns', async () => {
		const contact = seed().contacts.find((candidate) => candidate.campaigns.length === 1)!;
		await api('POST', `/contacts/${contact.id}/campaigns/${sandbox().demo.campaignIds[1]}`, {});
		expect(contactById(contact.id).campaigns).toHaveLength(2);
		const result = await run({ resource: 'campaign', operation: 'removeContactFromAll', contactId: byId(contact.id) });
		expectRequest(only(result, 'remove-contact-from-every-campaign'), {
			method: 'DELETE',
			path: `/contacts/${contact.id}/campaigns/removeAll`,
		});
		expect(result.out).toEqual([{ contactId: contact.id, succeded: true }]);
		expect(contactById(contact.id).campaigns).toEqual([]);
	});
});

/** The sandbox's seeded campaigns or workflows of a location (sandbox/seed.ts), in seed order. */
function listed(kind: 'campaigns' | 'workflows', locationId = sandbox().demo.locationId) {
	return (sandbox().snapshot()[kind] as Array<{ id: string; name: string; status: string; locationId: string }>).filter((record) => record.locationId === locationId);
}

describe('Campaign: list and picker', () => {
	opTest('get-campaigns', 'lists the location’s campaigns, by status, cut to the limit', async () => {
		const all = await run({ resource: 'campaign', operation: 'getAll', returnAll: true });
		expectRequest(only(all, 'get-campaigns'), { method: 'GET', path: '/campaigns/', query: { locationId: sandbox().demo.locationId } });
		expect(all.out).toEqual(listed('campaigns').map((campaign) => expect.objectContaining({ id: campaign.id, name: campaign.name, status: 'published' })));
		expect(all.out.map((campaign) => campaign.name)).toEqual(['Welcome Drip', 'Re-engagement']);
		const published = await run({ resource: 'campaign', operation: 'getAll', returnAll: false, limit: 1, status: 'published' });
		expectRequest(only(published, 'get-campaigns'), {
			method: 'GET',
			path: '/campaigns/',
			query: { locationId: sandbox().demo.locationId, status: 'published' },
		});
		expect(published.out).toEqual(all.out.slice(0, 1));
		const drafts = await run({ resource: 'campaign', operation: 'getAll', returnAll: true, status: 'draft' });
		expect(drafts.out).toEqual([]);
	});

	test('Add/Remove Contact pick the campaign by name from the location’s campaigns', async () => {
		for (const operation of ['addContact', 'removeContact']) {
			const options = await pickerOptions('getCampaigns', { resource: 'campaign', operation }, 'campaignId');
			expect(options).toEqual(
				listed('campaigns')
					.map((campaign) => ({ name: campaign.name, value: campaign.id, description: 'published' }))
					.sort((a, b) => a.name.localeCompare(b.name)),
			);
		}
	});
});

describe('Workflow: list and picker', () => {
	opTest('get-workflow', 'lists the location’s workflows, cut to the limit', async () => {
		const all = await run({ resource: 'workflow', operation: 'getAll', returnAll: true });
		expectRequest(only(all, 'get-workflow'), { method: 'GET', path: '/workflows/', query: { locationId: sandbox().demo.locationId } });
		expect(all.out).toEqual(listed('workflows').map((workflow) => expect.objectContaining({ id: workflow.id, name: workflow.name, status: 'published' })));
		expect(all.out.map((workflow) => workflow.name)).toEqual(['New Lead Nurture', 'Appointment Reminder']);
		const one = await run({ resource: 'workflow', operation: 'getAll', returnAll: false, limit: 1 });
		expect(one.out).toEqual(all.out.slice(0, 1));
	});

	test('Add/Remove Contact pick the workflow by name from the location’s workflows', async () => {
		for (const operation of ['addContact', 'removeContact']) {
			const options = await pickerOptions('getWorkflows', { resource: 'workflow', operation }, 'workflowId');
			expect(options).toEqual(
				listed('workflows')
					.map((workflow) => ({ name: workflow.name, value: workflow.id, description: 'published' }))
					.sort((a, b) => a.name.localeCompare(b.name)),
			);
		}
	});
});

describe('Workflow', () => {
	opTest('add-contact-to-workflow', 'enrols the contact with an event start time in the workflow’s zone', async () => {
		const contact = seed().contacts[2];
		const workflowId = sandbox().demo.workflowIds[1];
		const result = await run(
			{
				resource: 'workflow',
				operation: 'addContact',
				contactId: byId(contact.id),
				workflowId,
				options: { eventStartTime: '2026-12-01T09:00:00' },
			},
			{ settings: { timezone: 'Asia/Kolkata' } },
		);
		expectRequest(only(result, 'add-contact-to-workflow'), {
			method: 'POST',
			path: `/contacts/${contact.id}/workflow/${workflowId}`,
			status: 200,
			body: { eventStartTime: '2026-12-01T09:00:00+05:30' },
		});
		expect(result.out).toEqual([{ contactId: contact.id, workflowId, succeded: true }]);
		expect(contactById(contact.id).workflows).toEqual([workflowId]);
	});

	opTest('add-contact-to-workflow', 'is not repeated after a 5xx (GHL might have enrolled the contact)', async () => {
		const contact = seed().contacts[2];
		const workflowId = sandbox().demo.workflowIds[0];
		sandbox().injectFault({ kind: 'status', status: 503, count: 1, match: { method: 'POST', path: '/workflow/' } });
		const failed = await run({ resource: 'workflow', operation: 'addContact', contactId: byId(contact.id), workflowId });
		expect(failed.requests.map((request) => request.status)).toEqual([503]);
		expect(failed.error?.message).toMatch(/^GHL API error 503/);
		const retried = await run({ resource: 'workflow', operation: 'addContact', contactId: byId(contact.id), workflowId });
		expectRequest(only(retried, 'add-contact-to-workflow'), {
			method: 'POST',
			path: `/contacts/${contact.id}/workflow/${workflowId}`,
			status: 200,
			emptyBody: true,
		});
	});

	opTest('delete-contact-from-workflow', 'takes the contact out of the workflow', async () => {
		const contact = seed().contacts.find((candidate) => candidate.workflows.length === 1)!;
		const [workflowId] = contact.workflows;
		const result = await run({ resource: 'workflow', operation: 'removeContact', contactId: byId(contact.id), workflowId });
		expectRequest(only(result, 'delete-contact-from-workflow'), {
			method: 'DELETE',
			path: `/contacts/${contact.id}/workflow/${workflowId}`,
			emptyBody: true,
		});
		expect(result.out).toEqual([{ contactId: contact.id, workflowId, succeded: true }]);
		expect(contactById(contact.id).workflows).toEqual([]);
	});

	test('a blank workflow ID is refused before any request', async () => {
		const result = await run({
			resource: 'workflow',
			operation: 'removeContact',
			contactId: byId(seed().contacts[0].id),
			workflowId: '={{ " " }}',
		});
		expect(result.requests).toHaveLength(0);
		expect(result.error?.message).toMatch(/^Workflow ID: expected a value/);
	});
});

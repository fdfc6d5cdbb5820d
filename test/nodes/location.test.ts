/**
 * Workflow tests of the location's settings: the location itself, its time zones, tags, custom
 * values and templates. Each asserts what GHL received and what the node answered, and reads the
 * sandbox back where the operation writes.
 */
import type { IDataObject } from 'n8n-workflow';
import { expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, api } = nodeTests();

/** The demo location's records of a collection under `/locations/{locationId}/…`. */
function records(collection: string): Array<IDataObject & { id: string }> {
	const all = (sandbox().snapshot() as { records: Record<string, Array<IDataObject & { id: string }>> }).records;
	return all[`/locations/${sandbox().demo.locationId}/${collection}`] ?? [];
}

describe('Location', () => {
	opTest('get-location', 'gets the credential’s sub-account; Simplify returns the location itself', async () => {
		const { locationId } = sandbox().demo;
		const result = await run({ resource: 'location', operation: 'get' });
		expect(result.error).toBeUndefined();
		expectRequest(only(result, 'get-location'), { method: 'GET', path: `/locations/${locationId}` });
		expect(result.out).toEqual([expect.objectContaining({ id: locationId, name: 'Sandbox Demo Location', timezone: 'America/New_York' })]);

		const raw = await run({ resource: 'location', operation: 'get', simplify: false });
		expect(Object.keys(raw.out[0])).toEqual(['location']);
	});

	opTest('get-timezones', 'lists the time zone names GHL accepts', async () => {
		const result = await run({ resource: 'location', operation: 'getTimezones' });
		expectRequest(only(result, 'get-timezones'), { method: 'GET', path: `/locations/${sandbox().demo.locationId}/timezones` });
		expect(result.out).toHaveLength(1);
		const zones = result.out[0].timeZones as string[];
		expect(zones).toEqual(expect.arrayContaining(['America/New_York', 'Europe/Berlin', 'Asia/Tokyo']));
	});
});

describe('Tag (location tags)', () => {
	opTest('create-tag', 'creates a tag, trimmed; it is then in the location’s tag list', async () => {
		const { locationId } = sandbox().demo;
		const result = await run({ resource: 'tag', operation: 'create', name: '  trade fair 2026 ' });
		expect(result.error).toBeUndefined();
		expectRequest(only(result, 'create-tag'), { method: 'POST', path: `/locations/${locationId}/tags`, status: 200, body: { name: 'trade fair 2026' } });
		expect(result.out).toEqual([{ id: expect.any(String), name: 'trade fair 2026', locationId }]);
		const listed = await api('GET', `/locations/${locationId}/tags`);
		expect((listed.tags as IDataObject[]).map((tag) => tag.name)).toContain('trade fair 2026');
	});

	opTest('get-tag-by-id', 'gets one tag by the ID its picker gives', async () => {
		const [vip] = records('tags');
		const result = await run({ resource: 'tag', operation: 'get', tagId: vip.id });
		expectRequest(only(result, 'get-tag-by-id'), { method: 'GET', path: `/locations/${sandbox().demo.locationId}/tags/${vip.id}` });
		expect(result.out).toEqual([{ id: vip.id, name: 'vip', locationId: sandbox().demo.locationId }]);
	});

	opTest('update-tag', 'renames a tag', async () => {
		const [vip] = records('tags');
		const result = await run({ resource: 'tag', operation: 'update', tagId: vip.id, name: 'key account' });
		expectRequest(only(result, 'update-tag'), {
			method: 'PUT',
			path: `/locations/${sandbox().demo.locationId}/tags/${vip.id}`,
			body: { name: 'key account' },
		});
		expect(result.out[0]).toMatchObject({ id: vip.id, name: 'key account' });
		expect(records('tags').find((tag) => tag.id === vip.id)?.name).toBe('key account');
	});

	opTest('delete-tag', 'deletes a tag; it is gone from the list', async () => {
		const [vip] = records('tags');
		const result = await run({ resource: 'tag', operation: 'delete', tagId: vip.id });
		expectRequest(only(result, 'delete-tag'), { method: 'DELETE', path: `/locations/${sandbox().demo.locationId}/tags/${vip.id}` });
		expect(result.out).toEqual([{ tagId: vip.id, succeded: true }]);
		expect(records('tags').map((tag) => tag.id)).not.toContain(vip.id);
	});

	test('a tag ID that is not GHL’s ID alphabet, or an empty name, is refused before any request', async () => {
		const badId = await run({ resource: 'tag', operation: 'get', tagId: '../contacts' });
		expect(badId.requests).toHaveLength(0);
		expect(badId.error?.message).toMatch(/^Tag: expected/);
		const noName = await run({ resource: 'tag', operation: 'create', name: '   ' });
		expect(noName.requests).toHaveLength(0);
		expect(noName.error?.message).toMatch(/^Name: expected a value/);
	});
});

describe('Custom Value', () => {
	opTest('create-custom-value', 'creates a custom value; GHL answers the merge key it made from the name', async () => {
		const { locationId } = sandbox().demo;
		const result = await run({ resource: 'customValue', operation: 'create', name: ' Office Hours ', value: 'Mon–Fri 9–17' });
		expectRequest(only(result, 'create-custom-value'), {
			method: 'POST',
			path: `/locations/${locationId}/customValues`,
			body: { name: 'Office Hours', value: 'Mon–Fri 9–17' },
		});
		expect(result.out).toEqual([
			{ id: expect.any(String), name: 'Office Hours', fieldKey: '{{ custom_values.office_hours }}', value: 'Mon–Fri 9–17', locationId },
		]);
		const stored = await api('GET', `/locations/${locationId}/customValues/${result.out[0].id}`);
		expect(stored.customValue).toMatchObject({ value: 'Mon–Fri 9–17' });
	});

	opTest('get-custom-values', 'lists the custom values of the location only, cut to the limit', async () => {
		const all = await run({ resource: 'customValue', operation: 'getAll', returnAll: true });
		expectRequest(only(all, 'get-custom-values'), { method: 'GET', path: `/locations/${sandbox().demo.locationId}/customValues` });
		expect(all.out.map((value) => value.name)).toEqual(['Support Phone', 'Booking Link']);
		const one = await run({ resource: 'customValue', operation: 'getAll', returnAll: false, limit: 1 });
		expect(one.out.map((value) => value.name)).toEqual(['Support Phone']);
	});

	opTest('get-custom-value', 'gets one custom value', async () => {
		const [phone] = records('customValues');
		const result = await run({ resource: 'customValue', operation: 'get', customValueId: phone.id });
		expectRequest(only(result, 'get-custom-value'), { method: 'GET', path: `/locations/${sandbox().demo.locationId}/customValues/${phone.id}` });
		expect(result.out[0]).toMatchObject({ id: phone.id, name: 'Support Phone', value: '+15550109999' });
	});

	opTest('update-custom-value', 'changes the value; the merge key stays', async () => {
		const [phone] = records('customValues');
		const result = await run({ resource: 'customValue', operation: 'update', customValueId: phone.id, name: 'Support Phone', value: '+15550100000' });
		expectRequest(only(result, 'update-custom-value'), {
			method: 'PUT',
			path: `/locations/${sandbox().demo.locationId}/customValues/${phone.id}`,
			body: { name: 'Support Phone', value: '+15550100000' },
		});
		expect(result.out[0]).toMatchObject({ id: phone.id, value: '+15550100000', fieldKey: phone.fieldKey });
	});

	opTest('delete-custom-value', 'deletes a custom value', async () => {
		const [phone] = records('customValues');
		const result = await run({ resource: 'customValue', operation: 'delete', customValueId: phone.id });
		expectRequest(only(result, 'delete-custom-value'), { method: 'DELETE', path: `/locations/${sandbox().demo.locationId}/customValues/${phone.id}` });
		expect(result.out).toEqual([{ customValueId: phone.id, succeded: true }]);
		expect(records('customValues').map((value) => value.id)).not.toContain(phone.id);
	});
});

describe('Template', () => {
	opTest('GET-all-or-email-sms-templates', 'lists the location’s own templates, filtered by kind, paged by skip', async () => {
		const { locationId } = sandbox().demo;
		const all = await run({ resource: 'template', operation: 'getAll', returnAll: true });
		expectRequest(only(all, 'GET-all-or-email-sms-templates'), {
			method: 'GET',
			path: `/locations/${locationId}/templates`,
			query: { originId: locationId, skip: '0', limit: '100' },
		});
		expect(all.out.map((template) => [template.name, template.type])).toEqual([
			['Welcome email', 'email'],
			['Appointment reminder', 'sms'],
		]);

		const sms = await run({ resource: 'template', operation: 'getAll', returnAll: true, filters: { type: 'sms' } });
		expect(sms.requests[0].query).toEqual({ originId: locationId, type: 'sms', skip: '0', limit: '100' });
		expect(sms.out.map((template) => template.name)).toEqual(['Appointment reminder']);

		const limited = await run({ resource: 'template', operation: 'getAll', returnAll: false, limit: 1 });
		expect(limited.requests.map((request) => request.query)).toEqual([{ originId: locationId, skip: '0', limit: '1' }]);
		expect(limited.out).toHaveLength(1);
	});

	opTest('DELETE-an-email-sms-template', 'deletes a template picked from the list', async () => {
		const [welcome] = records('templates');
		const result = await run({ resource: 'template', operation: 'delete', templateId: welcome.id });
		expectRequest(only(result, 'DELETE-an-email-sms-template'), {
			method: 'DELETE',
			path: `/locations/${sandbox().demo.locationId}/templates/${welcome.id}`,
		});
		expect(result.out[0]).toMatchObject({ templateId: welcome.id });
		expect(records('templates').map((template) => template.id)).not.toContain(welcome.id);
	});
});

/** Survey: the location's surveys and their submissions (GHL's surveys API). */
import type { IDataObject } from 'n8n-workflow';
import { expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, pickerOptions } = nodeTests();

function records(collection: string): IDataObject[] {
	const all = (sandbox().snapshot() as { records: Record<string, IDataObject[]> }).records[collection] ?? [];
	return all.filter((record) => record.locationId === sandbox().demo.locationId);
}

describe('Survey', () => {
	opTest('get-surveys', 'lists the location’s surveys, not another location’s', async () => {
		const all = await run({ resource: 'survey', operation: 'getAll', returnAll: true });
		expectRequest(only(all, 'get-surveys'), { method: 'GET', path: '/surveys/', query: { locationId: sandbox().demo.locationId, skip: '0', limit: '50' } });
		expect(all.out).toEqual([{ id: records('/surveys')[0].id, name: 'Customer Satisfaction', locationId: sandbox().demo.locationId }]);
	});

	opTest('get-surveys-submissions', 'lists submissions newest first with their answers; Return All follows meta.nextPage', async () => {
		const [survey] = records('/surveys');
		const seeded = records('/surveys/submissions');
		const all = await run({ resource: 'survey', operation: 'getSubmissions', returnAll: true, filters: { surveyId: survey.id as string, startAt: '2025-01-01' } });
		expectRequest(only(all, 'get-surveys-submissions'), {
			method: 'GET',
			path: '/surveys/submissions',
			query: { locationId: sandbox().demo.locationId, surveyId: survey.id, startAt: '2025-01-01', page: '1', limit: '100' },
		});
		expect(all.out.map((submission) => submission.name)).toEqual(['Linus Torvalds', 'Katherine Johnson']);
		expect(all.out[0]).toMatchObject({ surveyId: survey.id, contactId: seeded[1].contactId, others: { score: '8' } });

		const added = sandbox().putRecords(
			'/surveys/submissions',
			Array.from({ length: 150 }, (_, index) => ({
				locationId: sandbox().demo.locationId,
				surveyId: survey.id,
				contactId: `Contact${String(index).padStart(14, '0')}`,
				name: `Respondent ${index}`,
				others: { score: String(index % 11) },
				createdAt: new Date(Date.parse('2026-02-01T08:00:00Z') + index * 1000).toISOString(),
			})),
		);
		const many = await run({ resource: 'survey', operation: 'getSubmissions', returnAll: true, filters: { startAt: '2026-02-01', endAt: '2026-02-01' } });
		expect(many.requests.map((request) => request.query.page)).toEqual(['1', '2']);
		expect(many.out.map((submission) => submission.id)).toEqual(added.map((record) => record.id).reverse());
	});

	test('the Survey filter lists the location’s surveys by name', async () => {
		const options = await pickerOptions('getSurveys', { resource: 'survey', operation: 'getSubmissions' }, 'filters.surveyId');
		expect(options).toEqual([{ name: 'Customer Satisfaction', value: records('/surveys')[0].id }]);
	});
});

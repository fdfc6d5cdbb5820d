import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { endpointRequest, getPageNumberPaged } from '../../../shared/transport';
import { submissionProperties } from '../../descriptions/submissionFields';
import { readLimit } from '../../helpers/paging';
import { submissionQuery } from '../../helpers/submissions';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many Submissions',
	value: 'getSubmissions',
	action: 'Get many survey submissions',
	description: 'List the answers people sent with the location’s surveys, newest first',
	readmeNote: 'survey, text, days, Return All',
	endpoint: {
		method: 'GET',
		path: '/surveys/submissions',
		operationId: 'get-surveys-submissions',
		api: 'surveys',
		scopes: ['surveys.readonly'],
	},
};

export const properties: INodeProperties[] = submissionProperties('Survey');

export const example: OperationExample = () => ({ returnAll: true, filters: { startAt: '2025-01-01' } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const qs = await submissionQuery(this, itemIndex, 'surveyId');
	// Paged with page/limit (up to 100 a page) following GHL's meta.nextPage; every filter on every page.
	return await getPageNumberPaged.call(this, endpointRequest(meta.endpoint, { qs, itemIndex }), 'submissions', readLimit(this, itemIndex));
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { getLocationId } from '../../shared/transport';
import { checkId, checkIsoDate, checkText } from './validation';

/** GHL's submission query from the node's filters: days as YYYY-MM-DD, each value checked first. */
export async function submissionQuery(ctx: IExecuteFunctions, itemIndex: number, owner: 'formId' | 'surveyId'): Promise<IDataObject> {
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { locationId: await getLocationId(ctx) };
	if (filters[owner]) qs[owner] = checkId(ctx, itemIndex, owner === 'formId' ? 'Form' : 'Survey', filters[owner]);
	const text = checkText(ctx, itemIndex, 'Query', filters.q);
	if (text) qs.q = text;
	if (filters.startAt) qs.startAt = checkIsoDate(ctx, itemIndex, 'Submitted From', filters.startAt).slice(0, 10);
	if (filters.endAt) qs.endAt = checkIsoDate(ctx, itemIndex, 'Submitted To', filters.endAt).slice(0, 10);
	return qs;
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { BUSINESS_FIELDS } from '../descriptions/businessFields';
import { checkEmail, checkText } from './validation';

/** The business fields given (empty ones left out), checked before any request. */
export function buildBusinessBody(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	const labels: Array<[string, string]> = [['name', 'Name'], ...BUSINESS_FIELDS.map(([name, label]): [string, string] => [name, label])];
	for (const [name, label] of labels) {
		if (fields[name] === undefined) continue;
		const value = checkText(ctx, itemIndex, label, fields[name]);
		if (!value) continue;
		body[name] = name === 'email' ? checkEmail(ctx, itemIndex, label, value) : value;
	}
	return body;
}

/**
 * GHL's create and update answers name the business `buiseness` (so its spec); the node gives it
 * as `business`, the key Get uses, whichever of the two GHL sends.
 */
export function normaliseBusinessAnswer(response: IDataObject): IDataObject {
	const { buiseness, business, ...rest } = response;
	return { ...rest, business: (buiseness ?? business) as IDataObject };
}

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { SUB_ACCOUNT_TEXT_FIELDS } from '../descriptions/subAccountFields';
import { checkText } from './validation';

/** The body fields of a sub-account create or update, checked before any request; empty fields are left out. */
export function buildSubAccountBody(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [name, displayName] of SUB_ACCOUNT_TEXT_FIELDS) {
		const text = checkText(ctx, itemIndex, displayName, fields[name]);
		if (text) body[name] = text;
	}
	const country = checkText(ctx, itemIndex, 'Country', fields.country).toUpperCase();
	if (country) {
		if (!/^[A-Z]{2}$/.test(country)) {
			throw new NodeOperationError(ctx.getNode(), `Country: expected a two-letter country code like US, got "${country}"`, { itemIndex });
		}
		body.country = country;
	}
	const snapshotId = checkText(ctx, itemIndex, 'Snapshot ID', fields.snapshotId);
	if (snapshotId) body.snapshotId = snapshotId;
	return body;
}

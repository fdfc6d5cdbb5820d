import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { customFieldRows } from './contactBody';
import { buildCustomFields } from './customFields';
import { checkId, checkText } from './validation';

/**
 * GHL's body for an opportunity write from the node's fields, each checked by name before any
 * request: IDs in GHL's alphabet, a status GHL knows, a value that is a number of at least 0.
 */
export function buildOpportunityBody(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [name, label] of [
		['pipelineId', 'Pipeline'],
		['pipelineStageId', 'Stage'],
		['assignedTo', 'Assigned To'],
	] as const) {
		if (fields[name] !== undefined && fields[name] !== '') body[name] = checkId(ctx, itemIndex, label, fields[name]);
	}
	if (fields.name !== undefined && fields.name !== '') body.name = checkText(ctx, itemIndex, 'Name', fields.name);
	if (fields.status !== undefined && fields.status !== '') {
		const status = checkText(ctx, itemIndex, 'Status', fields.status);
		if (!['open', 'won', 'lost', 'abandoned'].includes(status)) {
			throw new NodeOperationError(ctx.getNode(), `Status: expected open, won, lost or abandoned, got "${status.slice(0, 80)}"`, { itemIndex });
		}
		body.status = status;
	}
	if (fields.monetaryValue !== undefined && fields.monetaryValue !== '') {
		const value = Number(fields.monetaryValue);
		if (typeof fields.monetaryValue === 'object' || !Number.isFinite(value) || value < 0) {
			throw new NodeOperationError(ctx.getNode(), `Monetary Value: expected a number of at least 0, got ${JSON.stringify(fields.monetaryValue).slice(0, 80)}`, { itemIndex });
		}
		body.monetaryValue = value;
	}
	return body;
}

/**
 * The Custom Fields rows as GHL's `customFields`, each field found by name, key or ID among the
 * location's opportunity fields and its value checked for the field's type before the write.
 */
export async function opportunityCustomFields(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const customFields = await buildCustomFields.call(this, itemIndex, customFieldRows(this, itemIndex), 'opportunity');
	return customFields.length ? { customFields } : {};
}

import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { requireText } from './validation';

/** The objects GHL associates: its standard ones and custom objects (`custom_objects.<name>`). */
const OBJECT_KEY = /^(contact|opportunity|business|custom_objects\.[a-z0-9_]+)$/;
/** An association's key as GHL makes them (`opportunity_decision_maker`); it goes into a path, so nothing else passes. */
const ASSOCIATION_KEY = /^[A-Za-z0-9_.-]+$/;

function refuse(ctx: IExecuteFunctions, itemIndex: number, field: string, expected: string, got: string): never {
	throw new NodeOperationError(ctx.getNode(), `${field}: expected ${expected}, got "${got}"`, { itemIndex });
}

/** An object key parameter: contact, opportunity, business or custom_objects.<name>. */
export function requireObjectKey(ctx: IExecuteFunctions, itemIndex: number, name: string, field: string): string {
	const objectKey = requireText(ctx, itemIndex, field, ctx.getNodeParameter(name, itemIndex, ''));
	if (!OBJECT_KEY.test(objectKey)) refuse(ctx, itemIndex, field, 'contact, opportunity, business or custom_objects.<name>', objectKey);
	return objectKey;
}

/** An association key parameter: letters, digits, `_`, `.` and `-`. */
export function requireAssociationKey(ctx: IExecuteFunctions, itemIndex: number, name: string, field: string): string {
	const key = requireText(ctx, itemIndex, field, ctx.getNodeParameter(name, itemIndex, ''));
	if (!ASSOCIATION_KEY.test(key)) refuse(ctx, itemIndex, field, 'a key of letters, digits, _, . and - (e.g. opportunity_decision_maker)', key);
	return key;
}

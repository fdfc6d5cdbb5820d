import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { checkIdList, checkText, toList } from './validation';

/** A field key as GHL writes them: lowercase letters, digits and underscores (text box list options add `.option`). */
const PROPERTY_KEY = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;
/** Object keys: `custom_objects.pets`, or a standard object's (`business`). */
const OBJECT_KEY = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)?$/;

/** The object's key from its picker, checked: it goes into the request path. */
export function readObjectKey(ctx: IExecuteFunctions, itemIndex: number): string {
	const key = checkText(ctx, itemIndex, 'Object Name or ID', ctx.getNodeParameter('schemaKey', itemIndex, ''));
	if (!OBJECT_KEY.test(key)) {
		throw new NodeOperationError(ctx.getNode(), `Object Name or ID: expected an object key such as custom_objects.pets, got "${key.slice(0, 80)}"`, { itemIndex });
	}
	return key;
}

/**
 * The Properties (JSON) parameter as an object of field values, checked before any request: a JSON
 * object, keys as GHL writes field keys, no value that JSON cannot carry. `required` refuses an empty one.
 */
export function readRecordProperties(ctx: IExecuteFunctions, itemIndex: number, required: boolean): IDataObject {
	const raw = ctx.getNodeParameter('properties', itemIndex, '{}') as unknown;
	const fail = (message: string): never => {
		throw new NodeOperationError(ctx.getNode(), `Properties (JSON): ${message}`, { itemIndex });
	};
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = raw.trim() ? JSON.parse(raw) : {};
		} catch (error) {
			fail(`not valid JSON (${(error as Error).message})`);
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('expected a JSON object of field values, e.g. {"name": "Buddy"}');
	const properties = value as IDataObject;
	for (const [key, item] of Object.entries(properties)) {
		if (!PROPERTY_KEY.test(key)) fail(`"${key.slice(0, 80)}" is not a field key (lowercase letters, digits and underscores, e.g. pet_name)`);
		if (item === undefined || (typeof item === 'number' && !Number.isFinite(item))) fail(`${key} has no value JSON can carry`);
	}
	if (required && !Object.keys(properties).length) fail('add at least the object’s primary display property');
	return properties;
}

/** Owner (one user, sent as a one-item list) and followers (at most 10) from a collection. */
export function readRecordPeople(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	const owner = toList(fields.owner);
	if (owner.length) {
		body.owner = checkIdList(ctx, itemIndex, 'Owner Name or ID', owner);
		if ((body.owner as string[]).length > 1) throw new NodeOperationError(ctx.getNode(), 'Owner Name or ID: a record has one owner', { itemIndex });
	}
	if (fields.followers !== undefined && toList(fields.followers).length) {
		body.followers = checkIdList(ctx, itemIndex, 'Follower Names or IDs', fields.followers);
		if ((body.followers as string[]).length > 10) throw new NodeOperationError(ctx.getNode(), 'Follower Names or IDs: GHL takes at most 10 followers', { itemIndex });
	}
	return body;
}

/**
 * GHL's custom fields v2 (apps/custom-fields.json): fields of custom objects and of the business
 * object, grouped in folders. GHL documents the by-object-key read as "only supports Custom Objects
 * and Company (Business) today", so other object keys are refused. A field sits in a folder of its
 * object (`parentId`), and its key starts with the object's key (`custom_objects.vehicles.color`).
 */
import { errors } from '../http';
import type { GenericRecord } from '../store';
import { responseSchema } from '../validation';
import { nowIso } from './common';
import type { Handler, HandlerContext } from './context';
import { shape } from './generic';

const FIELDS = '/custom-fields';
const FOLDERS = '/custom-fields/folders';

function answer(ctx: HandlerContext, status: number, body: Record<string, unknown>) {
	return { status, body: shape(responseSchema(ctx.op, String(status)), body) };
}

/** The location a request names (body or query); the server has checked the token may use it. */
function locationOf(ctx: HandlerContext): string {
	const locationId = ctx.body.locationId ?? ctx.query.locationId ?? ctx.principal?.locationId;
	if (typeof locationId !== 'string' || !locationId) throw errors.unprocessable(['locationId should not be empty']);
	return locationId;
}

/** 400 unless `objectKey` is the business object or a custom object of the location. */
function checkObjectKey(ctx: HandlerContext, locationId: string, objectKey: string): void {
	if (objectKey === 'business') return;
	const known = [...ctx.state.store.collection('/objects').values()].some((schema) => schema.key === objectKey && schema.locationId === locationId && schema.standard !== true);
	if (!known) throw errors.badRequest(`Object ${objectKey} not found: custom fields v2 support custom objects and business only`);
}

function ownRecord(ctx: HandlerContext, collection: string, id: string, what: string): GenericRecord {
	const record = ctx.state.store.collection(collection).get(id);
	const locationId = ctx.principal?.userType === 'Location' ? ctx.principal.locationId : undefined;
	if (!record) throw errors.notFound(`${what} not found`);
	if (locationId && record.locationId !== locationId) throw errors.forbiddenLocation();
	return record;
}

function checkFolder(ctx: HandlerContext, parentId: string, objectKey: string): void {
	const folder = ctx.state.store.collection(FOLDERS).get(parentId);
	if (!folder || folder.objectKey !== objectKey || folder.locationId !== locationOf(ctx)) {
		throw errors.badRequest(`parentId ${parentId} is not a folder of ${objectKey}`);
	}
}

export const customFieldV2Handlers: Record<string, Handler> = {
	'create-custom-field': (ctx) => {
		const locationId = locationOf(ctx);
		const { objectKey, fieldKey, parentId } = ctx.body as { objectKey: string; fieldKey: string; parentId: string };
		checkObjectKey(ctx, locationId, objectKey);
		if (!fieldKey.startsWith(`${objectKey}.`) || fieldKey.length === objectKey.length + 1) {
			throw errors.unprocessable([`fieldKey must be ${objectKey}.<name>`]);
		}
		checkFolder(ctx, parentId, objectKey);
		const fields = ctx.state.store.collection(FIELDS);
		if ([...fields.values()].some((field) => field.locationId === locationId && field.fieldKey === fieldKey)) {
			throw errors.badRequest(`A field with the key ${fieldKey} already exists`);
		}
		const time = nowIso();
		const field: GenericRecord = { ...ctx.body, id: ctx.state.store.newRecordId(), locationId, dateAdded: time, dateUpdated: time };
		fields.set(field.id, field);
		return answer(ctx, 201, { field });
	},
	'get-custom-field-by-id': (ctx) => answer(ctx, 200, { field: ownRecord(ctx, FIELDS, ctx.params.id, 'Custom field') }),
	'update-custom-field': (ctx) => {
		const field = ownRecord(ctx, FIELDS, ctx.params.id, 'Custom field');
		// The object, key, type and folder of a field stay as made; the rest is replaced by what is sent.
		const { locationId: _locationId, ...changes } = ctx.body;
		Object.assign(field, changes, { dateUpdated: nowIso() });
		return answer(ctx, 200, { field });
	},
	'delete-custom-field': (ctx) => {
		const field = ownRecord(ctx, FIELDS, ctx.params.id, 'Custom field');
		ctx.state.store.collection(FIELDS).delete(field.id);
		return answer(ctx, 200, { succeded: true, id: field.id, key: field.fieldKey });
	},
	/** `GET /custom-fields/object-key/{objectKey}?locationId=`: the object's fields and its folders. */
	'get-custom-fields-by-object-key': (ctx) => {
		const locationId = locationOf(ctx);
		const { objectKey } = ctx.params;
		checkObjectKey(ctx, locationId, objectKey);
		const mine = (collection: string) =>
			[...ctx.state.store.collection(collection).values()].filter((record) => record.locationId === locationId && record.objectKey === objectKey);
		return answer(ctx, 200, { fields: mine(FIELDS), folders: mine(FOLDERS) });
	},
	'create-custom-field-folder': (ctx) => {
		const locationId = locationOf(ctx);
		const { objectKey, name } = ctx.body as { objectKey: string; name: string };
		checkObjectKey(ctx, locationId, objectKey);
		const time = nowIso();
		const folder: GenericRecord = { id: ctx.state.store.newRecordId(), objectKey, locationId, name: name.trim(), dateAdded: time, dateUpdated: time };
		ctx.state.store.collection(FOLDERS).set(folder.id, folder);
		return answer(ctx, 201, folder);
	},
	'update-custom-field-folder': (ctx) => {
		const folder = ownRecord(ctx, FOLDERS, ctx.params.id, 'Folder');
		Object.assign(folder, { name: String(ctx.body.name).trim(), dateUpdated: nowIso() });
		return answer(ctx, 200, folder);
	},
	'delete-custom-field-folder': (ctx) => {
		const folder = ownRecord(ctx, FOLDERS, ctx.params.id, 'Folder');
		ctx.state.store.collection(FOLDERS).delete(folder.id);
		return answer(ctx, 200, { succeded: true, id: folder.id, key: folder.objectKey });
	},
};

/**
 * GHL's associations API (apps/associations.json): association definitions between two object
 * keys (contact, opportunity, business, a custom object's `custom_objects.<name>`), each side with
 * its label, and relations linking one record of the first object to one of the second.
 * Not to be mixed with ./associations.ts, the contacts API's tags, followers and campaigns.
 *
 * GHL's documented behaviour kept here: an association's key is unique in its location; only
 * USER_DEFINED associations are deleted, and with them their relations ("deleting an association
 * will also all the relations for that association"); a relation's records must exist in the
 * location and be of the association's object keys, in its order (firstRecordId is of the first
 * object key); the same pair twice under one association is refused. Unknown ids of the path are
 * 404s, as the generic store answered these routes before.
 */
import { errors } from '../http';
import type { GenericRecord } from '../store';
import { responseSchema } from '../validation';
import { nowIso } from './common';
import type { Handler, HandlerContext } from './context';
import { findRecord, shape } from './generic';
import { OBJECT_SCHEMAS, recordsCollection, STANDARD_OBJECT_KEYS } from './objects';
import { OPPORTUNITIES } from './opportunities';

export const ASSOCIATIONS = '/associations';
export const RELATIONS = '/associations/relations';

const ASSOCIATION_FIELDS = ['id', 'locationId', 'key', 'firstObjectKey', 'firstObjectLabel', 'secondObjectKey', 'secondObjectLabel', 'associationType'];

function answer(ctx: HandlerContext, status: number, body: unknown) {
	return { status, body: shape(responseSchema(ctx.op, String(status)), body) };
}

/** An association as GHL answers it (its stored dates stay in the store). */
function view(association: GenericRecord): Record<string, unknown> {
	return Object.fromEntries(ASSOCIATION_FIELDS.map((name) => [name, association[name]]));
}

/** The location a request names (query or body), else the token's; the server has checked the token may use it. */
function locationOf(ctx: HandlerContext): string {
	const locationId = ctx.body.locationId ?? ctx.query.locationId ?? ctx.principal?.locationId;
	if (typeof locationId !== 'string' || !locationId) throw errors.unprocessable(['locationId should not be empty']);
	return locationId;
}

const associations = (ctx: HandlerContext) => ctx.state.store.collection(ASSOCIATIONS);
const relations = (ctx: HandlerContext) => ctx.state.store.collection(RELATIONS);

function getAssociation(ctx: HandlerContext, id: string): GenericRecord {
	return findRecord(ctx, associations(ctx), id, 'Association');
}

/** 400 unless the key is one GHL associates: contact, opportunity, business, or a custom object of the location. */
function checkObjectKey(ctx: HandlerContext, locationId: string, field: string, objectKey: unknown): string {
	if (typeof objectKey !== 'string' || !objectKey.trim()) throw errors.unprocessable([`${field} should not be empty`]);
	if (STANDARD_OBJECT_KEYS.includes(objectKey)) return objectKey;
	const custom = [...ctx.state.store.collection(OBJECT_SCHEMAS).values()].some((schema) => schema.key === objectKey && schema.locationId === locationId);
	if (!custom) throw errors.badRequest(`${field} ${objectKey} is not an object of this location (contact, opportunity, business or custom_objects.<name>)`);
	return objectKey;
}

function checkLabel(field: string, label: unknown): string {
	if (typeof label !== 'string' || !label.trim()) throw errors.unprocessable([`${field} should not be empty`]);
	return label.trim();
}

/** The record of `objectKey` with this id in the location, if any. */
function recordOf(ctx: HandlerContext, objectKey: string, id: string): { locationId?: unknown } | undefined {
	const { store } = ctx.state;
	if (objectKey === 'contact') return store.contacts.get(id);
	if (objectKey === 'business') return store.businesses.get(id);
	if (objectKey === 'opportunity') return store.collection(OPPORTUNITIES).get(id);
	return store.collection(recordsCollection(objectKey)).get(id);
}

function checkRecord(ctx: HandlerContext, locationId: string, field: string, objectKey: string, id: string): void {
	const record = recordOf(ctx, objectKey, id);
	if (!record || record.locationId !== locationId) throw errors.badRequest(`${field} ${id} is not a ${objectKey} record of this location`);
}

function associationEvent(type: 'AssociationCreate' | 'AssociationUpdate' | 'AssociationDelete', association: GenericRecord) {
	return { type, ...view(association), locationId: String(association.locationId) };
}

const RELATION_FIELDS = ['id', 'associationId', 'firstRecordId', 'secondRecordId', 'firstObjectKey', 'secondObjectKey'];

function relationEvent(type: 'RelationCreate' | 'RelationDelete', relation: GenericRecord) {
	return { type, ...Object.fromEntries(RELATION_FIELDS.map((name) => [name, relation[name]])), locationId: String(relation.locationId) };
}

function page<T>(items: T[], ctx: HandlerContext): T[] {
	const skip = Number(ctx.query.skip ?? 0);
	return items.slice(skip, skip + Number(ctx.query.limit ?? items.length));
}

export const objectAssociationHandlers: Record<string, Handler> = {
	'create-association': (ctx) => {
		const locationId = locationOf(ctx);
		const key = checkLabel('key', ctx.body.key);
		if ([...associations(ctx).values()].some((existing) => existing.locationId === locationId && existing.key === key)) {
			throw errors.badRequest(`An association with the key ${key} already exists`);
		}
		const time = nowIso();
		const association: GenericRecord = {
			id: ctx.state.store.newRecordId(),
			locationId,
			key,
			firstObjectKey: checkObjectKey(ctx, locationId, 'firstObjectKey', ctx.body.firstObjectKey),
			firstObjectLabel: checkLabel('firstObjectLabel', ctx.body.firstObjectLabel),
			secondObjectKey: checkObjectKey(ctx, locationId, 'secondObjectKey', ctx.body.secondObjectKey),
			secondObjectLabel: checkLabel('secondObjectLabel', ctx.body.secondObjectLabel),
			associationType: 'USER_DEFINED',
			createdAt: time,
			updatedAt: time,
		};
		associations(ctx).set(association.id, association);
		ctx.state.webhooks.emit(associationEvent('AssociationCreate', association));
		return answer(ctx, 201, view(association));
	},
	'find-associations': (ctx) => {
		const locationId = locationOf(ctx);
		const mine = [...associations(ctx).values()].filter((association) => association.locationId === locationId);
		return answer(ctx, 200, { associations: page(mine, ctx).map(view), total: mine.length });
	},
	'get-association-by-ID': (ctx) => answer(ctx, 200, view(getAssociation(ctx, ctx.params.associationId))),
	'get-association-key-by-key-name': (ctx) => {
		const locationId = locationOf(ctx);
		const found = [...associations(ctx).values()].find((association) => association.locationId === locationId && association.key === ctx.params.key_name);
		if (!found) throw errors.notFound('Association not found');
		return answer(ctx, 200, view(found));
	},
	'get-association-by-object-keys': (ctx) => {
		const locationId = locationOf(ctx);
		const { objectKey } = ctx.params;
		const found = [...associations(ctx).values()].filter(
			(association) => association.locationId === locationId && (association.firstObjectKey === objectKey || association.secondObjectKey === objectKey),
		);
		return answer(ctx, 200, { associations: found.map(view) });
	},
	'update-association': (ctx) => {
		const association = getAssociation(ctx, ctx.params.associationId);
		// GHL updates the labels only; keys, objects and type stay as made.
		Object.assign(association, {
			firstObjectLabel: checkLabel('firstObjectLabel', ctx.body.firstObjectLabel),
			secondObjectLabel: checkLabel('secondObjectLabel', ctx.body.secondObjectLabel),
			updatedAt: nowIso(),
		});
		ctx.state.webhooks.emit(associationEvent('AssociationUpdate', association));
		return answer(ctx, 200, view(association));
	},
	'delete-association': (ctx) => {
		const association = getAssociation(ctx, ctx.params.associationId);
		if (association.associationType !== 'USER_DEFINED') throw errors.badRequest('Only USER_DEFINED associations can be deleted');
		associations(ctx).delete(association.id);
		for (const relation of [...relations(ctx).values()]) {
			if (relation.associationId === association.id) relations(ctx).delete(relation.id);
		}
		ctx.state.webhooks.emit(associationEvent('AssociationDelete', association));
		return answer(ctx, 200, { deleted: true, id: association.id, message: 'Association deleted successfully' });
	},
	'create-relation': (ctx) => {
		const locationId = locationOf(ctx);
		const { associationId, firstRecordId, secondRecordId } = ctx.body as Record<string, string>;
		const association = associations(ctx).get(associationId);
		if (!association || association.locationId !== locationId) throw errors.badRequest(`Association ${associationId} not found`);
		const firstObjectKey = String(association.firstObjectKey);
		const secondObjectKey = String(association.secondObjectKey);
		checkRecord(ctx, locationId, 'firstRecordId', firstObjectKey, firstRecordId);
		checkRecord(ctx, locationId, 'secondRecordId', secondObjectKey, secondRecordId);
		const duplicate = [...relations(ctx).values()].some(
			(relation) => relation.associationId === associationId && relation.firstRecordId === firstRecordId && relation.secondRecordId === secondRecordId,
		);
		if (duplicate) throw errors.badRequest('Relation already exists');
		const relation: GenericRecord = {
			id: ctx.state.store.newRecordId(),
			associationId,
			firstRecordId,
			secondRecordId,
			firstObjectKey,
			secondObjectKey,
			locationId,
			createdAt: nowIso(),
		};
		relations(ctx).set(relation.id, relation);
		ctx.state.webhooks.emit(relationEvent('RelationCreate', relation));
		return answer(ctx, 201, relation);
	},
	'get-relations-by-record-id': (ctx) => {
		const locationId = locationOf(ctx);
		const { recordId } = ctx.params;
		const wanted = ctx.query.associationIds as string[] | undefined;
		const found = [...relations(ctx).values()].filter(
			(relation) =>
				relation.locationId === locationId &&
				(relation.firstRecordId === recordId || relation.secondRecordId === recordId) &&
				(!wanted?.length || wanted.includes(String(relation.associationId))),
		);
		return answer(ctx, 200, { relations: page(found, ctx), total: found.length });
	},
	'delete-relation': (ctx) => {
		const relation = findRecord(ctx, relations(ctx), ctx.params.relationId, 'Relation');
		if (relation.locationId !== locationOf(ctx)) throw errors.forbiddenLocation();
		relations(ctx).delete(relation.id);
		ctx.state.webhooks.emit(relationEvent('RelationDelete', relation));
		return answer(ctx, 200, relation);
	},
};

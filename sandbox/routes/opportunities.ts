/**
 * Opportunities (apps/opportunities.json, Version 2021-07-28): records in the generic store's
 * `/opportunities` collection, pipelines and lost reasons seeded (sandbox/seed.ts). Hand-written
 * where GHL checks more than the schema: the pipeline, stage and contact must be the location's, a
 * stage must belong to its pipeline, the search filters and pages with startAfter/startAfterId.
 */
import { errors } from '../http';
import type { GenericRecord } from '../store';
import { bodyRefusal } from '../validation';
import { contactName } from '../store';
import { getContact, nowIso, principalLocationId } from './common';
import type { Handler, HandlerContext } from './context';
import { answer, findRecord } from './generic';

export const OPPORTUNITIES = '/opportunities';
export const PIPELINES = '/opportunities/pipelines';
export const LOST_REASONS = '/opportunities/lost-reason';

const opportunities = (ctx: HandlerContext) => ctx.state.store.collection(OPPORTUNITIES);

function getOpportunity(ctx: HandlerContext, id: string): GenericRecord {
	return findRecord(ctx, opportunities(ctx), id, 'Opportunity');
}

/** The location's pipeline, and the stage (its first when none is given), or a 400 naming which is wrong. */
function pipelineAndStage(ctx: HandlerContext, pipelineId: string, stageId: string | undefined, locationId: string): { pipelineId: string; stageId: string } {
	const pipeline = ctx.state.store.collection(PIPELINES).get(pipelineId);
	if (!pipeline || pipeline.locationId !== locationId) throw errors.badRequest('Pipeline not found');
	const stages = (pipeline.stages ?? []) as Array<{ id: string }>;
	const stage = stageId === undefined ? stages[0] : stages.find((candidate) => candidate.id === stageId);
	if (!stage) throw errors.badRequest('Pipeline stage not found in this pipeline');
	return { pipelineId, stageId: stage.id };
}

/** The contact summary GHL embeds in an opportunity. */
function withContact(ctx: HandlerContext, record: GenericRecord): GenericRecord {
	const contact = typeof record.contactId === 'string' ? ctx.state.store.contacts.get(record.contactId) : undefined;
	if (!contact) return record;
	return {
		...record,
		contact: {
			id: contact.id,
			name: contactName(contact) ?? '',
			companyName: contact.companyName ?? '',
			email: contact.email ?? '',
			phone: contact.phone ?? '',
			tags: [...contact.tags],
		},
	};
}

const WRITABLE = ['name', 'status', 'monetaryValue', 'assignedTo', 'source', 'lostReasonId', 'customFields'];

/** Applies a create/update/upsert body to a record: fields, pipeline and stage checked, change dates moved. */
function apply(ctx: HandlerContext, record: GenericRecord, body: Record<string, unknown>): GenericRecord {
	const time = nowIso();
	const locationId = String(record.locationId);
	if (body.pipelineId !== undefined || body.pipelineStageId !== undefined) {
		const pipelineId = String(body.pipelineId ?? record.pipelineId);
		const stageId = body.pipelineStageId === undefined && pipelineId === record.pipelineId ? String(record.pipelineStageId) : (body.pipelineStageId as string | undefined);
		const checked = pipelineAndStage(ctx, pipelineId, stageId, locationId);
		if (checked.stageId !== record.pipelineStageId) record.lastStageChangeAt = time;
		record.pipelineId = checked.pipelineId;
		record.pipelineStageId = checked.stageId;
	}
	if (body.status !== undefined && body.status !== record.status) record.lastStatusChangeAt = time;
	if (body.assignedTo !== undefined && !ctx.state.store.users.get(String(body.assignedTo))?.locationIds.includes(locationId)) {
		throw bodyRefusal(ctx.op, ['assignedTo must be a user of this location']);
	}
	for (const name of WRITABLE) if (body[name] !== undefined) record[name] = body[name];
	record.updatedAt = time;
	record.lastActionDate = time;
	return record;
}

function create(ctx: HandlerContext, body: Record<string, unknown>): GenericRecord {
	const locationId = String(body.locationId);
	const contact = getContact(ctx, String(body.contactId));
	if (contact.locationId !== locationId) throw errors.badRequest('Contact not found');
	const time = nowIso();
	const record: GenericRecord = {
		id: ctx.state.store.newRecordId(),
		locationId,
		contactId: contact.id,
		name: body.name ?? contactName(contact) ?? 'Opportunity',
		status: 'open',
		monetaryValue: 0,
		source: 'public api',
		followers: [],
		createdAt: time,
		lastStatusChangeAt: time,
		lastStageChangeAt: time,
	};
	apply(ctx, record, { pipelineStageId: undefined, ...body, pipelineId: body.pipelineId });
	opportunities(ctx).set(record.id, record);
	return record;
}

/** GHL's `date`/`endDate` filters: mm-dd-yyyy (the built-in node sends that), or ISO. */
function filterDate(value: unknown, endOfDay: boolean): number | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	const us = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
	const ms = us ? Date.UTC(Number(us[3]), Number(us[1]) - 1, Number(us[2])) : Date.parse(value);
	if (Number.isNaN(ms)) throw errors.badRequest(`${endOfDay ? 'endDate' : 'date'} must be a date (mm-dd-yyyy)`);
	return us && endOfDay ? ms + 86_399_999 : ms;
}

const search: Handler = (ctx) => {
	const q = ctx.query;
	const locationId = String(q.location_id);
	const from = filterDate(q.date, false);
	const to = filterDate(q.endDate, true);
	const text = typeof q.q === 'string' ? q.q.trim().toLowerCase() : '';
	const equal: Array<[string, string]> = [
		['pipeline_id', 'pipelineId'],
		['pipeline_stage_id', 'pipelineStageId'],
		['contact_id', 'contactId'],
		['assigned_to', 'assignedTo'],
		['id', 'id'],
	];
	let list = [...opportunities(ctx).values()]
		.filter((record) => record.locationId === locationId)
		.filter((record) => equal.every(([param, field]) => q[param] === undefined || record[field] === q[param]))
		.filter((record) => q.status === undefined || q.status === 'all' || record.status === q.status)
		.filter((record) => (from === undefined || Date.parse(String(record.createdAt)) >= from) && (to === undefined || Date.parse(String(record.createdAt)) <= to))
		.map((record) => withContact(ctx, record))
		.filter((record) => !text || JSON.stringify([record.name, record.contact]).toLowerCase().includes(text));
	// Newest first unless order=added_asc; ties by id, so startAfter/startAfterId is a strict cursor.
	const ascending = q.order === 'added_asc';
	const key = (record: GenericRecord) => `${String(Date.parse(String(record.createdAt))).padStart(15, '0')}|${record.id}`;
	list.sort((a, b) => (ascending ? key(a).localeCompare(key(b)) : key(b).localeCompare(key(a))));
	const total = list.length;
	if (q.startAfterId !== undefined && q.startAfter !== undefined) {
		const cursor = `${String(Number(q.startAfter)).padStart(15, '0')}|${String(q.startAfterId)}`;
		list = list.filter((record) => (ascending ? key(record) > cursor : key(record) < cursor));
	}
	const limit = Math.min(Number(q.limit ?? 20), 100);
	const page = Number(q.page ?? 1);
	const start = q.startAfterId === undefined ? (page - 1) * limit : 0;
	const pageItems = list.slice(start, start + limit);
	const last = pageItems[pageItems.length - 1];
	const more = list.length > start + limit;
	const meta = {
		total,
		currentPage: page,
		...(more && last
			? {
					nextPage: page + 1,
					startAfterId: last.id,
					startAfter: Date.parse(String(last.createdAt)),
					nextPageUrl: `${ctx.state.baseUrl}/opportunities/search?location_id=${locationId}&startAfterId=${last.id}&startAfter=${Date.parse(String(last.createdAt))}`,
				}
			: {}),
		...(page > 1 ? { prevPage: page - 1 } : {}),
	};
	const result = answer(ctx.op, { list: pageItems, total });
	(result.body as Record<string, unknown>).meta = meta;
	return result;
};

/*
 * POST /opportunities/search filters and sort, as GHL documents them on the page the spec's
 * description links to (doc.clickup.com/8631005/d/h/87cpx-424216): `filters` of {field, operator,
 * value} or nested {group: AND|OR, filters}, operators eq, not_eq, contains, not_contains, exists,
 * not_exists, range ({gte, lte, gt, lt}); `sort` of {field, direction}; up to 500 a page.
 */
const MAX_ADVANCED_PAGE = 500;

/** The documented filter and sort fields, read from an opportunity as GHL answers it. */
const FIELDS: Record<string, (record: GenericRecord) => unknown> = {
	id: (record) => record.id,
	name: (record) => record.name,
	monetary_value: (record) => record.monetaryValue,
	pipeline_id: (record) => record.pipelineId,
	pipeline_stage_id: (record) => record.pipelineStageId,
	status: (record) => record.status,
	lost_reason_id: (record) => record.lostReasonId,
	source: (record) => record.source,
	assigned_to: (record) => record.assignedTo,
	followers: (record) => record.followers,
	contact_id: (record) => record.contactId,
	contact_name: (record) => (record.contact as GenericRecord | undefined)?.name,
	company_name: (record) => (record.contact as GenericRecord | undefined)?.companyName,
	email: (record) => (record.contact as GenericRecord | undefined)?.email,
	phone: (record) => (record.contact as GenericRecord | undefined)?.phone,
	date_added: (record) => record.createdAt,
	date_updated: (record) => record.updatedAt,
	last_status_change_date: (record) => record.lastStatusChangeAt,
	last_stage_change_date: (record) => record.lastStageChangeAt,
};
const DATE_FIELDS = new Set(['date_added', 'date_updated', 'last_status_change_date', 'last_stage_change_date']);
const SORT_FIELDS = new Set(['date_added', 'date_updated', 'name', 'monetary_value', 'last_status_change_date', 'last_stage_change_date']);

interface SortTerm {
	field: string;
	direction: 'asc' | 'desc';
}

/** A comparable value: dates (ISO or epoch ms) as epoch ms. */
function comparable(field: string, value: unknown): unknown {
	if (!DATE_FIELDS.has(field) || value === undefined || value === null) return value;
	const ms = typeof value === 'number' ? value : Date.parse(String(value));
	if (Number.isNaN(ms)) throw errors.unprocessable([`${field} range values must be dates`]);
	return ms;
}

function matches(record: GenericRecord, filter: unknown): boolean {
	const f = (filter ?? {}) as { group?: string; filters?: unknown[]; field?: string; operator?: string; value?: unknown };
	if (f.group !== undefined) {
		const members = Array.isArray(f.filters) ? f.filters : [];
		if (f.group === 'AND') return members.every((member) => matches(record, member));
		if (f.group === 'OR') return members.some((member) => matches(record, member));
		throw errors.unprocessable(['group must be one of the following values: AND, OR']);
	}
	const read = FIELDS[String(f.field)];
	if (!read) throw errors.unprocessable([`filters: field ${String(f.field)} is not supported`]);
	const field = String(f.field);
	const actual = comparable(field, read(record));
	const present = actual !== undefined && actual !== null && actual !== '' && !(Array.isArray(actual) && actual.length === 0);
	const has = (value: unknown) => (Array.isArray(actual) ? actual.includes(value) : actual === value);
	const includes = (value: unknown) =>
		(Array.isArray(actual) ? actual : [actual]).some((entry) => typeof entry === 'string' && entry.toLowerCase().includes(String(value).toLowerCase()));
	switch (f.operator) {
		case 'eq':
			return has(f.value);
		case 'not_eq':
			return !has(f.value);
		case 'contains':
			return includes(f.value);
		case 'not_contains':
			return !includes(f.value);
		case 'exists':
			return present;
		case 'not_exists':
			return !present;
		case 'range': {
			const bounds = (f.value ?? {}) as Record<string, unknown>;
			if (!present || typeof actual !== 'number') return false;
			const bound = (name: string) => (bounds[name] === undefined ? undefined : (comparable(field, bounds[name]) as number));
			const [gte, gt, lte, lt] = ['gte', 'gt', 'lte', 'lt'].map(bound);
			return (gte === undefined || actual >= gte) && (gt === undefined || actual > gt) && (lte === undefined || actual <= lte) && (lt === undefined || actual < lt);
		}
	}
	throw errors.unprocessable([`filters: operator ${String(f.operator)} is not supported`]);
}

/** Sorts by the terms in order; records equal on every term keep a stable order by id. */
function bySort(terms: SortTerm[]): (a: GenericRecord, b: GenericRecord) => number {
	for (const term of terms) if (!SORT_FIELDS.has(term.field)) throw errors.unprocessable([`sort: field ${term.field} is not supported`]);
	return (a, b) => {
		for (const { field, direction } of terms) {
			const [x, y] = [comparable(field, FIELDS[field](a)), comparable(field, FIELDS[field](b))] as Array<string | number | undefined>;
			if (x === y) continue;
			const order = x === undefined ? -1 : y === undefined ? 1 : x < y ? -1 : 1;
			return direction === 'desc' ? -order : order;
		}
		return a.id.localeCompare(b.id);
	};
}

export const opportunityHandlers: Record<string, Handler> = {
	'get-pipelines': (ctx) => {
		const locationId = String(ctx.query.locationId);
		return answer(ctx.op, { list: [...ctx.state.store.collection(PIPELINES).values()].filter((pipeline) => pipeline.locationId === locationId) });
	},
	'get-lost-reason': (ctx) => {
		const locationId = String(ctx.query.locationId);
		return answer(ctx.op, { list: [...ctx.state.store.collection(LOST_REASONS).values()].filter((reason) => reason.locationId === locationId) });
	},
	'search-opportunity': search,
	'search-opportunities-advanced': (ctx) => {
		const b = ctx.body;
		const text = String(b.query ?? '').trim().toLowerCase();
		const filters = Array.isArray(b.filters) ? (b.filters as unknown[]) : [];
		const sort = Array.isArray(b.sort) ? (b.sort as SortTerm[]) : [];
		const list = [...opportunities(ctx).values()]
			.filter((record) => record.locationId === b.locationId)
			.map((record) => withContact(ctx, record))
			.filter((record) => !text || JSON.stringify([record.name, record.contact]).toLowerCase().includes(text))
			.filter((record) => filters.every((filter) => matches(record, filter)))
			.sort(sort.length ? bySort(sort) : (a, b2) => String(b2.createdAt).localeCompare(String(a.createdAt)) || String(a.id).localeCompare(String(b2.id)));
		const limit = Math.min(Number(b.limit) || 20, MAX_ADVANCED_PAGE);
		const start = (Math.max(Number(b.page) || 1, 1) - 1) * limit;
		return answer(ctx.op, { list: list.slice(start, start + limit), total: list.length });
	},
	'get-opportunity': (ctx) => answer(ctx.op, { record: withContact(ctx, getOpportunity(ctx, ctx.params.id)) }),
	'create-opportunity': (ctx) => answer(ctx.op, { record: withContact(ctx, create(ctx, ctx.body)) }),
	'update-opportunity': (ctx) => {
		const record = getOpportunity(ctx, ctx.params.id);
		return answer(ctx.op, { record: withContact(ctx, apply(ctx, record, ctx.body)) });
	},
	'update-opportunity-status': (ctx) => {
		const record = getOpportunity(ctx, ctx.params.id);
		apply(ctx, record, { status: ctx.body.status, ...(ctx.body.lostReasonId !== undefined ? { lostReasonId: ctx.body.lostReasonId } : {}) });
		return answer(ctx.op, {});
	},
	'delete-opportunity': (ctx) => {
		const record = getOpportunity(ctx, ctx.params.id);
		opportunities(ctx).delete(record.id);
		return answer(ctx.op, {});
	},
	/** By `id` when given, else the contact's opportunity in the pipeline; created when there is none. */
	'Upsert-opportunity': (ctx) => {
		const b = ctx.body;
		principalLocationId(ctx);
		const existing =
			typeof b.id === 'string'
				? getOpportunity(ctx, b.id)
				: [...opportunities(ctx).values()].find((record) => record.locationId === b.locationId && record.contactId === b.contactId && record.pipelineId === b.pipelineId);
		if (existing) {
			if (existing.contactId !== b.contactId) throw errors.badRequest('The opportunity belongs to another contact');
			const { id: _id, contactId: _contactId, locationId: _locationId, ...fields } = b;
			return answer(ctx.op, { record: withContact(ctx, apply(ctx, existing, fields)) }, { new: false, opportunity: withContact(ctx, existing) });
		}
		const created = create(ctx, b);
		return answer(ctx.op, { record: withContact(ctx, created) }, { new: true, opportunity: withContact(ctx, created) });
	},
	'add-followers-opportunity': (ctx) => {
		const record = getOpportunity(ctx, ctx.params.id);
		const current = (record.followers ?? []) as string[];
		const added = (ctx.body.followers as string[]).filter((id) => !current.includes(id));
		for (const id of added) {
			if (!ctx.state.store.users.get(id)?.locationIds.includes(String(record.locationId))) throw bodyRefusal(ctx.op, [`followers: ${id} is not a user of this location`]);
		}
		record.followers = [...current, ...added];
		return answer(ctx.op, {}, { followers: record.followers, followersAdded: added });
	},
	'remove-followers-opportunity': (ctx) => {
		const record = getOpportunity(ctx, ctx.params.id);
		const current = (record.followers ?? []) as string[];
		const removing = ctx.query.isRemoveAllFollowers === true ? current : (ctx.body.followers as string[]);
		record.followers = current.filter((id) => !removing.includes(id));
		return answer(ctx.op, {}, { followers: record.followers, followersRemoved: current.filter((id) => removing.includes(id)) });
	},
};

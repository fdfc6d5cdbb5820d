/**
 * `POST /contacts/search` — contract from research §1.4 (the spec's body is empty):
 * `{locationId, pageLimit ≤ 500, page | searchAfter, filters, sort, query}` →
 * `{contacts: [...each with searchAfter], total}`. The cursor for the next page is the
 * `searchAfter` of the last contact; filters and sort must be sent again with it. With
 * `searchIndexLagMs` the search reads a lagging index (searchIndex.ts), not the live store.
 */
import { errors, isPlainObject } from '../http';
import { contactName, toListedContact, type ContactRecord } from '../store';
import { whitelistMessage } from '../validation';
import { getLocation } from './common';
import type { Handler } from './context';

type Scalar = string | number | boolean | undefined;
type FieldValue = Scalar | string[];

const DATE_FIELDS = new Set(['dateAdded', 'dateUpdated', 'dateOfBirth', 'lastActivity']);

/** Fields the search understands (GHL's search field names; case-insensitive string matching). */
const FIELD_ACCESSORS: Record<string, (c: ContactRecord) => FieldValue> = {
	id: (c) => c.id,
	firstName: (c) => c.firstName ?? undefined,
	firstNameLowerCase: (c) => c.firstName?.toLowerCase(),
	lastName: (c) => c.lastName ?? undefined,
	lastNameLowerCase: (c) => c.lastName?.toLowerCase(),
	contactName: (c) => contactName(c),
	fullNameLowerCase: (c) => contactName(c)?.toLowerCase(),
	email: (c) => c.email ?? undefined,
	phone: (c) => c.phone ?? undefined,
	companyName: (c) => c.companyName ?? undefined,
	businessName: (c) => c.companyName ?? undefined,
	address: (c) => c.address1 ?? undefined,
	address1: (c) => c.address1 ?? undefined,
	city: (c) => c.city ?? undefined,
	state: (c) => c.state ?? undefined,
	country: (c) => c.country,
	postalCode: (c) => c.postalCode,
	website: (c) => c.website ?? undefined,
	timezone: (c) => c.timezone ?? undefined,
	source: (c) => c.source ?? undefined,
	type: (c) => c.type,
	tags: (c) => c.tags,
	followers: (c) => c.followers,
	dnd: (c) => c.dnd,
	assignedTo: (c) => c.assignedTo ?? undefined,
	businessId: (c) => c.businessId ?? undefined,
	dateAdded: (c) => Date.parse(c.dateAdded),
	dateUpdated: (c) => Date.parse(c.dateUpdated),
	dateOfBirth: (c) => (c.dateOfBirth ? Date.parse(c.dateOfBirth) : undefined),
};

function accessor(field: string): ((c: ContactRecord) => FieldValue) | undefined {
	if (FIELD_ACCESSORS[field]) return FIELD_ACCESSORS[field];
	const custom = /^customFields?\.(.+)$/.exec(field);
	if (custom) {
		return (c) => {
			const v = c.customFields[custom[1]];
			if (Array.isArray(v)) return v.map(String);
			return v === undefined || v === null ? undefined : (v as Scalar);
		};
	}
	return undefined;
}

const OPERATORS = ['eq', 'not_eq', 'contains', 'not_contains', 'exists', 'not_exists', 'range'] as const;
type Operator = (typeof OPERATORS)[number];

interface Condition {
	field: string;
	operator: Operator;
	value?: unknown;
}
interface Group {
	group: 'AND' | 'OR';
	filters: Filter[];
}
type Filter = Condition | Group;

// Documented keys (research §1.4); like the rest of the body, anything else is refused.
const CONDITION_KEYS = ['field', 'operator', 'value'];
const GROUP_KEYS = ['group', 'filters'];
const RANGE_KEYS = ['gt', 'gte', 'lt', 'lte'];

function refuseOtherKeys(item: Record<string, unknown>, allowed: string[], at: string, problems: string[]): void {
	for (const key of Object.keys(item)) if (!allowed.includes(key)) problems.push(whitelistMessage(at, key));
}

/** Validates the filter tree; problems are a 422 like every other body problem. */
function parseFilters(raw: unknown, path: string, problems: string[]): Filter[] {
	if (!Array.isArray(raw)) {
		problems.push(`${path} must be an array`);
		return [];
	}
	return raw.flatMap((item, i): Filter[] => {
		const at = `${path}.${i}`;
		if (!isPlainObject(item)) {
			problems.push(`${at} must be an object`);
			return [];
		}
		if ('group' in item) {
			refuseOtherKeys(item, GROUP_KEYS, at, problems);
			if (item.group !== 'AND' && item.group !== 'OR') problems.push(`${at}.group must be one of the following values: AND, OR`);
			return [{ group: item.group as 'AND' | 'OR', filters: parseFilters(item.filters, `${at}.filters`, problems) }];
		}
		refuseOtherKeys(item, CONDITION_KEYS, at, problems);
		const { field, operator, value } = item;
		if (typeof field !== 'string' || !accessor(field)) {
			problems.push(`${at}.field ${typeof field === 'string' ? `${field} is not a supported search field` : 'must be a string'}`);
		}
		if (!OPERATORS.includes(operator as Operator)) {
			problems.push(`${at}.operator must be one of the following values: ${OPERATORS.join(', ')}`);
		}
		if (operator !== 'exists' && operator !== 'not_exists' && value === undefined) {
			problems.push(`${at}.value should not be empty`);
		}
		if (operator === 'range') {
			if (!(isPlainObject(value) && RANGE_KEYS.some((k) => k in value))) {
				problems.push(`${at}.value must be an object with gt, gte, lt or lte for the range operator`);
			} else refuseOtherKeys(value, RANGE_KEYS, `${at}.value`, problems);
		}
		return [{ field: field as string, operator: operator as Operator, value }];
	});
}

const norm = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

function toComparable(field: string, v: unknown): unknown {
	if (DATE_FIELDS.has(field) && typeof v === 'string') return Date.parse(v);
	if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) && field.startsWith('customField')) return Number(v);
	return norm(v);
}

function equals(field: string, actual: FieldValue, expected: unknown): boolean {
	const wanted = (Array.isArray(expected) ? expected : [expected]).map((e) => toComparable(field, e));
	const values = Array.isArray(actual) ? actual.map((a) => norm(a)) : [toComparable(field, actual)];
	return values.some((v) => wanted.includes(v));
}

function contains(actual: FieldValue, expected: unknown): boolean {
	const needle = String(expected).toLowerCase();
	const values = Array.isArray(actual) ? actual : actual === undefined ? [] : [String(actual)];
	return values.some((v) => String(v).toLowerCase().includes(needle));
}

function exists(actual: FieldValue): boolean {
	return !(actual === undefined || actual === '' || (Array.isArray(actual) && actual.length === 0));
}

function inRange(field: string, actual: FieldValue, range: Record<string, unknown>): boolean {
	if (actual === undefined || Array.isArray(actual)) return false;
	const v = Number(toComparable(field, actual));
	const bound = (k: string) => Number(toComparable(field, range[k]));
	if ('gt' in range && !(v > bound('gt'))) return false;
	if ('gte' in range && !(v >= bound('gte'))) return false;
	if ('lt' in range && !(v < bound('lt'))) return false;
	if ('lte' in range && !(v <= bound('lte'))) return false;
	return true;
}

function matches(c: ContactRecord, filter: Filter): boolean {
	if ('group' in filter) {
		return filter.group === 'OR' ? filter.filters.some((f) => matches(c, f)) : filter.filters.every((f) => matches(c, f));
	}
	const actual = accessor(filter.field)!(c);
	switch (filter.operator) {
		case 'eq':
			return equals(filter.field, actual, filter.value);
		case 'not_eq':
			return !equals(filter.field, actual, filter.value);
		case 'contains':
			return contains(actual, filter.value);
		case 'not_contains':
			return !contains(actual, filter.value);
		case 'exists':
			return exists(actual);
		case 'not_exists':
			return !exists(actual);
		case 'range':
			return inRange(filter.field, actual, filter.value as Record<string, unknown>);
	}
	return false;
}

function matchesQuery(c: ContactRecord, query: string | undefined): boolean {
	if (!query) return true;
	const q = query.toLowerCase();
	return [contactName(c), c.firstName, c.lastName, c.email, c.phone, c.companyName]
		.filter((v): v is string => typeof v === 'string')
		.some((v) => v.toLowerCase().includes(q));
}

interface SortSpec {
	field: string;
	direction: 'asc' | 'desc';
}

function sortKey(c: ContactRecord, sort: SortSpec[]): (string | number)[] {
	return [
		...sort.map((s) => {
			const v = accessor(s.field)!(c);
			if (Array.isArray(v)) return v.join(',').toLowerCase();
			if (typeof v === 'number') return v;
			if (typeof v === 'boolean') return v ? 1 : 0;
			return v === undefined ? '' : String(v).toLowerCase();
		}),
		c.id,
	];
}

function compareKeys(a: unknown[], b: unknown[], sort: SortSpec[]): number {
	for (let i = 0; i < a.length; i++) {
		const dir = i < sort.length && sort[i].direction === 'desc' ? -1 : 1;
		const x = a[i] as string | number;
		const y = b[i] as string | number;
		if (x === y) continue;
		if (typeof x === 'number' && typeof y === 'number') return (x - y) * dir;
		return (String(x) < String(y) ? -1 : 1) * dir;
	}
	return 0;
}

export const searchContacts: Handler = (ctx) => {
	const { body } = ctx;
	const location = getLocation(ctx, body.locationId);
	const problems: string[] = [];
	const filters = body.filters === undefined ? [] : parseFilters(body.filters, 'filters', problems);
	// Default order: newest first (dateAdded desc), id as the tie-breaker.
	const sort: SortSpec[] = Array.isArray(body.sort) && body.sort.length ? body.sort : [{ field: 'dateAdded', direction: 'desc' }];
	sort.forEach((s, i) => {
		if (!accessor(s.field)) problems.push(`sort.${i}.field ${s.field} is not a supported sort field`);
	});
	const searchAfter: unknown[] | undefined = body.searchAfter;
	if (searchAfter && searchAfter.length !== sort.length + 1) {
		problems.push(`searchAfter must have ${sort.length + 1} values (the searchAfter of the last contact of the previous page)`);
	}
	if (problems.length) throw errors.unprocessable(problems);

	const { store, searchIndex } = ctx.state;
	const indexed = searchIndex ? searchIndex.searchable(store) : [...store.contacts.values()];
	const rows = indexed
		.filter((c) => c.locationId === location.id && matchesQuery(c, body.query) && filters.every((f) => matches(c, f)))
		.map((c) => ({ c, key: sortKey(c, sort) }))
		.sort((a, b) => compareKeys(a.key, b.key, sort));
	const pageLimit: number = body.pageLimit;
	let start = 0;
	if (searchAfter) {
		const index = rows.findIndex((r) => compareKeys(r.key, searchAfter, sort) > 0);
		start = index < 0 ? rows.length : index;
	} else if (body.page) {
		start = (body.page - 1) * pageLimit;
	}
	const page = rows.slice(start, start + pageLimit);
	return {
		status: 200,
		body: {
			contacts: page.map(({ c, key }) => ({ ...toListedContact(c), searchAfter: key })),
			total: rows.length,
		},
	};
};

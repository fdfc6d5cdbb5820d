/**
 * Request validation against the official OpenAPI (ajv over the dereferenced schemas),
 * plus the semantic rules GHL enforces that the spec only states in prose.
 * Messages imitate NestJS/class-validator ("email must be an email", "property x should not exist").
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { errors, HttpError, isPlainObject } from './http';
import type { JsonSchema, OperationSpec } from './openapi';

const ajv = new Ajv({ strict: false, allErrors: true, verbose: true });
addFormats(ajv);

const validatorCache = new WeakMap<OperationSpec, ValidateFunction>();

/**
 * `POST /contacts/search`: the spec's SearchBodyV2DTO is an empty object; this is the
 * documented contract from research §1.4 (white-label mirror of GHL's docs).
 */
export const SEARCH_BODY_SCHEMA: JsonSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['locationId', 'pageLimit'],
	properties: {
		locationId: { type: 'string' },
		page: { type: 'number', minimum: 1 },
		pageLimit: { type: 'number', minimum: 1, maximum: 500 },
		searchAfter: { type: 'array' },
		filters: { type: 'array', items: { type: 'object' } },
		sort: {
			type: 'array',
			items: {
				type: 'object',
				additionalProperties: false,
				required: ['field', 'direction'],
				properties: { field: { type: 'string' }, direction: { type: 'string', enum: ['asc', 'desc'] } },
			},
		},
		query: { type: 'string', maxLength: 75 },
	},
};

/**
 * Item shape of `customFields[]` on contact writes, common to the spec's nine field DTOs:
 * `{id*, key, field_value}`. Ids are checked against the location, values per field type, by the handler.
 */
const CUSTOM_FIELD_ITEM_SCHEMA: JsonSchema = {
	type: 'object',
	required: ['id'],
	properties: {
		id: { type: 'string' },
		key: { type: 'string' },
		field_value: {},
	},
};

/**
 * NestJS `whitelist + forbidNonWhitelisted` with nested DTOs: every object that declares properties
 * refuses others, at any depth. Not inside a multi-branch `allOf` (each branch declares only part of
 * the properties), and not where the schema already says what extra properties may be.
 */
function forbidNonWhitelisted(schema: unknown): void {
	if (Array.isArray(schema)) return schema.forEach(forbidNonWhitelisted);
	if (!isPlainObject(schema)) return;
	const props = schema.properties;
	if (isPlainObject(props) && Object.keys(props).length > 0) schema.additionalProperties ??= false;
	Object.values(isPlainObject(props) ? props : {}).forEach(forbidNonWhitelisted);
	forbidNonWhitelisted(schema.items);
	for (const key of ['anyOf', 'oneOf']) forbidNonWhitelisted(schema[key]);
	if (Array.isArray(schema.allOf) && schema.allOf.length === 1) forbidNonWhitelisted(schema.allOf);
}

function prepareBodySchema(op: OperationSpec): JsonSchema {
	const body = op.body!;
	switch (body.schemaName) {
		case 'SearchBodyV2DTO':
			return SEARCH_BODY_SCHEMA;
		case 'AddContactToCampaignDto':
		case 'DeleteAppointmentSchema':
			// Empty in the spec; GHL's docs send `{}` (research §1.1 row 26, §2).
			return { type: 'object' };
	}
	const schema: JsonSchema = structuredClone(body.schema);
	const props = schema.properties as JsonSchema | undefined;
	if (props?.customFields) {
		// The spec's anyOf of nine field DTOs (all `{id*, key, field_value}`); values are
		// checked per field type against the location's custom fields by the handler.
		props.customFields = { type: 'array', items: CUSTOM_FIELD_ITEM_SCHEMA };
	}
	if (props?.dateOfBirth) {
		// Declared `type: object` but documented (and exemplified) as a date string.
		props.dateOfBirth = { type: 'string', nullable: true };
	}
	if (op.api === 'associations' && props) {
		// createAssociationReqDto / UpdateAssociationReqDto type the object keys and labels as object,
		// but exemplify them as strings ("contact", "student"), as GHL's Association* webhooks send them.
		for (const name of ['firstObjectKey', 'firstObjectLabel', 'secondObjectKey', 'secondObjectLabel']) {
			if (props[name]?.type === 'object') props[name] = { type: 'string' };
		}
	}
	if (body.schemaName === 'UpsertOpportunityDto') {
		// The spec's `followers` is described as "contactId" with a contact id as its example, and
		// monetaryValue is typed object but exemplified as 220: the contact the opportunity is for is
		// required, the value is a number, and the follower fields are optional.
		props!.contactId = { type: 'string' };
		props!.monetaryValue = { type: 'number' };
		schema.required = ['pipelineId', 'locationId', 'contactId'];
	}
	if (body.schemaName === 'OpportunitySearchBodyDTO') {
		// GHL's documentation of this search (linked from the spec's description) adds `filters`
		// (conditions or nested groups, checked by the handler) and `sort`, and requires only
		// locationId and limit: a search by filters alone has no query, a first page no cursor.
		props!.filters = { type: 'array', items: { type: 'object' } };
		props!.sort = {
			type: 'array',
			items: { type: 'object', properties: { field: { type: 'string' }, direction: { type: 'string', enum: ['asc', 'desc'] } }, required: ['field', 'direction'] },
		};
		schema.required = ['locationId', 'limit'];
	}
	// Not for the OAuth form (n8n/OAuth libraries may add standard fields GHL ignores).
	if (op.api !== 'oauth') forbidNonWhitelisted(schema);
	return schema;
}

function getValidator(op: OperationSpec): ValidateFunction {
	let validate = validatorCache.get(op);
	if (!validate) {
		validate = ajv.compile(prepareBodySchema(op));
		validatorCache.set(op, validate);
	}
	return validate;
}

function dotted(instancePath: string): string {
	return instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
}

function typeMessage(path: string, type: string | string[] | undefined): string {
	const segments = path.split('.');
	const last = segments[segments.length - 1];
	// class-validator words array items as "each value in <array> ..."
	const subject = /^\d+$/.test(last) && segments.length > 1 ? `each value in ${segments.slice(0, -1).join('.')}` : path;
	const t = Array.isArray(type) ? type.filter((x) => x !== 'null')[0] : type;
	switch (t) {
		case 'string':
			return `${subject} must be a string`;
		case 'boolean':
			return `${subject} must be a boolean value`;
		case 'number':
		case 'integer':
			return `${subject} must be a number conforming to the specified constraints`;
		case 'array':
			return `${subject} must be an array`;
		case 'object':
			return `${subject} must be an object`;
		default:
			return `${subject} has an invalid type`;
	}
}

/**
 * class-validator's whitelist message; NestJS puts a nested one after its parent's path
 * ("dndSettings.Email.property bogus should not exist"), as it does with every nested constraint.
 */
export function whitelistMessage(parentPath: string, property: string): string {
	return parentPath ? `${parentPath}.property ${property} should not exist` : `property ${property} should not exist`;
}

export function ajvMessages(list: ErrorObject[] | null | undefined): string[] {
	const out: string[] = [];
	for (const e of list ?? []) {
		const at = dotted(e.instancePath);
		const join = (name: string) => (at ? `${at}.${name}` : name);
		switch (e.keyword) {
			case 'required': {
				const name = join(String(e.params.missingProperty));
				out.push(`${name} should not be empty`);
				const propType = (e.parentSchema as JsonSchema | undefined)?.properties?.[e.params.missingProperty]?.type;
				if (propType) out.push(typeMessage(name, propType));
				break;
			}
			case 'additionalProperties':
				out.push(whitelistMessage(at, String(e.params.additionalProperty)));
				break;
			case 'type':
				out.push(typeMessage(at, e.params.type));
				break;
			case 'enum':
				out.push(`${at} must be one of the following values: ${(e.params.allowedValues as unknown[]).join(', ')}`);
				break;
			case 'maximum':
				out.push(`${at} must not be greater than ${e.params.limit}`);
				break;
			case 'minimum':
				out.push(`${at} must not be less than ${e.params.limit}`);
				break;
			case 'maxLength':
				out.push(`${at} must be shorter than or equal to ${e.params.limit} characters`);
				break;
			case 'minLength':
				out.push(`${at} must be longer than or equal to ${e.params.limit} characters`);
				break;
			case 'format':
				out.push(`${at} must be a valid ${e.params.format}`);
				break;
			case 'anyOf':
			case 'oneOf':
				break; // the branch errors already say what is wrong
			default:
				out.push(`${at || 'body'} ${e.message ?? 'is invalid'}`);
		}
	}
	return [...new Set(out)];
}

// ---------------------------------------------------------------------------
// Semantic checks (things GHL enforces beyond the JSON schema)

const ISO_8601 =
	/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3])(:?[0-5]\d)?)?)?$/;

export function isIso8601(value: unknown): value is string {
	return typeof value === 'string' && ISO_8601.test(value) && !Number.isNaN(Date.parse(value));
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;

export function isEmail(value: unknown): boolean {
	return typeof value === 'string' && EMAIL.test(value);
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** `country` must be from GHL's country list (ISO 3166-1 alpha-2 codes). */
export function isCountryCode(value: string): boolean {
	if (!/^[A-Z]{2}$/.test(value)) return false;
	const name = regionNames.of(value);
	return !!name && name !== value && name !== 'Unknown Region';
}

/** dateOfBirth formats listed in the spec: YYYY/MM/DD, MM/DD/YYYY, YYYY-MM-DD, MM-DD-YYYY, with `/ - . _` separators. */
export function parseDateOfBirth(value: string): string | undefined {
	const ymd = /^(\d{4})([/\-._])(\d{1,2})\2(\d{1,2})$/.exec(value);
	const mdy = /^(\d{1,2})([/\-._])(\d{1,2})\2(\d{4})$/.exec(value);
	let y: number;
	let m: number;
	let d: number;
	if (ymd) [y, m, d] = [Number(ymd[1]), Number(ymd[3]), Number(ymd[4])];
	else if (mdy) [y, m, d] = [Number(mdy[4]), Number(mdy[1]), Number(mdy[3])];
	else if (isIso8601(value)) return new Date(value).toISOString();
	else return undefined;
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
	return date.toISOString();
}

const CONTACT_WRITES = new Set(['create-contact', 'update-contact', 'upsert-contact']);

function semanticBodyMessages(op: OperationSpec, body: Record<string, unknown>, schema: JsonSchema): string[] {
	const out: string[] = [];
	// @IsNotEmpty on required strings: "" is refused too. A record search's query is required but
	// may be empty (all records of the object): a guess, GHL's record search lists as well as searches.
	for (const name of (schema.required as string[] | undefined) ?? []) {
		if (body[name] === '' && !(op.operationId === 'search-object-records' && name === 'query')) out.push(`${name} should not be empty`);
	}
	const iso = (field: string) => {
		const v = body[field];
		if (v !== undefined && v !== null && !isIso8601(v)) out.push(`${field} must be a valid ISO 8601 date string`);
	};
	if (CONTACT_WRITES.has(op.operationId)) {
		if (body.email !== undefined && body.email !== null && !isEmail(body.email)) out.push('email must be an email');
		if (typeof body.dateOfBirth === 'string' && !parseDateOfBirth(body.dateOfBirth)) {
			out.push('dateOfBirth must be a valid date (YYYY-MM-DD, MM/DD/YYYY, ...)');
		}
		if (typeof body.country === 'string' && !isCountryCode(body.country)) {
			out.push('country must be a valid ISO 3166-1 alpha-2 country code');
		}
		if (typeof body.phone === 'string' && body.phone !== '' && body.phone.replace(/\D/g, '').length < 7) {
			out.push('phone must be a valid phone number');
		}
		(Array.isArray(body.customFields) ? body.customFields : []).forEach((item: unknown, i: number) => {
			if (isPlainObject(item) && item.id === '') out.push(`customFields.${i}.id should not be empty`);
		});
	}
	switch (op.operationId) {
		case 'create-task':
		case 'update-task':
			iso('dueDate');
			break;
		case 'create-appointment':
		case 'edit-appointment':
			iso('startTime');
			iso('endTime');
			break;
		case 'add-contact-to-workflow':
		case 'delete-contact-from-workflow':
			iso('eventStartTime');
			break;
		case 'search-contacts-advanced':
			if (body.page !== undefined && body.searchAfter !== undefined) {
				out.push('page and searchAfter cannot be used together');
			}
			if (typeof body.page === 'number' && typeof body.pageLimit === 'number' && body.page * body.pageLimit > 10000) {
				out.push('page * pageLimit must not be greater than 10000, use searchAfter to go further');
			}
			break;
	}
	return out;
}

/** The calendars operations whose official spec declares a 422 (the availability schedules' writes). */
const CALENDAR_OPERATIONS_WITH_422 = new Set(['createSchedule', 'updateSchedule']);

/**
 * A refused body (or query property outside the declared set): 422 where the spec declares it; the
 * calendars spec declares only 400 and 401 for its other operations, so there it is NestJS's
 * default 400 with the same messages.
 */
export function bodyRefusal(op: OperationSpec, messages: string[]): HttpError {
	if (op.api === 'calendars' && !CALENDAR_OPERATIONS_WITH_422.has(op.operationId)) return new HttpError(400, { statusCode: 400, message: messages, error: 'Bad Request' });
	return errors.unprocessable(messages);
}

/**
 * A multipart form's text fields as the body schema types them (a form sends only text): a list
 * property takes one value as a one-item list, numbers and booleans are read from their text.
 */
export function formFields(op: OperationSpec, fields: Record<string, string | string[]>): Record<string, unknown> {
	const properties = (op.body?.schema.properties ?? {}) as Record<string, JsonSchema>;
	const out: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(fields)) {
		const type = properties[name]?.type;
		if (type === 'array') out[name] = Array.isArray(value) ? value : [value];
		else if ((type === 'number' || type === 'integer') && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) out[name] = Number(value);
		else if (type === 'boolean' && (value === 'true' || value === 'false')) out[name] = value === 'true';
		else out[name] = value;
	}
	return out;
}

/** Validates a JSON body; missing bodies count as `{}` (as in NestJS). Throws 422 (400 for calendars). */
export function validateBody(op: OperationSpec, body: unknown): Record<string, unknown> {
	if (!op.body) return {};
	// The spec marks these bodies required; a generic OpenAPI validator refuses a missing one.
	if (body === undefined && op.body.required) throw bodyRefusal(op, ['request body is required']);
	const value = body === undefined ? {} : body;
	// A few bodies are lists (calendar notifications): their schema says so.
	if (op.body.schema.type === 'array' && Array.isArray(value)) {
		const validateList = getValidator(op);
		if (!validateList(value)) throw bodyRefusal(op, ajvMessages(validateList.errors));
		return value as unknown as Record<string, unknown>;
	}
	if (!isPlainObject(value)) throw bodyRefusal(op, ['body must be an object']);
	const validate = getValidator(op);
	const messages = validate(value) ? [] : ajvMessages(validate.errors);
	messages.push(...semanticBodyMessages(op, value, validate.schema as JsonSchema));
	if (messages.length) throw bodyRefusal(op, [...new Set(messages)]);
	return value;
}

// ---------------------------------------------------------------------------
// Header / path / query parameters

export function checkVersionHeader(op: OperationSpec, headers: Record<string, string>): void {
	if (!op.version) return;
	const value = headers['version'];
	if (value === undefined || value === '') throw errors.versionMissing();
	if (value.trim() !== op.version) throw errors.versionInvalid();
}

/**
 * Coerces query parameters to their spec types. Problems are a 400 with one message string; a
 * parameter outside the declared set is refused like a body property (422, 400 on calendars routes).
 */
export function validateQuery(op: OperationSpec, rawQuery: Record<string, string | string[]>): Record<string, unknown> {
	const declared = op.params.filter((p) => p.in === 'query');
	const out: Record<string, unknown> = {};
	const problems: string[] = [];
	for (const p of declared) {
		const raw = rawQuery[p.name];
		if (raw === undefined || raw === '') {
			if (p.required) problems.push(`${p.name} should not be empty`);
			else if (p.schema.default !== undefined) out[p.name] = p.schema.default;
			continue;
		}
		const type = p.schema.type;
		if (type === 'array') {
			out[p.name] = Array.isArray(raw) ? raw : [raw];
			continue;
		}
		if (Array.isArray(raw)) {
			problems.push(`${p.name} must be a single value`);
			continue;
		}
		if (type === 'number' || type === 'integer') {
			const n = Number(raw);
			if (!Number.isFinite(n)) problems.push(`${p.name} must be a number conforming to the specified constraints`);
			else out[p.name] = n;
		} else if (type === 'boolean') {
			if (raw !== 'true' && raw !== 'false') problems.push(`${p.name} must be a boolean value`);
			else out[p.name] = raw === 'true';
		} else {
			out[p.name] = raw;
		}
		const allowed = p.schema.enum as unknown[] | undefined;
		if (allowed && out[p.name] !== undefined && !allowed.includes(out[p.name])) {
			problems.push(`${p.name} must be one of the following values: ${allowed.join(', ')}`);
		}
	}
	problems.push(...semanticQueryProblems(op, out));
	// Query DTOs are whitelisted too (a closed set); operations without query parameters ignore the query string.
	const unknown = declared.length > 0 ? Object.keys(rawQuery).filter((key) => !declared.some((p) => p.name === key)) : [];
	if (unknown.length) throw bodyRefusal(op, [...unknown.map((key) => whitelistMessage('', key)), ...problems]);
	if (problems.length) throw errors.badRequest(problems.join('; '));
	return out;
}

function semanticQueryProblems(op: OperationSpec, query: Record<string, unknown>): string[] {
	const out: string[] = [];
	switch (op.operationId) {
		case 'get-contacts': {
			// "will allow maximum up to 100 and default will be 20" (spec, `limit` description)
			const limit = query.limit as number;
			if (limit > 100) out.push('limit must not be greater than 100');
			if (limit < 1) out.push('limit must not be less than 1');
			break;
		}
		case 'get-contacts-by-businessId':
			// Typed string in the spec, but numeric in meaning.
			for (const name of ['limit', 'skip']) {
				const v = query[name];
				if (v !== undefined && !/^\d+$/.test(String(v))) out.push(`${name} must be a number string`);
			}
			if (Number(query.limit) > 100) out.push('limit must not be greater than 100');
			break;
		case 'get-calendar-events':
			for (const name of ['startTime', 'endTime']) {
				if (query[name] !== undefined && !/^\d+$/.test(String(query[name]))) {
					out.push(`${name} must be epoch milliseconds`);
				}
			}
			break;
	}
	return out;
}

// ---------------------------------------------------------------------------
// Responses: in tests, every success answer is checked against the spec's schema for it

const responseAjv = new Ajv({ strict: false, allErrors: true });
addFormats(responseAjv);
const responseValidators = new WeakMap<OperationSpec, Map<string, ValidateFunction>>();

/** Calls `visit` on every (sub)schema object of a dereferenced schema. */
function eachSchema(schema: unknown, visit: (node: JsonSchema) => void): void {
	if (Array.isArray(schema)) schema.forEach((item) => eachSchema(item, visit));
	else if (isPlainObject(schema)) {
		visit(schema);
		Object.values(schema).forEach((value) => eachSchema(value, visit));
	}
}

export interface ResponseSchemaException {
	operationIds: string[];
	/** The spec file, where an operationId is in two (contacts' bulk tags and associations' create are both `create-association`). */
	api?: string;
	/** Why the spec's schema is wrong, and what GHL documents instead. */
	reason: string;
	patch: (schema: JsonSchema) => void;
}

/**
 * Where the spec's success schema contradicts GHL's documented behaviour, the sandbox answers what
 * GHL documents and the schema is corrected here. Keep this list short and every reason checkable.
 */
export const RESPONSE_SCHEMA_EXCEPTIONS: ResponseSchemaException[] = [
	{
		operationIds: ['get-contact', 'create-contact', 'update-contact', 'upsert-contact', 'get-contacts', 'get-contacts-by-businessId'],
		reason:
			'CustomFieldSchema types customFields[].value as string, but GHL documents string | number | array | object ' +
			'(contact webhook docs; the write DTOs take numbers for numeric fields, string arrays for checkbox/multi-select, objects for files)',
		patch: (schema) =>
			eachSchema(schema, (node) => {
				const value = node.properties?.customFields?.items?.properties?.value;
				if (value) value.type = ['string', 'number', 'array', 'object'];
			}),
	},
	{
		operationIds: ['get-appointment', 'get-calendar-events', 'get-blocked-slots'],
		reason:
			'CalendarEventDTO types startTime, endTime, dateAdded and dateUpdated as object, but its own examples are ' +
			'ISO 8601 strings ("2023-09-25T16:00:00+05:30"), as in the appointment create/edit responses',
		patch: (schema) =>
			eachSchema(schema, (node) => {
				for (const name of ['startTime', 'endTime', 'dateAdded', 'dateUpdated']) {
					if (node.properties?.[name]?.type === 'object' && node.properties.appointmentStatus) node.properties[name].type = 'string';
				}
			}),
	},
	{
		operationIds: ['create-block-slot', 'edit-block-slot'],
		reason:
			'BlockedSlotSuccessfulResponseDto types startTime and endTime as object, but its own examples are ISO 8601 ' +
			'strings ("2021-06-23T03:30:00+05:30"), as the request DTO and the calendar events are',
		patch: (schema) => {
			for (const name of ['startTime', 'endTime']) schema.properties[name].type = 'string';
		},
	},
	{
		operationIds: ['create-association'],
		api: 'contacts',
		reason:
			'UpdateTagsResponseDTO types responses as string[], but its own example is an array of objects ' +
			'{contactId, message, type: "success"|"error", oldTags?, tagsAdded?, tagsRemoved?}',
		patch: (schema) => {
			schema.properties.responses.items = {
				type: 'object',
				required: ['contactId', 'message', 'type'],
				properties: { contactId: { type: 'string' }, message: { type: 'string' }, type: { type: 'string', enum: ['success', 'error'] } },
			};
		},
	},
	{
		operationIds: ['task-search'],
		api: 'locations',
		reason:
			'LocationTaskListSuccessfulResponseDto types tasks as an array of arrays; a task is an object, as every ' +
			'other task answer of GHL (TaskSchema: id, title, body, assignedTo, dueDate, completed, contactId)',
		patch: (schema) => {
			const text = { type: 'string' };
			schema.properties.tasks.items = {
				type: 'object',
				required: ['id', 'title', 'contactId'],
				properties: { id: text, title: text, body: text, assignedTo: text, dueDate: text, completed: { type: 'boolean' }, contactId: text, dateAdded: text, dateUpdated: text },
			};
		},
	},
	{
		operationIds: ['GET-all-or-email-sms-templates'],
		api: 'locations',
		reason:
			'GetTemplatesSuccessfulResponseDto lists templates as oneOf an SMS and an email template schema, neither with ' +
			'required fields, so every template matches both and "exactly one" can never hold: either kind is meant (anyOf)',
		patch: (schema) => {
			const items = schema.properties.templates.items;
			items.anyOf = items.oneOf;
			delete items.oneOf;
		},
	},
	{
		operationIds: ['upload-file-customFields'],
		api: 'locations',
		reason:
			'FileUploadResponseDto types meta as string[], but its own example is an array of objects ' +
			'{fieldname, originalname, encoding, mimetype, size, url}, one per uploaded file',
		patch: (schema) => {
			schema.properties.meta.items = {
				type: 'object',
				required: ['fieldname', 'originalname', 'mimetype', 'size', 'url'],
				properties: { fieldname: { type: 'string' }, originalname: { type: 'string' }, encoding: { type: 'string' }, mimetype: { type: 'string' }, size: { type: 'number' }, url: { type: 'string' } },
			};
		},
	},
	{
		operationIds: ['search-conversation'],
		api: 'conversations',
		reason:
			'ConversationSchema has no sort value, but the same operation pages with startAfterDate, which "should contain ' +
			'the sort value of the last document": GHL answers each conversation\'s sort ([number]) and lastMessageDate',
		patch: (schema) => {
			Object.assign(schema.properties.conversations.items.properties, {
				sort: { type: 'array', items: { type: 'number' } },
				lastMessageDate: { type: 'number' },
			});
		},
	},
	{
		operationIds: ['get-pipelines'],
		api: 'opportunities',
		reason:
			'PipelinesResponseSchema types stages as an array of arrays, but a stage is an object (its id is what ' +
			'pipelineStageId takes everywhere else in the same spec); GHL answers [{id, name, position}]',
		patch: (schema) => {
			schema.properties.pipelines.items.properties.stages.items = {
				type: 'object',
				required: ['id', 'name'],
				properties: { id: { type: 'string' }, name: { type: 'string' }, position: { type: 'number' } },
			};
		},
	},
	{
		operationIds: ['get-record-by-id', 'create-object-record', 'update-object-record', 'search-object-records'],
		api: 'objects',
		reason:
			'IRecordSchema and RecordResponseDTO type properties as string, but their own example is an object of ' +
			'field values ({"customer_number": 1424, "money": {"currency": "default", "value": 100}, …}), the shape the ' +
			'create and update bodies send; RecordResponseDTO types searchAfter as number[], but its example is ' +
			'[1738683828372, "67a235b49b289431bcf657f8"] (a time and a record id)',
		patch: (schema) =>
			eachSchema(schema, (node) => {
				if (node.properties?.properties?.type === 'string' && node.properties.followers) node.properties.properties.type = 'object';
				if (node.properties?.searchAfter?.items?.type === 'number') node.properties.searchAfter.items.type = ['number', 'string'];
			}),
	},
];

const text = { type: 'string' };
const ASSOCIATION_SCHEMA: JsonSchema = {
	type: 'object',
	required: ['locationId', 'id', 'key', 'firstObjectLabel', 'firstObjectKey', 'secondObjectLabel', 'secondObjectKey', 'associationType'],
	properties: {
		locationId: text,
		id: text,
		key: text,
		firstObjectLabel: text,
		firstObjectKey: text,
		secondObjectLabel: text,
		secondObjectKey: text,
		associationType: { type: 'string', enum: ['USER_DEFINED', 'SYSTEM_DEFINED'] },
	},
};
const RELATION_SCHEMA: JsonSchema = {
	type: 'object',
	required: ['id', 'associationId', 'firstRecordId', 'secondRecordId', 'locationId'],
	properties: { id: text, associationId: text, firstRecordId: text, secondRecordId: text, firstObjectKey: text, secondObjectKey: text, locationId: text },
};

/** Puts `replacement` in place of a schema (the patches change the schema object they are given). */
function replaceSchema(schema: JsonSchema, replacement: JsonSchema): void {
	for (const key of Object.keys(schema)) delete schema[key];
	Object.assign(schema, structuredClone(replacement));
}

/**
 * The associations API answers every operation with GetPostSuccessfulResponseDto (one association,
 * its keys and labels typed object), lists and relations included. Corrected to what the operations
 * say they return: keys and labels are strings (their examples, and the Association* webhooks), a
 * list is an array with its total (the list routes page with skip/limit), a relation is a relation
 * (createRelationReqDto's fields and the RelationCreate webhook's).
 */
RESPONSE_SCHEMA_EXCEPTIONS.push(
	{
		operationIds: ['create-association', 'get-association-by-ID', 'get-association-key-by-key-name', 'update-association'],
		api: 'associations',
		reason: 'GetPostSuccessfulResponseDto types the object keys and labels as object, but exemplifies them as strings ("contact", "Teacher"), as the Association* webhooks send them',
		patch: (schema) => replaceSchema(schema, ASSOCIATION_SCHEMA),
	},
	{
		operationIds: ['find-associations', 'get-association-by-object-keys'],
		api: 'associations',
		reason: '"Get all associations" (paged by skip/limit) and "by object keys" answer several associations, not the one GetPostSuccessfulResponseDto describes',
		patch: (schema) =>
			replaceSchema(schema, { type: 'object', required: ['associations'], properties: { associations: { type: 'array', items: ASSOCIATION_SCHEMA }, total: { type: 'number' } } }),
	},
	{
		operationIds: ['create-relation', 'delete-relation'],
		api: 'associations',
		reason: 'a relation is not an association: it has the association id and the two record ids (createRelationReqDto, the RelationCreate webhook)',
		patch: (schema) => replaceSchema(schema, RELATION_SCHEMA),
	},
	{
		operationIds: ['get-relations-by-record-id'],
		api: 'associations',
		reason: '"Get all relations by record Id" (paged by skip/limit) answers the record\'s relations, not one association',
		patch: (schema) =>
			replaceSchema(schema, { type: 'object', required: ['relations', 'total'], properties: { relations: { type: 'array', items: RELATION_SCHEMA }, total: { type: 'number' } } }),
	},
);

const correctedSchemas = new WeakMap<OperationSpec, Map<string, JsonSchema>>();

/** An operation's success schema for a status, with the corrections above applied (what the sandbox answers to). */
export function responseSchema(op: OperationSpec, status: string): JsonSchema | undefined {
	if (!op.responses[status]) return undefined;
	let byStatus = correctedSchemas.get(op);
	if (!byStatus) {
		byStatus = new Map();
		correctedSchemas.set(op, byStatus);
	}
	let schema = byStatus.get(status);
	if (!schema) {
		schema = structuredClone(op.responses[status]);
		for (const exception of RESPONSE_SCHEMA_EXCEPTIONS) {
			if (exception.operationIds.includes(op.operationId) && (exception.api ?? op.api) === op.api) exception.patch(schema);
		}
		// Ajv refuses `nullable` without a `type` (the forms/surveys submission schemas have some): it means "may be null".
		eachSchema(schema, (node) => {
			if (node.nullable === true && node.type === undefined) delete node.nullable;
		});
		byStatus.set(status, schema);
	}
	return schema;
}

function responseValidator(op: OperationSpec, status: string): ValidateFunction {
	let byStatus = responseValidators.get(op);
	if (!byStatus) {
		byStatus = new Map();
		responseValidators.set(op, byStatus);
	}
	let validate = byStatus.get(status);
	if (!validate) {
		validate = responseAjv.compile(responseSchema(op, status)!);
		byStatus.set(status, validate);
	}
	return validate;
}

/**
 * What is wrong with a success answer, per the spec: a 2xx status the operation does not declare,
 * or a body its schema refuses. Empty when it matches, or when the spec declares no success schema.
 */
export function responseMismatches(op: OperationSpec, status: number, body: unknown): string[] {
	if (status < 200 || status > 299) return [];
	const declared = Object.keys(op.responses);
	if (declared.length === 0) return [];
	const key = String(status);
	if (!declared.includes(key)) return [`status ${status} is not the spec's success status (${declared.join(', ')})`];
	const validate = responseValidator(op, key);
	if (validate(body)) return [];
	return (validate.errors ?? []).map((e) => `${dotted(e.instancePath) || 'body'} ${e.message ?? 'is invalid'}${
		e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : ''
	}`);
}

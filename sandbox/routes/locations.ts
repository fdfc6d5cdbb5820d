/**
 * Location settings (apps/locations.json) that the generic store cannot answer as GHL does: custom
 * fields (the typed table the contact routes check values against), file uploads to them, custom
 * values (GHL derives the merge key), the task search across contacts, templates and time zones;
 * and the users of a location.
 */
import { createHash } from 'crypto';
import { errors } from '../http';
import { toCustomField, toTask, toUser } from '../store';
import type { CustomFieldRecord, CustomFieldType, GenericRecord } from '../store';
import { responseSchema } from '../validation';
import { getLocation, nowIso } from './common';
import type { Handler, HandlerContext } from './context';
import { collectionOf, classify, findRecord, shape } from './generic';

/** The data types GHL's custom field editor offers (the create DTO types `dataType` as a plain string). */
const DATA_TYPES: CustomFieldType[] = ['TEXT', 'LARGE_TEXT', 'NUMERICAL', 'MONETORY', 'SINGLE_OPTIONS', 'MULTIPLE_OPTIONS', 'CHECKBOX', 'RADIO', 'DATE', 'FILE_UPLOAD', 'PHONE', 'TEXTBOX_LIST'];

/** `Lead Quality!` → `lead_quality`, as GHL derives field and merge keys from a name. */
function keyOf(name: string): string {
	return name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/** A text box list option's label (GHL lists a Text Box List field's boxes by label). */
const boxLabel = (option: unknown) => String((option as { label?: unknown })?.label ?? '');

function answer(ctx: HandlerContext, status: number, body: Record<string, unknown>) {
	return { status, body: shape(responseSchema(ctx.op, String(status)), body) };
}

function fieldOf(ctx: HandlerContext): CustomFieldRecord {
	const location = getLocation(ctx, ctx.params.locationId);
	const field = ctx.state.store.customFields.get(ctx.params.id);
	if (!field || field.locationId !== location.id) throw errors.badRequest('Custom field not found');
	return field;
}

/** The IANA zones GHL offers (it lists the tz database's; Node's ICU knows the same names). */
function timeZones(): string[] {
	return Intl.supportedValuesOf('timeZone');
}

/**
 * A recurring task with the body's fields written in: its contacts and assignees must be the
 * location's (GHL answers the first of each as contactId and assignedTo), and a schedule is
 * replaced whole.
 */
function recurringTask(ctx: HandlerContext, locationId: string, record: GenericRecord): GenericRecord {
	const { contactIds, owners, ignoreTaskCreation: _ignoreTaskCreation, ...fields } = ctx.body;
	for (const contactId of (contactIds ?? []) as string[]) {
		if (ctx.state.store.contacts.get(contactId)?.locationId !== locationId) throw errors.badRequest(`Contact ${contactId} not found`);
	}
	for (const userId of (owners ?? []) as string[]) {
		if (!ctx.state.store.users.get(userId)?.locationIds.includes(locationId)) throw errors.badRequest(`User ${userId} not found`);
	}
	Object.assign(record, fields, { updatedAt: nowIso() });
	if (Array.isArray(contactIds)) record.contactId = contactIds[0];
	if (Array.isArray(owners)) record.assignedTo = owners[0];
	return record;
}

export const locationHandlers: Record<string, Handler> = {
	/** `GET /locations/{locationId}/customFields?model=contact|opportunity|all` → `{customFields: [...]}` */
	'get-custom-fields': (ctx) => {
		const location = getLocation(ctx, ctx.params.locationId);
		const model = ctx.query.model ?? 'all';
		const fields = ctx.state.store.customFieldsOf(location.id).filter((field) => model === 'all' || field.model === model);
		return { status: 200, body: { customFields: fields.map(toCustomField) } };
	},
	'create-custom-field': (ctx) => {
		const location = getLocation(ctx, ctx.params.locationId);
		const { name, dataType, placeholder, position, model = 'contact', textBoxListOptions } = ctx.body;
		if (!DATA_TYPES.includes(dataType)) throw errors.unprocessable([`dataType must be one of the following values: ${DATA_TYPES.join(', ')}`]);
		const siblings = ctx.state.store.customFieldsOf(location.id);
		const fieldKey = `${model}.${keyOf(String(name))}`;
		if (siblings.some((field) => field.fieldKey === fieldKey)) throw errors.badRequest(`A custom field with the key ${fieldKey} already exists`);
		const field: CustomFieldRecord = {
			id: ctx.state.store.newRecordId(),
			locationId: location.id,
			name: String(name).trim(),
			fieldKey,
			dataType,
			placeholder: placeholder ?? '',
			position: typeof position === 'number' ? position : Math.max(0, ...siblings.map((sibling) => sibling.position)) + 50,
			model,
			...(Array.isArray(textBoxListOptions) && textBoxListOptions.length ? { picklistOptions: textBoxListOptions.map(boxLabel) } : {}),
		};
		ctx.state.store.customFields.set(field.id, field);
		return answer(ctx, 201, { customField: toCustomField(field) });
	},
	'get-custom-field': (ctx) => answer(ctx, 200, { customField: toCustomField(fieldOf(ctx)) }),
	'update-custom-field': (ctx) => {
		const field = fieldOf(ctx);
		const { name, placeholder, position, textBoxListOptions } = ctx.body;
		// GHL keeps a field's key and model once made: values and merge tags refer to them.
		field.name = String(name).trim();
		if (placeholder !== undefined) field.placeholder = placeholder;
		if (typeof position === 'number') field.position = position;
		if (Array.isArray(textBoxListOptions)) field.picklistOptions = textBoxListOptions.map(boxLabel);
		return answer(ctx, 200, { customField: toCustomField(field) });
	},
	'delete-custom-field': (ctx) => {
		const field = fieldOf(ctx);
		ctx.state.store.customFields.delete(field.id);
		for (const contact of ctx.state.store.contacts.values()) delete contact.customFields[field.id];
		return answer(ctx, 200, { succeded: true });
	},
	/**
	 * `POST /locations/{locationId}/customFields/upload`, multipart: `id` (the contact, opportunity
	 * or custom field the files are for), `maxFiles`, and the files. Answers each file's URL by
	 * its part name, and multer's description of each file.
	 */
	'upload-file-customFields': (ctx) => {
		const location = getLocation(ctx, ctx.params.locationId);
		const files = ctx.files ?? [];
		if (!files.length) throw errors.badRequest('No file was uploaded');
		const maxFiles = ctx.body.maxFiles === undefined ? undefined : Number(ctx.body.maxFiles);
		if (maxFiles !== undefined && (!Number.isInteger(maxFiles) || maxFiles < 1)) throw errors.unprocessable(['maxFiles must be a positive whole number']);
		if (maxFiles !== undefined && files.length > maxFiles) throw errors.badRequest(`Too many files: at most ${maxFiles}`);
		const owner = ctx.body.id ? String(ctx.body.id) : 'unassigned';
		const uploads = ctx.state.store.collection(`/locations/${location.id}/customFields/uploads`);
		const uploadedFiles: Record<string, string> = {};
		const meta = files.map((file) => {
			const stored = ctx.state.store.newRecordId();
			const extension = /\.[A-Za-z0-9]+$/.exec(file.originalname)?.[0] ?? '';
			const url = `https://storage.sandbox.example/location/${location.id}/custom-field/${owner}/${stored}${extension}`;
			uploads.set(stored, {
				id: stored,
				locationId: location.id,
				ownerId: owner,
				fieldname: file.fieldname,
				originalname: file.originalname,
				mimetype: file.mimetype,
				size: file.size,
				sha256: createHash('sha256').update(file.data).digest('hex'),
				url,
			});
			uploadedFiles[file.fieldname] = url;
			return { fieldname: file.fieldname, originalname: file.originalname, encoding: '7bit', mimetype: file.mimetype, size: file.size, url };
		});
		return answer(ctx, 200, { uploadedFiles, meta });
	},
	/** GHL derives a custom value's merge key from its name (`{{ custom_values.support_phone }}`). */
	'create-custom-value': (ctx) => {
		const location = getLocation(ctx, ctx.params.locationId);
		const records = collectionOf(ctx, classify(ctx.op));
		const name = String(ctx.body.name).trim();
		const fieldKey = `{{ custom_values.${keyOf(name)} }}`;
		if ([...records.values()].some((record) => record.fieldKey === fieldKey)) throw errors.badRequest(`A custom value named ${name} already exists`);
		const time = nowIso();
		const record = { id: ctx.state.store.newRecordId(), locationId: location.id, name, fieldKey, value: ctx.body.value, createdAt: time, updatedAt: time };
		records.set(record.id, record);
		return answer(ctx, 201, { customValue: record });
	},
	'update-custom-value': (ctx) => {
		getLocation(ctx, ctx.params.locationId);
		const records = collectionOf(ctx, classify(ctx.op));
		const record = findRecord(ctx, records, ctx.params.id, 'Custom value');
		// Renaming keeps the merge key: templates that use it keep working.
		Object.assign(record, { name: String(ctx.body.name).trim(), value: ctx.body.value, updatedAt: nowIso() });
		return answer(ctx, 200, { customValue: record });
	},
	/**
	 * `POST /locations/{locationId}/tasks/search`: the tasks of every contact of the location,
	 * filtered by contacts, assignees, completion, business and text, oldest first, paged by
	 * skip/limit (GHL's default page is 25).
	 */
	'task-search': (ctx) => {
		const location = getLocation(ctx, ctx.params.locationId);
		const { contactId, assignedTo, completed, query, businessId, limit = 25, skip = 0 } = ctx.body;
		const { contacts } = ctx.state.store;
		const text = typeof query === 'string' ? query.trim().toLowerCase() : '';
		const tasks = [...ctx.state.store.tasks.values()]
			.filter((task) => task.locationId === location.id)
			.filter((task) => !Array.isArray(contactId) || !contactId.length || contactId.includes(task.contactId))
			.filter((task) => !Array.isArray(assignedTo) || !assignedTo.length || (task.assignedTo !== undefined && assignedTo.includes(task.assignedTo)))
			.filter((task) => typeof completed !== 'boolean' || task.completed === completed)
			.filter((task) => !businessId || contacts.get(task.contactId)?.businessId === businessId)
			.filter((task) => !text || `${task.title} ${task.body ?? ''}`.toLowerCase().includes(text))
			.sort((a, b) => Date.parse(a.dateAdded) - Date.parse(b.dateAdded) || a.id.localeCompare(b.id));
		const page = tasks.slice(Math.max(0, Number(skip)), Math.max(0, Number(skip)) + Math.max(0, Number(limit)));
		return answer(ctx, 200, { tasks: page.map((task) => ({ ...toTask(task), dateAdded: task.dateAdded, dateUpdated: task.dateUpdated })) });
	},
	'create-recurring-task': (ctx) => {
		const location = getLocation(ctx, ctx.params.locationId);
		const time = nowIso();
		const record = recurringTask(ctx, location.id, { id: ctx.state.store.newRecordId(), locationId: location.id, description: '', totalOccurrence: 0, deleted: false, createdAt: time });
		collectionOf(ctx, classify(ctx.op)).set(record.id, record);
		return answer(ctx, 201, { recurringTask: record });
	},
	'update-recurring-task': (ctx) => {
		const location = getLocation(ctx, ctx.params.locationId);
		const record = findRecord(ctx, collectionOf(ctx, classify(ctx.op)), ctx.params.id, 'Recurring task');
		return answer(ctx, 200, { recurringTask: recurringTask(ctx, location.id, record) });
	},
	/** `GET /locations/{locationId}/templates?originId=…`: the location's email/SMS templates, filtered and paged. */
	'GET-all-or-email-sms-templates': (ctx) => {
		const location = getLocation(ctx, ctx.params.locationId);
		const { originId, type, deleted, skip, limit } = ctx.query as Record<string, unknown>;
		const all = [...ctx.state.store.collection(`/locations/${location.id}/templates`).values()]
			.filter((template) => template.originId === originId)
			.filter((template) => !type || template.type === type)
			.filter((template) => (deleted === true ? template.deleted === true : template.deleted !== true));
		const from = Math.max(0, Number(skip ?? 0) || 0);
		const count = Number(limit ?? 0) || all.length;
		const templates = all.slice(from, from + count).map(({ createdAt, updatedAt: _updatedAt, originId: _originId, ...template }) => ({
			template: '',
			...template,
			dateAdded: createdAt,
		}));
		return answer(ctx, 200, { templates, totalCount: all.length });
	},
	/** `GET /locations/{locationId}/timezones` (the spec declares no answer schema): `{timeZones: [...]}`. */
	'get-timezones': (ctx) => {
		getLocation(ctx, ctx.params.locationId);
		return { status: 200, body: { timeZones: timeZones() } };
	},
	/** `GET /users/?locationId=` → `{users: [...]}` */
	'get-user-by-location': (ctx) => {
		const location = getLocation(ctx, String(ctx.query.locationId));
		const users = [...ctx.state.store.users.values()].filter((u) => u.locationIds.includes(location.id));
		return { status: 200, body: { users: users.map(toUser) } };
	},
};

/** The locations API's operationIds above that other spec files use too (custom-fields v2 has its own create/update/delete). */
export const LOCATION_HANDLED_API: Record<string, string> = {
	'create-custom-field': 'locations',
	'update-custom-field': 'locations',
	'delete-custom-field': 'locations',
};

/**
 * Forms and surveys (apps/forms.json, apps/surveys.json, Version 2021-07-28): lists and their
 * submissions as GHL documents them, which the generic store cannot do:
 *   - lists page with skip/limit (at most 50 a page), `total` counting every record;
 *   - submissions page with page/limit (at most 100 a page), newest first, `meta` with total,
 *     currentPage, nextPage and prevPage; filtered by form/survey, by `q` (contact id, name, email
 *     or phone) and by day (`startAt`/`endAt`, YYYY-MM-DD, UTC), which default to the same day last
 *     month and today: without `startAt` older submissions are not listed;
 *   - `POST /forms/upload-custom-files` (multipart): files put on a contact's File Upload custom
 *     fields, each part named `<customFieldId>_<fileId>`; GHL answers the updated contact.
 */
import { errors } from '../http';
import { toContact } from '../store';
import type { GenericRecord } from '../store';
import { contactEvent } from '../webhooks';
import { getContact, getLocation, nowIso } from './common';
import type { Handler, HandlerContext } from './context';
import { answer } from './generic';

const MAX_LIST_PAGE = 50;
const MAX_SUBMISSION_PAGE = 100;

function pageNumber(ctx: HandlerContext, name: string, fallback: number, max?: number): number {
	const raw = ctx.query[name];
	const value = raw === undefined ? fallback : Number(raw);
	if (!Number.isInteger(value) || value < (name === 'skip' ? 0 : 1)) throw errors.unprocessable([`${name} must be a whole number ≥ ${name === 'skip' ? 0 : 1}`]);
	if (max !== undefined && value > max) throw errors.unprocessable([`${name} must not be greater than ${max}`]);
	return value;
}

function ofLocation(ctx: HandlerContext, collection: string): GenericRecord[] {
	const locationId = String(ctx.query.locationId);
	return [...ctx.state.store.collection(collection).values()].filter((record) => record.locationId === locationId);
}

/** `GET /forms/` and `GET /surveys/`: the location's, skip/limit, `type` (e.g. folder) when given. */
function list(collection: string, key: string): Handler {
	return (ctx) => {
		const skip = pageNumber(ctx, 'skip', 0);
		const limit = pageNumber(ctx, 'limit', 10, MAX_LIST_PAGE);
		const all = ofLocation(ctx, collection).filter((record) => ctx.query.type === undefined || record.type === ctx.query.type);
		return { status: 200, body: { [key]: all.slice(skip, skip + limit).map(({ id, name, locationId }) => ({ id, name, locationId })), total: all.length } };
	};
}

/** A YYYY-MM-DD query day as epoch ms at its UTC midnight. */
function day(ctx: HandlerContext, name: string, fallback: string): number {
	const value = ctx.query[name] === undefined ? fallback : String(ctx.query[name]);
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
	if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) throw errors.unprocessable([`${name} must be a date in YYYY-MM-DD format`]);
	return ms;
}

function submissions(collection: string, ownerKey: 'formId' | 'surveyId'): Handler {
	return (ctx) => {
		const page = pageNumber(ctx, 'page', 1);
		const limit = pageNumber(ctx, 'limit', 20, MAX_SUBMISSION_PAGE);
		const today = nowIso().slice(0, 10);
		const lastMonth = new Date(`${today}T00:00:00Z`);
		lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
		const from = day(ctx, 'startAt', lastMonth.toISOString().slice(0, 10));
		const to = day(ctx, 'endAt', today) + 86_400_000;
		const text = typeof ctx.query.q === 'string' ? ctx.query.q.trim().toLowerCase() : '';
		const owner = ctx.query[ownerKey];
		const matching = ofLocation(ctx, collection)
			.filter((record) => owner === undefined || record[ownerKey] === owner)
			.filter((record) => {
				const at = Date.parse(String(record.createdAt));
				return at >= from && at < to;
			})
			.filter((record) => !text || [record.contactId, record.name, record.email, record.phone].some((value) => typeof value === 'string' && value.toLowerCase().includes(text)))
			.sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)) || String(b.id).localeCompare(String(a.id)));
		const start = (page - 1) * limit;
		const pageRecords = matching.slice(start, start + limit);
		const result = answer(ctx.op, { list: pageRecords, total: matching.length });
		const body = result.body as Record<string, unknown>;
		// `others` holds the answers by field, whatever the form asks: kept whole (the schema names only a few keys).
		body.submissions = (body.submissions as Array<Record<string, unknown>>).map((submission, index) => ({ ...submission, others: pageRecords[index].others ?? {} }));
		body.meta = {
			total: matching.length,
			currentPage: page,
			nextPage: start + limit < matching.length ? page + 1 : null,
			prevPage: page > 1 ? page - 1 : null,
		};
		return result;
	};
}

/** The file kinds GHL's form uploads accept (its description lists them), and their size limit. */
const UPLOAD_EXTENSIONS = new Set(['pdf', 'docx', 'doc', 'jpg', 'jpeg', 'png', 'gif', 'csv', 'xlsx', 'xls', 'mp4', 'mpeg', 'zip', 'rar', 'txt', 'svg']);
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/**
 * `POST /forms/upload-custom-files?contactId&locationId`: every file part named
 * `<customFieldId>_<fileId>` for a File Upload contact field of the location; the files are kept
 * in the contact's field by file ID (a field keeps the files uploaded before), and GHL answers
 * the updated contact.
 */
const uploadToCustomFields: Handler = (ctx) => {
	const location = getLocation(ctx, String(ctx.query.locationId));
	const contact = getContact(ctx, String(ctx.query.contactId));
	if (contact.locationId !== location.id) throw errors.badRequest('Contact not found');
	const files = ctx.files ?? [];
	if (!files.length) throw errors.badRequest('No file was uploaded');
	const problems: string[] = [];
	const uploads = files.map((file) => {
		const [, fieldId, fileId] = /^([^_]+)_(.+)$/.exec(file.fieldname) ?? [];
		const field = fieldId ? ctx.state.store.customFields.get(fieldId) : undefined;
		const extension = /\.([A-Za-z0-9]+)$/.exec(file.originalname)?.[1]?.toLowerCase() ?? '';
		if (!fieldId) problems.push(`${file.fieldname} must be named <custom_field_id>_<file_id>`);
		else if (!field || field.locationId !== location.id || field.model !== 'contact') problems.push(`${fieldId} is not a contact custom field of this location`);
		else if (field.dataType !== 'FILE_UPLOAD') problems.push(`${field.name} is not a File Upload field`);
		if (!UPLOAD_EXTENSIONS.has(extension)) problems.push(`${file.originalname}: file type not allowed`);
		if (file.size > MAX_UPLOAD_BYTES) problems.push(`${file.originalname}: larger than 50 MB`);
		return { file, fieldId, fileId, extension };
	});
	if (problems.length) throw errors.unprocessable(problems);
	for (const { file, fieldId, fileId, extension } of uploads) {
		const url = `https://storage.sandbox.example/location/${location.id}/custom-field/${contact.id}/${fileId}.${extension}`;
		const kept = (contact.customFields[fieldId] ?? {}) as Record<string, unknown>;
		contact.customFields[fieldId] = { ...kept, [fileId]: { meta: { fieldname: file.fieldname, originalname: file.originalname, encoding: '7bit', mimetype: file.mimetype, size: file.size, uuid: fileId }, url } };
	}
	contact.dateUpdated = nowIso();
	ctx.state.webhooks.emit(contactEvent('ContactUpdate', contact));
	return { status: 200, body: { contact: toContact(contact) } };
};

export const formSurveyHandlers: Record<string, Handler> = {
	'get-forms': list('/forms', 'forms'),
	'get-surveys': list('/surveys', 'surveys'),
	'get-forms-submissions': submissions('/forms/submissions', 'formId'),
	'upload-to-custom-fields': uploadToCustomFields,
	'get-surveys-submissions': submissions('/surveys/submissions', 'surveyId'),
};

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { DND_CHANNELS } from '../descriptions/contactFields';
import { buildCustomFields } from './customFields';
import { checkEmail, checkId, checkIsoDate, checkPhone, checkText, toList } from './validation';

/** Text fields of the contact, with the names the node shows for them (used in errors). */
const TEXT_FIELDS: Record<string, string> = {
	firstName: 'First Name',
	lastName: 'Last Name',
	name: 'Full Name',
	address1: 'Address',
	city: 'City',
	state: 'State',
	postalCode: 'Postal Code',
	website: 'Website',
	timezone: 'Timezone',
	companyName: 'Company Name',
	gender: 'Gender',
	source: 'Source',
};

/** GHL's contact DTO from the node's field collection and custom-field rows, checked field by field. */
export async function buildContactBody(
	this: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	customFieldRows: Array<{ fieldId?: string; value?: unknown }> = [],
): Promise<IDataObject> {
	const body: IDataObject = {};
	for (const [key, label] of Object.entries(TEXT_FIELDS)) {
		if (fields[key] !== undefined && fields[key] !== '') body[key] = checkText(this, itemIndex, label, fields[key]);
	}
	if (fields.assignedTo !== undefined && fields.assignedTo !== '') body.assignedTo = checkId(this, itemIndex, 'Assigned To', fields.assignedTo);
	if (fields.email) body.email = checkEmail(this, itemIndex, 'Email', fields.email);
	if (fields.phone) body.phone = checkPhone(this, itemIndex, 'Phone', fields.phone);
	if (fields.country) body.country = String(fields.country).trim().toUpperCase();
	if (fields.dateOfBirth) body.dateOfBirth = checkIsoDate(this, itemIndex, 'Date of Birth', fields.dateOfBirth).slice(0, 10);
	if (fields.tags !== undefined && fields.tags !== '') body.tags = toList(fields.tags);
	if (fields.dnd !== undefined) body.dnd = fields.dnd as boolean;

	const dndRows = [
		...(((fields.dndSettingsUi as IDataObject | undefined)?.channel ?? []) as IDataObject[]),
		...dndRowsOf(this, itemIndex, fields.dndSettingsObject),
	];
	if (dndRows.length) {
		body.dndSettings = Object.fromEntries(
			dndRows.map((row) => [
				row.channel as string,
				{ status: row.status as string, ...(row.message ? { message: row.message as string } : {}) },
			]),
		);
	}
	const objectRows = Object.entries(objectParameter(this, itemIndex, 'Custom Fields (Object)', fields.customFieldsObject)).map(
		([fieldId, value]) => ({ fieldId, value }),
	);
	const customFields = await buildCustomFields.call(this, itemIndex, [...customFieldRows, ...objectRows]);
	if (customFields.length) body.customFields = customFields;
	return body;
}

export function customFieldRows(ctx: IExecuteFunctions, itemIndex: number): Array<{ fieldId?: string; value?: unknown }> {
	const ui = ctx.getNodeParameter('customFieldsUi', itemIndex, {}) as IDataObject;
	return (ui.customField ?? []) as Array<{ fieldId?: string; value?: unknown }>;
}

/** An object-valued field: an expression's object, or JSON text typed in the field. */
function objectParameter(ctx: IExecuteFunctions, itemIndex: number, label: string, value: unknown): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			throw new NodeOperationError(ctx.getNode(), `${label}: expected a JSON object, got "${value.slice(0, 80)}"`, { itemIndex });
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new NodeOperationError(ctx.getNode(), `${label}: expected an object, got ${Array.isArray(parsed) ? 'a list' : typeof parsed}`, { itemIndex });
	}
	return parsed as IDataObject;
}

const DND_STATUSES = ['active', 'inactive', 'permanent'];

/** `{Email: 'active'}` or `{Email: {status, message}}` → the DND Settings rows, checked by channel and status. */
function dndRowsOf(ctx: IExecuteFunctions, itemIndex: number, value: unknown): IDataObject[] {
	const label = 'DND Settings (Object)';
	return Object.entries(objectParameter(ctx, itemIndex, label, value)).map(([channel, setting]) => {
		const known = DND_CHANNELS.find((candidate) => candidate.toLowerCase() === channel.trim().toLowerCase());
		if (!known) {
			throw new NodeOperationError(ctx.getNode(), `${label}: "${channel}" is not a channel (${DND_CHANNELS.join(', ')})`, { itemIndex });
		}
		const row = setting && typeof setting === 'object' ? (setting as IDataObject) : { status: setting };
		const status = String(row.status ?? '').trim().toLowerCase();
		if (!DND_STATUSES.includes(status)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`${label}: ${known} status "${String(row.status ?? '')}" is not one of ${DND_STATUSES.join(', ')}`,
				{ itemIndex },
			);
		}
		return { channel: known, status, ...(row.message ? { message: String(row.message) } : {}) };
	});
}

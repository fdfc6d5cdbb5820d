import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
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

	const dndRows = ((fields.dndSettingsUi as IDataObject | undefined)?.channel ?? []) as IDataObject[];
	if (dndRows.length) {
		body.dndSettings = Object.fromEntries(
			dndRows.map((row) => [
				row.channel as string,
				{ status: row.status as string, ...(row.message ? { message: row.message as string } : {}) },
			]),
		);
	}
	const customFields = await buildCustomFields.call(this, itemIndex, customFieldRows);
	if (customFields.length) body.customFields = customFields;
	return body;
}

export function customFieldRows(ctx: IExecuteFunctions, itemIndex: number): Array<{ fieldId?: string; value?: unknown }> {
	const ui = ctx.getNodeParameter('customFieldsUi', itemIndex, {}) as IDataObject;
	return (ui.customField ?? []) as Array<{ fieldId?: string; value?: unknown }>;
}

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { getLocationId, ghlApiRequest } from '../../shared/transport';
import { checkE164, checkEmail, checkId } from './validation';

/** Finds a contact by email or phone with GHL's duplicate lookup; undefined when there is none. */
export async function findContactId(
	this: IExecuteFunctions,
	itemIndex: number,
	by: { email?: string; number?: string },
): Promise<string | undefined> {
	const response = await ghlApiRequest.call(this, {
		method: 'GET',
		path: '/contacts/search/duplicate',
		qs: { locationId: await getLocationId(this), ...by },
		itemIndex,
	});
	const contact = response.contact as IDataObject | null | undefined;
	return contact?.id ? String(contact.id) : undefined;
}

/** The contact ID a resource locator points at, looking email and phone up in GHL. */
export async function resolveContactId(this: IExecuteFunctions, itemIndex: number, parameter = 'contactId'): Promise<string> {
	const locator = this.getNodeParameter(parameter, itemIndex) as INodeParameterResourceLocator | string;
	const mode = typeof locator === 'string' ? 'id' : locator.mode;
	const value = typeof locator === 'string' ? locator : locator.value;
	const label = parameter === 'contactId' ? 'Contact' : parameter;
	if (mode !== 'email' && mode !== 'phone') return checkId(this, itemIndex, `${label} ID`, value);

	const by = mode === 'email'
		? { email: checkEmail(this, itemIndex, `${label} (by email)`, value) }
		: { number: checkE164(this, itemIndex, `${label} (by phone)`, value) };
	const contactId = await findContactId.call(this, itemIndex, by);
	if (!contactId) {
		throw new NodeOperationError(this.getNode(), `No contact in this location has ${mode} ${by.email ?? by.number}`, {
			itemIndex,
		});
	}
	return contactId;
}

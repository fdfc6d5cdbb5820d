import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { noteBodyProperty, noteFieldOptions } from '../../descriptions/noteFields';
import { resolveContactId } from '../../helpers/contacts';
import { buildNoteBody } from '../../helpers/noteBody';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create a note',
	description: 'Add a note to a contact',
	unwrap: 'note',
	endpoint: {
		method: 'POST',
		path: '/contacts/{contactId}/notes',
		operationId: 'create-note',
		api: 'contacts',
		scopes: ['contacts.write'],
	},
};

export const properties: INodeProperties[] = [
	contactLocator(),
	noteBodyProperty,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: noteFieldOptions('create'),
	},
];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id), body: 'Example' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = buildNoteBody(this, itemIndex, {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		body: this.getNodeParameter('body', itemIndex, '') as string,
	});
	const contactId = await resolveContactId.call(this, itemIndex);
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { contactId }, body, itemIndex });
}

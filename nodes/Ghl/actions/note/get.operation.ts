import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { idProperty } from '../../descriptions/common';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { requireParameter } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get a note',
	description: 'Get a note of a contact',
	unwrap: 'note',
	endpoint: {
		method: 'GET',
		path: '/contacts/{contactId}/notes/{id}',
		operationId: 'get-note',
		api: 'contacts',
		scopes: ['contacts.readonly'],
	},
};

export const properties: INodeProperties[] = [contactLocator(), idProperty('Note ID', 'noteId', 'ID of the note')];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id), noteId: d.contact.noteId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const noteId = requireParameter(this, itemIndex, 'noteId', 'Note ID');
	const contactId = await resolveContactId.call(this, itemIndex);
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { contactId, id: noteId }, itemIndex });
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { idProperty } from '../../descriptions/common';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { requireParameter } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a note',
	description: 'Delete a note of a contact',
	endpoint: {
		method: 'DELETE',
		path: '/contacts/{contactId}/notes/{id}',
		operationId: 'delete-note',
		api: 'contacts',
		scopes: ['contacts.write'],
	},
};

export const properties: INodeProperties[] = [contactLocator(), idProperty('Note ID', 'noteId', 'ID of the note')];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id), noteId: d.contact.noteId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const noteId = requireParameter(this, itemIndex, 'noteId', 'Note ID');
	const contactId = await resolveContactId.call(this, itemIndex);
	const response = await callEndpoint.call(this, meta.endpoint, {
		pathParams: { contactId, id: noteId },
		itemIndex,
	});
	return { contactId, noteId, ...response };
}

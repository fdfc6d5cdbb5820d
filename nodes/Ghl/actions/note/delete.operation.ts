import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { ghlApiRequest, ghlPath } from '../../../shared/transport';
import { idProperty } from '../../descriptions/common';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { requireParameter } from '../../helpers/validation';
import type { OperationMeta } from '../types';

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const noteId = requireParameter(this, itemIndex, 'noteId', 'Note ID');
	const contactId = await resolveContactId.call(this, itemIndex);
	const response = await ghlApiRequest.call(this, {
		method: 'DELETE',
		path: ghlPath`/contacts/${contactId}/notes/${noteId}`,
		itemIndex,
	});
	return { contactId, noteId, ...response };
}

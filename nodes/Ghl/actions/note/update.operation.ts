import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { idProperty } from '../../descriptions/common';
import { contactLocator } from '../../descriptions/contactLocator';
import { noteFieldOptions } from '../../descriptions/noteFields';
import { resolveContactId } from '../../helpers/contacts';
import { buildNoteBody } from '../../helpers/noteBody';
import { requireParameter } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update a note',
	description: 'Change a note’s text, title, colour, author or pin',
	unwrap: 'note',
	endpoint: {
		method: 'PUT',
		path: '/contacts/{contactId}/notes/{id}',
		operationId: 'update-note',
		api: 'contacts',
		scopes: ['contacts.write'],
	},
};

export const properties: INodeProperties[] = [
	contactLocator(),
	idProperty('Note ID', 'noteId', 'ID of the note'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: noteFieldOptions('update'),
	},
];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id), noteId: d.contact.noteId, updateFields: { body: 'Example' } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const noteId = requireParameter(this, itemIndex, 'noteId', 'Note ID');
	const body = buildNoteBody(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (!Object.keys(body).length) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', { itemIndex });
	}
	const contactId = await resolveContactId.call(this, itemIndex);
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { contactId, id: noteId }, body, itemIndex });
}

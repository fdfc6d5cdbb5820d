import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create a conversation',
	description: 'Start the conversation of a contact that has none (GHL keeps one per contact)',
	unwrap: 'conversation',
	endpoint: { method: 'POST', path: '/conversations/', operationId: 'create-conversation', api: 'conversations', scopes: ['conversations.write'] },
};

export const properties: INodeProperties[] = [contactLocator()];

/** The seeded contact 3 has no conversation yet. */
export const example: OperationExample = (d) => ({ contactId: byId(d.thirdContactId) });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contactId = await resolveContactId.call(this, itemIndex);
	return await callEndpoint.call(this, meta.endpoint, { body: { locationId: await getLocationId(this), contactId }, itemIndex });
}

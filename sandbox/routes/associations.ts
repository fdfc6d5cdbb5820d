/** Tags, followers, campaigns, workflows and the two bulk endpoints (apps/contacts.json). */
import { errors } from '../http';
import type { ContactRecord } from '../store';
import { contactEvent } from '../webhooks';
import { getContact, getLocation, normalizeTags, nowIso } from './common';
import type { Handler, HandlerContext } from './context';

function touchTags(ctx: HandlerContext, contact: ContactRecord, tags: string[]): boolean {
	const changed = tags.length !== contact.tags.length || tags.some((t, i) => contact.tags[i] !== t);
	if (changed) {
		contact.tags = tags;
		contact.dateUpdated = nowIso();
		ctx.state.webhooks.emit(contactEvent('ContactTagUpdate', contact));
	}
	return changed;
}

function campaignOf(ctx: HandlerContext, contact: ContactRecord) {
	const campaign = ctx.state.store.campaigns.get(ctx.params.campaignId);
	if (!campaign || campaign.locationId !== contact.locationId) throw errors.badRequest('Campaign not found');
	return campaign;
}

function workflowOf(ctx: HandlerContext, contact: ContactRecord) {
	const workflow = ctx.state.store.workflows.get(ctx.params.workflowId);
	if (!workflow || workflow.locationId !== contact.locationId) throw errors.badRequest('Workflow not found');
	return workflow;
}

export const associationHandlers: Record<string, Handler> = {
	'add-tags': (ctx) => {
		const contact = getContact(ctx, ctx.params.contactId);
		touchTags(ctx, contact, normalizeTags([...contact.tags, ...ctx.body.tags]));
		return { status: 201, body: { tags: [...contact.tags] } };
	},
	'remove-tags': (ctx) => {
		const contact = getContact(ctx, ctx.params.contactId);
		const remove = normalizeTags(ctx.body.tags);
		touchTags(ctx, contact, contact.tags.filter((t) => !remove.includes(t)));
		return { status: 200, body: { tags: [...contact.tags] } };
	},
	'add-followers-contact': (ctx) => {
		const contact = getContact(ctx, ctx.params.contactId);
		const added = [...new Set<string>(ctx.body.followers)].filter((id) => !contact.followers.includes(id));
		contact.followers.push(...added);
		return { status: 201, body: { followers: [...contact.followers], followersAdded: added } };
	},
	'remove-followers-contact': (ctx) => {
		const contact = getContact(ctx, ctx.params.contactId);
		const removed = contact.followers.filter((id) => ctx.body.followers.includes(id));
		contact.followers = contact.followers.filter((id) => !removed.includes(id));
		return { status: 200, body: { followers: [...contact.followers], followersRemoved: removed } };
	},
	'add-contact-to-campaign': (ctx) => {
		const contact = getContact(ctx, ctx.params.contactId);
		const campaign = campaignOf(ctx, contact);
		if (!contact.campaigns.includes(campaign.id)) contact.campaigns.push(campaign.id);
		return { status: 201, body: { succeded: true } };
	},
	'remove-contact-from-campaign': (ctx) => {
		const contact = getContact(ctx, ctx.params.contactId);
		const campaign = campaignOf(ctx, contact);
		contact.campaigns = contact.campaigns.filter((id) => id !== campaign.id);
		return { status: 200, body: { succeded: true } };
	},
	'remove-contact-from-every-campaign': (ctx) => {
		const contact = getContact(ctx, ctx.params.contactId);
		contact.campaigns = [];
		return { status: 200, body: { succeded: true } };
	},
	'add-contact-to-workflow': (ctx) => {
		const contact = getContact(ctx, ctx.params.contactId);
		const workflow = workflowOf(ctx, contact);
		if (!contact.workflows.includes(workflow.id)) contact.workflows.push(workflow.id);
		return { status: 200, body: { succeded: true } };
	},
	'delete-contact-from-workflow': (ctx) => {
		const contact = getContact(ctx, ctx.params.contactId);
		const workflow = workflowOf(ctx, contact);
		contact.workflows = contact.workflows.filter((id) => id !== workflow.id);
		return { status: 200, body: { succeded: true } };
	},
	/**
	 * `POST /contacts/bulk/tags/update/{type}`: `type` ∈ add|remove (declared in spec
	 * revision 5f8673c and on the docs site; dropped from the current spec). Per-contact
	 * results follow the spec example of UpdateTagsResponseDTO.
	 */
	'create-association': (ctx) => {
		const type = ctx.params.type;
		if (type !== 'add' && type !== 'remove') throw errors.badRequest('type must be one of the following values: add, remove');
		const { contacts, tags, locationId, removeAllTags } = ctx.body;
		if (removeAllTags === true && type !== 'remove') {
			throw errors.unprocessable(['removeAllTags can only be used with the remove type']);
		}
		getLocation(ctx, locationId);
		const wanted = normalizeTags(tags);
		const responses: Record<string, unknown>[] = [];
		for (const contactId of contacts as string[]) {
			const contact = ctx.state.store.contacts.get(contactId);
			if (!contact) {
				responses.push({ contactId, message: 'contact not found', type: 'error' });
				continue;
			}
			if (contact.locationId !== locationId) {
				responses.push({ contactId, message: 'contact does not belong to location', type: 'error' });
				continue;
			}
			const oldTags = [...contact.tags];
			const next =
				type === 'add'
					? normalizeTags([...oldTags, ...wanted])
					: removeAllTags === true
						? []
						: oldTags.filter((t) => !wanted.includes(t));
			touchTags(ctx, contact, next);
			responses.push({
				contactId,
				message: 'Tags updated',
				type: 'success',
				oldTags,
				tagsAdded: next.filter((t) => !oldTags.includes(t)),
				tagsRemoved: oldTags.filter((t) => !next.includes(t)),
			});
		}
		const errorCount = responses.filter((r) => r.type === 'error').length;
		return { status: 201, body: { succeded: true, errorCount, responses } };
	},
	/** `businessId: null` removes the contacts from their business. */
	'add-remove-contact-from-business': (ctx) => {
		const { locationId, ids, businessId } = ctx.body;
		getLocation(ctx, locationId);
		if (businessId !== null) {
			const business = ctx.state.store.businesses.get(businessId);
			if (!business || business.locationId !== locationId) throw errors.badRequest('Business not found');
		}
		const updated: string[] = [];
		for (const id of ids as string[]) {
			const contact = ctx.state.store.contacts.get(id);
			if (!contact || contact.locationId !== locationId) continue;
			contact.businessId = businessId;
			contact.dateUpdated = nowIso();
			updated.push(id);
		}
		return { status: 200, body: { success: true, ids: updated } };
	},
};

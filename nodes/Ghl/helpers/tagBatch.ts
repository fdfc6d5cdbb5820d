import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { addContactTags } from '../../shared/reads';
import { callEndpoint, forItem, getLocationId, readNodeParameter, SUB_ACCOUNT_PARAMETER, usesAgency } from '../../shared/transport';
import { meta as bulkUpdateTags } from '../actions/contact/bulkUpdateTags.operation';

/**
 * Contacts per bulk tag call. GHL's contract sets no maximum for `contacts`; 100 keeps each body
 * small and the extra calls at 1 per 100 records. A call GHL refuses as a whole (400/422) is done
 * again contact by contact, so a lower real limit costs calls, not tags.
 */
export const BULK_TAG_CONTACTS = 100;

/** A contact's tags after the add, as GHL said them; undefined when its answer does not say. */
export type TagsAfter = string[] | undefined;

interface Waiting {
	contactId: string;
	itemIndex: number;
	resolve(tags: TagsAfter): void;
	reject(error: Error): void;
}

interface Group {
	tags: string[];
	waiting: Waiting[];
	contacts: Set<string>;
}

interface ContactOutcome {
	error?: string;
	tags?: string[];
}

function isClientError(error: unknown): boolean {
	const status = Number((error as { httpCode?: string }).httpCode);
	return status === 400 || status === 422;
}

/** What GHL's bulk answer says per contact; entries it cannot tie to a contact are counted. */
function outcomes(response: IDataObject): { byContact: Map<string, ContactOutcome>; unattributed: number } {
	const byContact = new Map<string, ContactOutcome>();
	let attributedErrors = 0;
	for (const entry of (Array.isArray(response.responses) ? response.responses : []) as unknown[]) {
		if (!entry || typeof entry !== 'object') continue;
		const { contactId, type, message, oldTags, tagsAdded } = entry as IDataObject;
		if (typeof contactId !== 'string') continue;
		if (type === 'error') {
			byContact.set(contactId, { error: typeof message === 'string' && message ? message : 'GHL did not add the tags' });
			attributedErrors++;
		} else if (Array.isArray(oldTags) && Array.isArray(tagsAdded)) {
			byContact.set(contactId, { tags: [...oldTags, ...tagsAdded].map(String) });
		}
	}
	const errorCount = Number(response.errorCount ?? 0);
	const failedWhole = response.succeded === false && errorCount === 0;
	return { byContact, unattributed: failedWhole ? Infinity : Math.max(0, errorCount - attributedErrors) };
}

/** The sub-account an item acts for under an agency credential, as its parameter says ('' otherwise). */
function subAccountKey(ctx: IExecuteFunctions, itemIndex: number): string {
	if (!usesAgency(ctx)) return '';
	try {
		const value = readNodeParameter(forItem(ctx, itemIndex), SUB_ACCOUNT_PARAMETER, '');
		return String(value && typeof value === 'object' ? (value as { value?: unknown }).value : value);
	} catch {
		return '';
	}
}

/**
 * Tags to add, gathered across the items of one node run and sent with GHL's bulk endpoint
 * (`POST /contacts/bulk/tags/update/add`): one call per 100 contacts that get the same tags,
 * instead of one call per contact. Adding is what the bulk `add` does: a contact's other tags stay.
 *
 * Each contact's outcome goes to the item it came from: GHL's per-contact errors fail that item
 * only; a call refused as a whole (400/422), or an answer that counts errors without naming the
 * contacts, is done again one contact at a time (adding tags is safe to repeat); any other failure
 * of the call fails every item in it, saying the contact itself was saved.
 */
export class TagBatch {
	private readonly groups = new Map<string, Group>();
	private readonly sending = new Set<Promise<void>>();

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly size = BULK_TAG_CONTACTS,
	) {}

	/** Queues `tags` for the contact; settles once the call carrying them is answered. */
	add(contactId: string, tags: string[], itemIndex: number): Promise<TagsAfter> {
		// Under an agency credential items act for different sub-accounts: one bulk call never mixes them.
		const key = JSON.stringify([subAccountKey(this.ctx, itemIndex), ...[...new Set(tags)].sort()]);
		let group = this.groups.get(key);
		if (!group) {
			group = { tags: [...new Set(tags)], waiting: [], contacts: new Set() };
			this.groups.set(key, group);
		}
		const settled = new Promise<TagsAfter>((resolve, reject) => {
			group.waiting.push({ contactId, itemIndex, resolve, reject });
		});
		group.contacts.add(contactId);
		if (group.contacts.size >= this.size) this.send(key);
		return settled;
	}

	/** Sends what is still queued and waits for every call. */
	async flush(): Promise<void> {
		for (const key of [...this.groups.keys()]) this.send(key);
		while (this.sending.size) await Promise.all([...this.sending]);
	}

	private send(key: string): void {
		const group = this.groups.get(key);
		this.groups.delete(key);
		if (!group?.waiting.length) return;
		const call = this.sendGroup(group).finally(() => this.sending.delete(call));
		this.sending.add(call);
	}

	private async sendGroup(group: Group): Promise<void> {
		const contacts = [...group.contacts];
		const ctx = forItem(this.ctx, group.waiting[0].itemIndex);
		let response: IDataObject;
		try {
			response = await callEndpoint.call(ctx, bulkUpdateTags.endpoint, {
				pathParams: { type: 'add' },
				body: { locationId: await getLocationId(ctx), contacts, tags: group.tags },
				idempotent: true,
				itemIndex: group.waiting[0].itemIndex,
			});
		} catch (error) {
			if (contacts.length > 1 && isClientError(error)) {
				await this.oneByOne(group.tags, group.waiting);
				return;
			}
			for (const waiting of group.waiting) waiting.reject(this.tagsNotAdded(error as Error, waiting, contacts.length));
			return;
		}
		const { byContact, unattributed } = outcomes(response);
		const unsure: Waiting[] = [];
		for (const waiting of group.waiting) {
			const outcome = byContact.get(waiting.contactId);
			if (outcome?.error !== undefined) {
				waiting.reject(
					new NodeApiError(
						this.ctx.getNode(),
						{ message: outcome.error } as JsonObject,
						{
							message: `GHL did not add the tags to contact ${waiting.contactId}: ${outcome.error}`,
							description: 'The contact itself was saved; only the tags are missing. Run the item again to add them.',
							itemIndex: waiting.itemIndex,
						},
					),
				);
			} else if (unattributed > 0 && !outcome) {
				unsure.push(waiting);
			} else {
				waiting.resolve(outcome?.tags);
			}
		}
		if (unsure.length) await this.oneByOne(group.tags, unsure);
	}

	/** The old way, one call per contact: for calls GHL refused as a whole or answered unclearly. */
	private async oneByOne(tags: string[], waiting: Waiting[]): Promise<void> {
		for (const entry of waiting) {
			try {
				entry.resolve(await addContactTags.call(forItem(this.ctx, entry.itemIndex), entry.contactId, tags, entry.itemIndex));
			} catch (error) {
				entry.reject(this.tagsNotAdded(error as Error, entry, 1));
			}
		}
	}

	private tagsNotAdded(error: Error, waiting: Waiting, contacts: number): NodeApiError {
		const failure = error as NodeApiError;
		const shared = contacts > 1 ? ` They were sent in one bulk call for ${contacts} contacts, and that call failed.` : '';
		return new NodeApiError(
			this.ctx.getNode(),
			{ message: failure.message } as JsonObject,
			{
				message: failure.message,
				description: `The contact itself was saved; its tags were not added.${shared} ${failure.description ?? ''}`.trim(),
				httpCode: failure.httpCode ?? undefined,
				itemIndex: waiting.itemIndex,
			},
		);
	}
}

/** The contact's tags with `added` after them, each once: what adding tags leaves when GHL's answer does not list them. */
export function mergedTags(current: unknown, added: string[]): string[] {
	const tags = Array.isArray(current) ? current.map(String) : [];
	for (const tag of added) if (!tags.includes(tag)) tags.push(tag);
	return tags;
}

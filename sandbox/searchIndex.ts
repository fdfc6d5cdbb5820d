/**
 * GHL's contact search reads an index that lags writes ("results may lag writes by a few seconds",
 * research §1.4). With a lag of N ms, each written version of a contact becomes searchable 0–N ms
 * after the write: the delay differs per version (a real index is not fed in timestamp order), so a
 * change can show up after a later one. Until then `POST /contacts/search` shows the version before
 * it, or nothing for a new contact. Reads by id (`GET /contacts/{id}`) are not affected.
 */
import { createHash } from 'crypto';
import type { ContactRecord, Store } from './store';

interface IndexedVersion {
	/** The contact's `dateUpdated` when written: what tells versions apart. */
	dateUpdated: string;
	/** Local time (ms) from which the search shows this version. */
	searchableAt: number;
	/** The contact as written (later writes change the live record in place). */
	record: ContactRecord;
}

export class SearchIndex {
	/** Contact id → its versions, oldest first. */
	private readonly versions = new Map<string, IndexedVersion[]>();

	constructor(readonly lagMs: number) {}

	/** Everything in the store counts as indexed long ago (after seeding or reset). */
	rebuild(store: Store, now = Date.now()): void {
		this.versions.clear();
		for (const contact of store.contacts.values()) {
			this.versions.set(contact.id, [{ dateUpdated: contact.dateUpdated, searchableAt: now, record: structuredClone(contact) }]);
		}
	}

	/** Notes the contacts written since the last call (called after every write request). */
	capture(store: Store, now = Date.now()): void {
		for (const contact of store.contacts.values()) {
			const list = this.versions.get(contact.id);
			if (list && list[list.length - 1].dateUpdated === contact.dateUpdated) continue;
			const version = {
				dateUpdated: contact.dateUpdated,
				searchableAt: now + this.delay(contact),
				record: structuredClone(contact),
			};
			if (list) list.push(version);
			else this.versions.set(contact.id, [version]);
		}
		// Deleted contacts leave the search at once (a simplification: GHL's index may show them a little longer).
		for (const id of this.versions.keys()) if (!store.contacts.has(id)) this.versions.delete(id);
	}

	/** The contacts as the search sees them now. */
	searchable(store: Store, now = Date.now()): ContactRecord[] {
		this.capture(store, now);
		const out: ContactRecord[] = [];
		for (const [id, list] of this.versions) {
			let index = list.length - 1;
			while (index >= 0 && list[index].searchableAt > now) index--;
			if (index < 0) continue;
			// Older versions are never shown again.
			if (index > 0) list.splice(0, index);
			const live = store.contacts.get(id)!;
			// The newest version is the live record (several writes can share a millisecond's dateUpdated).
			out.push(list.length === 1 && live.dateUpdated === list[0].dateUpdated ? live : list[0].record);
		}
		return out;
	}

	/** 0..lagMs, fixed per version, spread evenly. */
	private delay(contact: ContactRecord): number {
		const hash = createHash('sha1').update(`${contact.id}|${contact.dateUpdated}`).digest();
		return Math.floor((hash.readUInt32BE(0) / 0x1_0000_0000) * (this.lagMs + 1));
	}
}

import { code, config, contactById, ghl, ifTrue, manualTrigger, scheduleTrigger, type N8nNode, type TemplateSpec } from './lib';
import { BUSINESS_FILTERS } from './snippets';
import { errorOutput, FAILED_ITEMS, failedItems, failedItemsSticky, LEDGER, recordDone } from './sync';

const ID = 'ghlBulkUpdate001';
const PLAN = 'Plan: what changes on each contact';
const FIELDS = 'Fields to set (edit me)';
const LIST = 'Get the matching contacts';

/** The contact fields the Fields node offers (GHL's update takes no companyName); an empty value leaves the field as it is. */
const EDITABLE_FIELDS = ['city', 'state', 'postalCode', 'country', 'website', 'timezone', 'source'] as const;

const FILTER = `${BUSINESS_FILTERS}
// The contacts this update is for: GHL's search filters from Config (tag, business, text query).
const config = $('Config').first().json;
const filters = [];
const tag = String(config.onlyContactsTagged || '').trim();
if (tag) filters.push({ field: 'tags', operator: 'eq', value: tag });
filters.push(...businessFilters(config));
return [{ json: { filtersJson: filters.length ? JSON.stringify(filters) : '', query: String(config.query || '').trim() } }];
`;

const PLAN_CODE = `${LEDGER}
// For each matching contact: the fields of "${FIELDS}" that are not empty and the tags after
// adding and removing Config's tags. A contact that already has all of it is left alone, so running
// the same update again (or after a failure half way) writes only what is still missing.
const config = $('Config').first().json;
const wanted = $('${FIELDS}').first().json;
const fieldNames = ${JSON.stringify(EDITABLE_FIELDS)};
const list = (value) => String(value || '').split(',').map((tag) => tag.trim().toLowerCase()).filter(Boolean);
const addTags = list(config.addTags);
const removeTags = list(config.removeTags);
const fields = {};
for (const name of fieldNames) {
  const value = wanted[name] === undefined || wanted[name] === null ? '' : String(wanted[name]).trim();
  if (value) fields[name] = name === 'country' ? value.toUpperCase() : value;
}
const label = String(config.updateName || 'bulk-update').trim();
if (!Object.keys(fields).length && !addTags.length && !removeTags.length) {
  return [{ json: { syncKey: 'bulk-update:' + label, valid: false, invalidReason: 'nothing to change: fill in "${FIELDS}" or Config addTags/removeTags' } }];
}
const out = [];
for (const [index, item] of $input.all().entries()) {
  const contact = item.json || {};
  if (!contact.id) continue;
  const current = (contact.tags || []).map((tag) => String(tag).toLowerCase());
  const tags = [...new Set(current.filter((tag) => !removeTags.includes(tag)).concat(addTags))];
  const changes = Object.keys(fields).filter((name) => String(contact[name] || '') !== fields[name]);
  const tagsChange = tags.length !== current.length || tags.some((tag) => !current.includes(tag));
  const syncKey = 'bulk-update:' + label + ':' + contact.id;
  const hash = syncHash({ fields, tags });
  if (!changes.length && !tagsChange) continue;
  let invalidReason = '';
  if (tagsChange && !tags.length) invalidReason = 'removing every tag of a contact is not done here (GHL keeps tags when the list is empty)';
  out.push({
    json: Object.assign({ syncKey, syncHash: hash, valid: !invalidReason, invalidReason, contactId: contact.id, email: contact.email || '', changes, tags: tagsChange ? tags.join(', ') : '' }, fields),
    pairedItem: { item: index },
  });
}
return out;
`;

const list: N8nNode = {
	...errorOutput(
		ghl(LIST, [880, 0], 'contact', 'getAll', {
			returnAll: true,
			query: '={{ $json.query }}',
			filtersJson: '={{ $json.filtersJson }}',
		}),
	),
	alwaysOutputData: true,
};

const update = errorOutput(
	ghl('Update the contact', [1540, 0], 'contact', 'update', {
		contactId: contactById('$json.contactId'),
		updateFields: {
			...Object.fromEntries(EDITABLE_FIELDS.map((name) => [name, `={{ $json.${name} || '' }}`])),
			tags: '={{ $json.tags }}',
		},
		// The plan computed the whole list (added and removed tags), so it replaces the contact's.
		tagsMode: 'replace',
	}),
);

export const ghlContactsBulkUpdate: TemplateSpec = {
	id: ID,
	file: 'ghl-contacts-bulk-update',
	name: 'HighLevel bulk update: tags and fields on a filtered set of contacts',
	description:
		'Every contact that matches Config\'s filter (a tag, a business, a text query) gets the fields filled in on "Fields to set (edit me)" (empty ones are left alone) and Config\'s addTags / removeTags. No code to change: edit the two Set nodes. Run it by hand, or activate it to apply the same update every day to contacts that newly match. Contacts that already have everything are not written, so a second run (or a run after a failure half way) writes only what is missing. Failures end in "Failed items". The HighLevel node paces itself under GHL\'s limits (about 100 requests per 10 seconds).',
	nodes: [
		scheduleTrigger('Every day', [0, -200], { field: 'hours', every: 24 }),
		manualTrigger('Run the bulk update', [0, 0]),
		config('Config', [220, 0], [
			{ name: 'updateName', value: 'newsletter-review' },
			{ name: 'onlyContactsTagged', value: 'newsletter' },
			{ name: 'businessId', value: '' },
			{ name: 'query', value: '' },
			{ name: 'addTags', value: 'reviewed' },
			{ name: 'removeTags', value: '' },
		], ID),
		config(FIELDS, [440, 0], EDITABLE_FIELDS.map((name) => ({ name, value: '' })), ID),
		code('Filter for this run', [660, 0], FILTER),
		list,
		code(PLAN, [1100, 0], PLAN_CODE),
		ifTrue('Valid?', [1320, 0], '$json.valid', ID),
		update,
		recordDone('Record as synced', [1760, 0], PLAN),
		failedItems([1760, 300], PLAN),
	],
	links: [
		['Every day', 'Config'],
		['Run the bulk update', 'Config'],
		['Config', FIELDS],
		[FIELDS, 'Filter for this run'],
		['Filter for this run', LIST],
		[LIST, PLAN, 0],
		[LIST, FAILED_ITEMS, 1],
		[PLAN, 'Valid?'],
		['Valid?', 'Update the contact', 0],
		['Valid?', FAILED_ITEMS, 1],
		['Update the contact', 'Record as synced', 0],
		['Update the contact', FAILED_ITEMS, 1],
	],
	stickies: [failedItemsSticky([2040, 300])],
};

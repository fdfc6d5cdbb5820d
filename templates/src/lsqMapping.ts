/**
 * The LeadSquared → GHL contact mapping both LeadSquared → HighLevel templates share: one Set node
 * ("Edit Fields") a user edits without code, one assignment per GHL field, and the Code-node
 * function that turns its output into the contact the sync writes.
 */
import { code, uuidFor, type N8nNode, type StickyNote } from './lib';
import { PHONE_E164, COUNTRY_CODE } from './snippets';

type Position = [number, number];

/** `[GHL field, expression over the LeadSquared record]`: the rows of a mapping node. */
export type MappingRow = [string, string];

/** The contact fields every LeadSquared record carries (leads and activities alike). */
export const LSQ_CONTACT_ROWS: MappingRow[] = [
	['email', '={{ $json.EmailAddress }}'],
	['phone', '={{ $json.Phone || $json.Mobile }}'],
	['firstName', '={{ $json.FirstName }}'],
	['lastName', '={{ $json.LastName }}'],
];

/** A lead's rows: standard fields, DND from DoNotEmail/DoNotCall, custom fields by GHL key. */
export const LSQ_LEAD_ROWS: MappingRow[] = [
	...LSQ_CONTACT_ROWS,
	['companyName', '={{ $json.Company }}'],
	['website', '={{ $json.Website }}'],
	['address1', "={{ [$json.mx_Street1, $json.mx_Street2].filter(Boolean).join(', ') }}"],
	['city', '={{ $json.mx_City }}'],
	['state', '={{ $json.mx_State }}'],
	['postalCode', '={{ $json.mx_Zip }}'],
	['country', '={{ $json.mx_Country }}'],
	['dateOfBirth', '={{ $json.mx_DOB }}'],
	['dnd.Email', '={{ $json.DoNotEmail }}'],
	['dnd.Call', '={{ $json.DoNotCall }}'],
	['customFields.lsq_prospect_id', '={{ $json.ProspectID }}'],
	['customFields.lsq_stage', '={{ $json.ProspectStage }}'],
	['customFields.lsq_score', '={{ $json.Score }}'],
	['customFields.lsq_source_campaign', '={{ $json.SourceCampaign }}'],
];

/**
 * The mapping node: n8n's Edit Fields (Set) with one assignment per GHL field; its input is one
 * LeadSquared record per item, so a user drags a field from the input into a value.
 */
export function lsqMappingNode(name: string, position: Position, rows: MappingRow[], templateId: string): N8nNode {
	return {
		id: '',
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position,
		parameters: {
			mode: 'manual',
			assignments: {
				assignments: rows.map(([field, value]) => ({ id: uuidFor(templateId, name, field), name: field, value, type: 'string' })),
			},
			includeOtherFields: false,
			options: { ignoreConversionErrors: true },
		},
		notes: 'Edit me: one row per GHL field (name) and the LeadSquared field it takes (value).',
		notesInFlow: true,
	};
}

export function lsqMappingSticky(position: Position): StickyNote {
	return {
		content:
			'### Field mapping (no code)\nOpen **LeadSquared → GHL fields**: one row per GHL field. The **name** is the GHL field (`firstName`, `city`, …), `customFields.<key or id>` for a GHL custom field (its key, e.g. `lsq_score` for `contact.lsq_score`, or its id), or `dnd.Email` / `dnd.Call` / `dnd.SMS` for Do Not Disturb ("1"/"true"/"yes" = DND on, "0"/"false"/"no" = off). The **value** is the LeadSquared field: drag it from the input (e.g. `mx_Anniversary`). Delete a row to stop syncing that field; empty values never clear GHL data.',
		position,
		width: 420,
		height: 300,
		color: 5,
	};
}

/**
 * Code-node function `lsqContact(mapped, config, extraTags)`: the mapping node's item → the contact
 * fields, custom fields (`{key or id: value}`) and DND settings (`{Channel: status}`) to write.
 */
export const LSQ_CONTACT = `${PHONE_E164}${COUNTRY_CODE}
const LSQ_STANDARD = ['email', 'phone', 'firstName', 'lastName', 'companyName', 'website', 'address1', 'city', 'state', 'postalCode', 'country', 'dateOfBirth'];
function lsqFlatten(value, prefix, out) {
  for (const [key, inner] of Object.entries(value || {})) {
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) lsqFlatten(inner, prefix + key + '.', out);
    else out[prefix + key] = inner;
  }
  return out;
}
function lsqDnd(value) {
  const text = String(value === null || value === undefined ? '' : value).trim().toLowerCase();
  if (['1', 'true', 'yes', 'y', 'active'].includes(text)) return 'active';
  if (['0', 'false', 'no', 'n', 'inactive'].includes(text)) return 'inactive';
  return '';
}
function lsqContact(mapped, config, extraTags) {
  const text = (value) => (value === null || value === undefined ? '' : String(value).trim());
  const contact = {};
  for (const key of LSQ_STANDARD) contact[key] = text(mapped[key]);
  contact.email = contact.email.toLowerCase();
  contact.phone = phoneE164(contact.phone, config.defaultCountryCode);
  contact.country = countryCode(contact.country);
  contact.dateOfBirth = /^\\d{4}-\\d{2}-\\d{2}/.test(contact.dateOfBirth) ? contact.dateOfBirth.slice(0, 10) : '';
  const tags = String(config.tags || '').split(',').concat(extraTags || []).map((t) => String(t).trim()).filter(Boolean);
  contact.tags = [...new Set(tags)].join(', ');
  // Empty values are left out, so they never clear what GHL holds.
  const customFields = {};
  for (const [key, value] of Object.entries(lsqFlatten(mapped.customFields, '', {}))) if (text(value)) customFields[key] = text(value);
  const dndSettings = {};
  for (const [channel, value] of Object.entries(mapped.dnd || {})) if (lsqDnd(value)) dndSettings[channel] = lsqDnd(value);
  return { contact, customFields, dndSettings };
}
`;

/** A Code node: the records of each incoming item (a webhook's one or batch, or `{<listKey>: [...]}`), one per item. */
export function oneItemPerRecord(name: string, position: Position, listKey: string, payloadsOf: string): N8nNode {
	return code(
		name,
		position,
		`${payloadsOf}
// One LeadSquared record per item, so the mapping node maps each (its items keep the pairing).
const out = [];
for (const [index, item] of $input.all().entries()) {
  const records = Array.isArray(item.json.${listKey}) ? item.json.${listKey} : payloadsOf(item.json);
  for (const record of records) out.push({ json: record, pairedItem: { item: index } });
}
return out;
`,
	);
}

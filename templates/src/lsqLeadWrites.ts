/**
 * What the HighLevel → LeadSquared task templates (appointment, completed task) share: the lead
 * attributes of a GHL contact, and the lead found or created by them (Lead.Capture, an existing
 * lead left unchanged) followed by its tasks (RetrieveTaskByLeadId).
 */
import { http, type N8nNode } from './lib';
import { errorOutput } from './sync';

/** A LeadSquared API URL on the Config node's lsqHost. */
export const LSQ_URL = (path: string): string => `={{ $('Config').first().json.lsqHost }}/v2/${path}`;

export const LEAD_CAPTURE = 'LeadSquared: find or create lead';
export const LEAD_TASKS = 'LeadSquared: tasks of the lead';

/**
 * `contactText(contact, key)`: a GHL contact field as trimmed text; `lsqLeadOf(contact, config)`:
 * its Lead.Capture attributes (found by email, else phone; the GHL id in config.ghlIdField).
 */
export const LSQ_LEAD_OF = `
function contactText(contact, key) {
  return contact[key] === null || contact[key] === undefined ? '' : String(contact[key]).trim();
}
function lsqLeadOf(contact, config) {
  const text = (key) => contactText(contact, key);
  const lead = [];
  const add = (attribute, value) => { if (value) lead.push({ Attribute: attribute, Value: value }); };
  add('EmailAddress', text('email').toLowerCase());
  add('FirstName', text('firstName'));
  add('LastName', text('lastName'));
  add('Phone', text('phone'));
  if (config.ghlIdField) add(config.ghlIdField, text('id'));
  add('SearchBy', text('email') ? 'EmailAddress' : 'Phone');
  return lead;
}
`;

/** The lead of each planned item (`$json.lead`) found or created, then its tasks read (full response). */
export function lsqLeadAndTasks(): N8nNode[] {
	return [
		errorOutput(
			http(LEAD_CAPTURE, [1540, 40], {
				method: 'POST',
				url: LSQ_URL('LeadManagement.svc/Lead.Capture'),
				credential: 'lsqApi',
				query: [{ name: 'LeadUpdateBehavior', value: 'DoNotUpdate' }],
				jsonBody: 'JSON.stringify($json.lead)',
				batchIntervalMs: 500,
			}),
		),
		errorOutput(
			http(LEAD_TASKS, [1760, 40], {
				method: 'GET',
				url: LSQ_URL('LeadManagement.svc/RetrieveTaskByLeadId?leadId={{ $json.Message.Id }}'),
				credential: 'lsqApi',
				fullResponse: true,
				batchIntervalMs: 500,
			}),
		),
	];
}

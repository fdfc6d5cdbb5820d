/**
 * What the HighLevel → LeadSquared task templates (appointment, completed task) share: the lead
 * attributes of a GHL contact, and the path from the GHL contact through the template's plan to the
 * lead found or created by them (Lead.Capture, an existing lead left unchanged) and its tasks
 * (RetrieveTaskByLeadId).
 */
import { code, contactById, ghl, http, ifTrue, type Link, type N8nNode } from './lib';
import { errorOutput, FAILED_ITEMS } from './sync';

/** A LeadSquared API URL on the Config node's lsqHost. */
export const LSQ_URL = (path: string): string => `={{ $('Config').first().json.lsqHost }}/v2/${path}`;

const CONTACT = 'Get the GHL contact';
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

/**
 * Config → the item's GHL contact → the template's plan → Valid? → the lead of each planned item
 * (`$json.lead`) found or created, then its tasks read (full response) and passed to `then`.
 * Every step's failures go to Failed items.
 */
export function lsqLeadAndTasks(opts: { templateId: string; plan: { name: string; code: string }; then: string }): { nodes: N8nNode[]; links: Link[] } {
	const { name: plan } = opts.plan;
	return {
		nodes: [
			errorOutput(ghl(CONTACT, [880, 100], 'contact', 'get', { contactId: contactById('$json.contactId') })),
			code(plan, [1100, 100], opts.plan.code),
			ifTrue('Valid?', [1320, 100], '$json.valid', opts.templateId),
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
		],
		links: [
			['Config', CONTACT],
			[CONTACT, plan, 0],
			[CONTACT, FAILED_ITEMS, 1],
			[plan, 'Valid?'],
			['Valid?', LEAD_CAPTURE, 0],
			['Valid?', FAILED_ITEMS, 1],
			[LEAD_CAPTURE, LEAD_TASKS, 0],
			[LEAD_CAPTURE, FAILED_ITEMS, 1],
			[LEAD_TASKS, opts.then, 0],
			[LEAD_TASKS, FAILED_ITEMS, 1],
		],
	};
}

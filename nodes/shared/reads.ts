/**
 * Reads and merges the three nodes share, each written once, all called the same way:
 * `await listCalendars.call(this)`. Their endpoints are declared here as the operation files
 * declare theirs, so the OAuth scope presets cover them too (scripts/catalogue/generate.ts).
 */
import type { IDataObject } from 'n8n-workflow';
import { callEndpoint, endpointRequest, getLocationId, getSkipPaged } from './transport';
import type { GhlContext, GhlEndpoint } from './transport';

/** Endpoints read besides an operation's own: pickers, locators, custom-field lookups and the tag merge. */
export const SHARED_ENDPOINTS = {
	customFields: {
		method: 'GET',
		path: '/locations/{locationId}/customFields',
		operationId: 'get-custom-fields',
		api: 'locations',
		scopes: ['locations/customFields.readonly'],
	},
	users: { method: 'GET', path: '/users/', operationId: 'get-user-by-location', api: 'users', scopes: ['users.readonly'] },
	calendars: { method: 'GET', path: '/calendars/', operationId: 'get-calendars', api: 'calendars', scopes: ['calendars.readonly'] },
	calendarGroups: { method: 'GET', path: '/calendars/groups', operationId: 'get-groups', api: 'calendars', scopes: ['calendars/groups.readonly'] },
	contact: { method: 'GET', path: '/contacts/{contactId}', operationId: 'get-contact', api: 'contacts', scopes: ['contacts.readonly'] },
	addContactTags: { method: 'POST', path: '/contacts/{contactId}/tags', operationId: 'add-tags', api: 'contacts', scopes: ['contacts.write'] },
	pipelines: { method: 'GET', path: '/opportunities/pipelines', operationId: 'get-pipelines', api: 'opportunities', scopes: ['opportunities.readonly'] },
	lostReasons: { method: 'GET', path: '/opportunities/lost-reason', operationId: 'get-lost-reason', api: 'opportunities', scopes: ['opportunities.readonly'] },
	campaigns: { method: 'GET', path: '/campaigns/', operationId: 'get-campaigns', api: 'campaigns', scopes: ['campaigns.readonly'] },
	workflows: { method: 'GET', path: '/workflows/', operationId: 'get-workflow', api: 'workflows', scopes: ['workflows.readonly'] },
	forms: { method: 'GET', path: '/forms/', operationId: 'get-forms', api: 'forms', scopes: ['forms.readonly'] },
	surveys: { method: 'GET', path: '/surveys/', operationId: 'get-surveys', api: 'surveys', scopes: ['surveys.readonly'] },
	location: { method: 'GET', path: '/locations/{locationId}', operationId: 'get-location', api: 'locations', scopes: ['locations.readonly'] },
	businesses: { method: 'GET', path: '/businesses/', operationId: 'get-businesses-by-location', api: 'businesses', scopes: ['businesses.readonly'] },
	locationTags: { method: 'GET', path: '/locations/{locationId}/tags', operationId: 'get-location-tags', api: 'locations', scopes: ['locations/tags.readonly'] },
	customValues: {
		method: 'GET',
		path: '/locations/{locationId}/customValues',
		operationId: 'get-custom-values',
		api: 'locations',
		scopes: ['locations/customValues.readonly'],
	},
	templates: {
		method: 'GET',
		path: '/locations/{locationId}/templates',
		operationId: 'GET-all-or-email-sms-templates',
		api: 'locations',
		scopes: ['locations/templates.readonly'],
	},
	associations: { method: 'GET', path: '/associations/', operationId: 'find-associations', api: 'associations', scopes: ['associations.readonly'] },
	objectSchemas: { method: 'GET', path: '/objects/', operationId: 'get-object-by-location-id', api: 'objects', scopes: ['objects/schema.readonly'] },
} satisfies Record<string, GhlEndpoint>;

/** The location's calendars (pickers; the polling trigger's appointment sweep). */
export async function listCalendars(this: GhlContext): Promise<IDataObject[]> {
	const response = await callEndpoint.call(this, SHARED_ENDPOINTS.calendars, { qs: { locationId: await getLocationId(this) } });
	return (response.calendars ?? []) as IDataObject[];
}

/** The location's calendar groups (the group picker). */
export async function listCalendarGroups(this: GhlContext): Promise<IDataObject[]> {
	const response = await callEndpoint.call(this, SHARED_ENDPOINTS.calendarGroups, { qs: { locationId: await getLocationId(this) } });
	return (response.groups ?? []) as IDataObject[];
}

/** The location's pipelines, each with its stages (pipeline and stage pickers). */
export async function listPipelines(this: GhlContext): Promise<IDataObject[]> {
	const response = await callEndpoint.call(this, SHARED_ENDPOINTS.pipelines, { qs: { locationId: await getLocationId(this) } });
	return (response.pipelines ?? []) as IDataObject[];
}

/** The location's reasons for lost opportunities (the Update Status picker). */
export async function listLostReasons(this: GhlContext): Promise<IDataObject[]> {
	const response = await callEndpoint.call(this, SHARED_ENDPOINTS.lostReasons, { qs: { locationId: await getLocationId(this) } });
	return (response.lostReasons ?? []) as IDataObject[];
}

/** The location's campaigns (Campaign pickers). */
export async function listCampaigns(this: GhlContext): Promise<IDataObject[]> {
	const response = await callEndpoint.call(this, SHARED_ENDPOINTS.campaigns, { qs: { locationId: await getLocationId(this) } });
	return (response.campaigns ?? []) as IDataObject[];
}

/** The location's workflows (Workflow pickers). */
export async function listWorkflows(this: GhlContext): Promise<IDataObject[]> {
	const response = await callEndpoint.call(this, SHARED_ENDPOINTS.workflows, { qs: { locationId: await getLocationId(this) } });
	return (response.workflows ?? []) as IDataObject[];
}

/** The location's first 100 businesses (Business pickers; Business: Get Many pages through all of them). */
export async function listBusinesses(this: GhlContext): Promise<IDataObject[]> {
	const response = await callEndpoint.call(this, SHARED_ENDPOINTS.businesses, { qs: { locationId: await getLocationId(this), limit: '100' } });
	return (response.businesses ?? []) as IDataObject[];
}

/** GHL lists forms and surveys at most 50 a page. */
export const FORM_PAGE_LIMIT = 50;

/** All the location's forms or surveys (Form and Survey pickers, the submission triggers). */
export async function listFormsOrSurveys(this: GhlContext, kind: 'forms' | 'surveys'): Promise<IDataObject[]> {
	const request = endpointRequest(SHARED_ENDPOINTS[kind], { qs: { locationId: await getLocationId(this) } });
	return await getSkipPaged.call(this, request, kind, undefined, 'skip', FORM_PAGE_LIMIT);
}

const companies = new WeakMap<object, Promise<string>>();

/**
 * The agency (company) the credential's location belongs to, which GHL's user search and user
 * create ask for: read from the location once per item context (items may act for different
 * sub-accounts under an agency credential).
 */
export async function getCompanyId(this: GhlContext, itemIndex?: number): Promise<string> {
	let company = companies.get(this);
	if (!company) {
		company = (async () => {
			const locationId = await getLocationId(this);
			const response = await callEndpoint.call(this, SHARED_ENDPOINTS.location, { pathParams: { locationId }, itemIndex });
			const companyId = (response.location as IDataObject | undefined)?.companyId;
			if (typeof companyId !== 'string' || !companyId) throw new Error(`GHL's answer for location ${locationId} names no companyId`);
			return companyId;
		})();
		companies.set(this, company);
		company.catch(() => companies.delete(this));
	}
	return await company;
}

/** The location's users (assignee, author and follower pickers). */
export async function listUsers(this: GhlContext): Promise<IDataObject[]> {
	const response = await callEndpoint.call(this, SHARED_ENDPOINTS.users, { qs: { locationId: await getLocationId(this) } });
	return ((response.users ?? []) as IDataObject[]).filter((user) => !user.deleted);
}

/** The location's custom field definitions of every model, as GHL lists them. */
export async function listCustomFields(this: GhlContext, model?: 'contact' | 'opportunity'): Promise<IDataObject[]> {
	const locationId = await getLocationId(this);
	const response = await callEndpoint.call(this, SHARED_ENDPOINTS.customFields, { pathParams: { locationId }, ...(model ? { qs: { model } } : {}) });
	return (response.customFields ?? []) as IDataObject[];
}

/**
 * The tag merge: adds `tags` to a contact's tags, keeping the ones it has (GHL's contact write
 * replaces them), and answers the contact's tags as they now are. Safe to repeat.
 */
export async function addContactTags(this: GhlContext, contactId: string, tags: string[], itemIndex?: number): Promise<string[] | undefined> {
	const response = await callEndpoint.call(this, SHARED_ENDPOINTS.addContactTags, {
		pathParams: { contactId },
		body: { tags },
		idempotent: true,
		itemIndex,
	});
	return response.tags as string[] | undefined;
}

/** A contact by ID, unwrapped. */
export async function getContact(this: GhlContext, contactId: string, itemIndex?: number): Promise<IDataObject | undefined> {
	const response = await callEndpoint.call(this, SHARED_ENDPOINTS.contact, { pathParams: { contactId }, itemIndex });
	return response.contact as IDataObject | undefined;
}

/** The location's tags (tag pickers; Tag › Get Many). */
export async function listLocationTags(this: GhlContext, itemIndex?: number): Promise<IDataObject[]> {
	const response = await callEndpoint.call(this, SHARED_ENDPOINTS.locationTags, { pathParams: { locationId: await getLocationId(this) }, itemIndex });
	return (response.tags ?? []) as IDataObject[];
}

/** The location's custom values (custom value pickers; Custom Value › Get Many). */
export async function listCustomValues(this: GhlContext, itemIndex?: number): Promise<IDataObject[]> {
	const response = await callEndpoint.call(this, SHARED_ENDPOINTS.customValues, { pathParams: { locationId: await getLocationId(this) }, itemIndex });
	return (response.customValues ?? []) as IDataObject[];
}

/** The location's email and SMS templates (the template picker). */
export async function listTemplates(this: GhlContext): Promise<IDataObject[]> {
	const locationId = await getLocationId(this);
	const response = await callEndpoint.call(this, SHARED_ENDPOINTS.templates, { pathParams: { locationId }, qs: { originId: locationId } });
	return (response.templates ?? []) as IDataObject[];
}

/** All the location's associations (association pickers): GHL pages them with skip/limit. */
export async function listAssociations(this: GhlContext): Promise<IDataObject[]> {
	const request = endpointRequest(SHARED_ENDPOINTS.associations, { qs: { locationId: await getLocationId(this) } });
	return await getSkipPaged.call(this, request, 'associations');
}

/** The location's custom objects (object key pickers). */
export async function listObjectSchemas(this: GhlContext): Promise<IDataObject[]> {
	const response = await callEndpoint.call(this, SHARED_ENDPOINTS.objectSchemas, { qs: { locationId: await getLocationId(this) } });
	return (response.objects ?? []) as IDataObject[];
}

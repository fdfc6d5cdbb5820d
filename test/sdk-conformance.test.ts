/**
 * Conformance with GHL's own client. `@gohighlevel/api-client` is generated from the same OpenAPI
 * files the sandbox follows, so every catalogue operation, called through the SDK's own method with
 * valid arguments, must be accepted by the sandbox; and malformed requests built with the SDK must be
 * refused with the status GHL's spec declares. Where the SDK itself departs from the spec, the
 * departure is listed in SDK_DEVIATIONS with the reason, and the sandbox's refusal is asserted.
 */
import * as fs from 'fs';
import * as path from 'path';
import { GHLError, HighLevel } from '@gohighlevel/api-client';
import type { RecordedRequest, Sandbox } from '../sandbox';
import { operationKey } from '../sandbox/openapi';
import { useSandbox } from './harness/fixtures';
import type { SeedContact, SeedSnapshot } from './nodes/kit';

interface CatalogueOperation {
	method: string;
	path: string;
	operationId: string;
	api: string;
	/** null where the spec declares no Version header. */
	version: string | null;
}

const catalogue = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../docs/catalogue.json'), 'utf8')) as {
	operations: CatalogueOperation[];
};

const SDK_VERSION = (
	JSON.parse(fs.readFileSync(require.resolve('@gohighlevel/api-client/package.json'), 'utf8')) as { version: string }
).version;

/**
 * The Version header each API's docs tell SDK users to configure (`apiVersion`). The SDK sends one
 * version for every call of a client, so contacts and calendars each get their own client.
 */
const API_VERSIONS: Record<string, string> = {
	contacts: '2021-07-28',
	calendars: '2021-04-15',
	opportunities: '2021-07-28',
	locations: '2021-07-28',
	businesses: '2021-07-28',
	associations: '2021-07-28',
	campaigns: '2021-07-28',
	workflows: '2021-07-28',
	users: '2021-07-28',
	forms: '2021-07-28',
	surveys: '2021-07-28',
	'custom-fields': '2021-07-28',
	oauth: '2021-07-28',
	conversations: '2021-04-15',
	objects: '2021-07-28',
};

/** What the SDK sends when no `apiVersion` is configured, read from the SDK itself (3.1.0: 2023-02-21). */
const SDK_DEFAULT_VERSION = new HighLevel({ privateIntegrationToken: 'unused', logLevel: 'none' }).getConfig().apiVersion;

/**
 * Where the SDK, as published, builds requests the official spec does not allow. Each one has a
 * test below asserting that the sandbox refuses it the way the spec says.
 */
const SDK_DEVIATIONS = {
	defaultVersion: {
		what: `without \`apiVersion\` the SDK sends \`Version: ${SDK_DEFAULT_VERSION}\` on every call`,
		reason:
			'Every catalogue operation declares a required Version header with a single allowed value ' +
			'(2021-07-28 for contacts, 2021-04-15 for calendars); the generator drops that parameter ' +
			"(extractParams skips `Version`) and sends one client-wide default instead. GHL's versioning page " +
			'lists 2023-02-21 as a version and third parties report live GHL answering it, but the spec does ' +
			'not allow it on these operations, so the sandbox refuses it: 401 "version header is invalid".',
	},
} as const;

const sandbox = useSandbox();

/** An SDK client for the sandbox's demo location, with the SDK's logging off (the tests assert errors). */
function sdkClient(sb: Sandbox, options: { apiVersion?: string; token?: string; agencyToken?: string } = {}): HighLevel {
	const ghl = new HighLevel({
		// The SDK sends a Private Integration token on every call when it has one, so agency calls get none.
		...(options.agencyToken
			? { agencyAccessToken: options.agencyToken, clientId: sb.demo.oauthClientId, clientSecret: sb.demo.oauthClientSecret }
			: { privateIntegrationToken: options.token ?? sb.demo.privateToken }),
		...(options.apiVersion ? { apiVersion: options.apiVersion } : {}),
		logLevel: 'none',
	});
	// The SDK has no base-URL setting; all its services share this one axios instance.
	ghl.getHttpClient().defaults.baseURL = sb.url;
	return ghl;
}

interface Fixture {
	sb: Sandbox;
	locationId: string;
	/** Demo-location contacts, oldest first. */
	contacts: SeedContact[];
	seed: SeedSnapshot;
	contactWith(predicate: (contact: SeedContact) => boolean): SeedContact;
}

function fixture(sb: Sandbox): Fixture {
	const seed = structuredClone(sb.snapshot()) as unknown as SeedSnapshot;
	const contacts = seed.contacts
		.filter((contact) => contact.locationId === sb.demo.locationId)
		.sort((a, b) => Date.parse(a.dateAdded) - Date.parse(b.dateAdded));
	return {
		sb,
		locationId: sb.demo.locationId,
		contacts,
		seed,
		contactWith: (predicate) => {
			const found = contacts.find(predicate);
			if (!found) throw new Error('the seed has no such contact');
			return found;
		},
	};
}

type SdkCall = (ghl: HighLevel, f: Fixture) => Promise<unknown>;

/** Operations GHL's spec allows only an agency (Company) token on: their SDK client holds one. */
const AGENCY_ONLY = new Set([
	'get-installed-location',
	'get-location-access-token',
	'search-locations',
	'create-location',
	'put-location',
	'delete-location',
	'filter-users-by-email',
	'create-custom-object-schema',
]);

/** The token options of the SDK client for an operation: the demo sub-account's PIT, or an agency token. */
function tokenFor(sb: Sandbox, operationId: string): { agencyToken?: string } {
	return AGENCY_ONLY.has(operationId) ? { agencyToken: sb.issueOAuthTokens({ userType: 'Company' }).access_token } : {};
}

/** The SDK's own method for each catalogue operation, with valid arguments from the seed. */
const SDK_CALLS: Record<string, SdkCall> = {
	'search-contacts-advanced': (ghl, f) =>
		// The spec's SearchBodyV2DTO (and so the SDK's type) is an empty object; GHL's docs give the fields.
		ghl.contacts.searchContactsAdvanced({ locationId: f.locationId, pageLimit: 5, query: 'ada' } as object),
	'get-duplicate-contact': (ghl, f) =>
		ghl.contacts.getDuplicateContact({ locationId: f.locationId, email: f.contacts[0].email }),
	'get-all-tasks': (ghl, f) => ghl.contacts.getAllTasks({ contactId: f.seed.tasks[0].contactId }),
	'create-task': (ghl, f) =>
		ghl.contacts.createTask(
			{ contactId: f.contacts[0].id },
			{ title: 'Call back', body: 'About the quote', dueDate: '2032-01-05T10:00:00Z', completed: false },
		),
	'get-task': (ghl, f) => ghl.contacts.getTask({ contactId: f.seed.tasks[0].contactId, taskId: f.seed.tasks[0].id }),
	'update-task': (ghl, f) =>
		ghl.contacts.updateTask(
			{ contactId: f.seed.tasks[0].contactId, taskId: f.seed.tasks[0].id },
			{ title: 'Call back (moved)', dueDate: '2032-02-01T09:30:00Z' },
		),
	'delete-task': (ghl, f) => ghl.contacts.deleteTask({ contactId: f.seed.tasks[0].contactId, taskId: f.seed.tasks[0].id }),
	'update-task-completed': (ghl, f) =>
		ghl.contacts.updateTaskCompleted({ contactId: f.seed.tasks[0].contactId, taskId: f.seed.tasks[0].id }, { completed: true }),
	'get-appointments-for-contact': (ghl, f) =>
		ghl.contacts.getAppointmentsForContact({ contactId: f.seed.appointments[0].contactId }),
	'add-tags': (ghl, f) => ghl.contacts.addTags({ contactId: f.contacts[0].id }, { tags: ['sdk', 'conformance'] }),
	'remove-tags': (ghl, f) => {
		const tagged = f.contactWith((contact) => contact.tags.length > 0);
		return ghl.contacts.removeTags({ contactId: tagged.id }, { tags: [tagged.tags[0]] });
	},
	'get-all-notes': (ghl, f) => ghl.contacts.getAllNotes({ contactId: f.seed.notes[0].contactId }),
	'create-note': (ghl, f) => ghl.contacts.createNote({ contactId: f.contacts[0].id }, { body: 'Met at the fair', pinned: true }),
	'get-note': (ghl, f) => ghl.contacts.getNote({ contactId: f.seed.notes[0].contactId, id: f.seed.notes[0].id }),
	'update-note': (ghl, f) =>
		ghl.contacts.updateNote({ contactId: f.seed.notes[0].contactId, id: f.seed.notes[0].id }, { body: 'Met at the fair (edited)' }),
	'delete-note': (ghl, f) => ghl.contacts.deleteNote({ contactId: f.seed.notes[0].contactId, id: f.seed.notes[0].id }),
	'contacts:create-association': (ghl, f) =>
		ghl.contacts.createAssociation(
			{ type: 'add' },
			{ contacts: [f.contacts[0].id, f.contacts[1].id], tags: ['sdk-bulk'], locationId: f.locationId },
		),
	'add-remove-contact-from-business': (ghl, f) =>
		ghl.contacts.addRemoveContactFromBusiness({ locationId: f.locationId, ids: [f.contacts[0].id], businessId: f.sb.demo.businessIds[1] }),
	'get-contact': (ghl, f) => ghl.contacts.getContact({ contactId: f.contacts[0].id }),
	'update-contact': (ghl, f) => ghl.contacts.updateContact({ contactId: f.contacts[0].id }, { city: 'Leipzig', firstName: 'Augusta' }),
	'delete-contact': (ghl, f) => ghl.contacts.deleteContact({ contactId: f.contacts[1].id }),
	'upsert-contact': (ghl, f) =>
		ghl.contacts.upsertContact({ locationId: f.locationId, email: f.contacts[0].email, companyName: 'Upserted Ltd' }),
	'get-contacts-by-businessId': (ghl, f) =>
		ghl.contacts.getContactsByBusinessId({ businessId: f.sb.demo.businessIds[0], locationId: f.locationId, limit: '2' }),
	'add-followers-contact': (ghl, f) =>
		ghl.contacts.addFollowersContact({ contactId: f.contacts[1].id }, { followers: [f.sb.demo.userIds[2]] }),
	'remove-followers-contact': (ghl, f) => {
		const followed = f.contactWith((contact) => contact.followers.length > 0);
		return ghl.contacts.removeFollowersContact({ contactId: followed.id }, { followers: [followed.followers[0]] });
	},
	'add-contact-to-campaign': (ghl, f) =>
		ghl.contacts.addContactToCampaign({ contactId: f.contacts[2].id, campaignId: f.sb.demo.campaignIds[1] }, {}),
	'remove-contact-from-campaign': (ghl, f) => {
		const enrolled = f.contactWith((contact) => contact.campaigns.length > 0);
		return ghl.contacts.removeContactFromCampaign({ contactId: enrolled.id, campaignId: enrolled.campaigns[0] });
	},
	'remove-contact-from-every-campaign': (ghl, f) =>
		ghl.contacts.removeContactFromEveryCampaign({ contactId: f.contactWith((contact) => contact.campaigns.length > 0).id }),
	'add-contact-to-workflow': (ghl, f) =>
		ghl.contacts.addContactToWorkflow(
			{ contactId: f.contacts[2].id, workflowId: f.sb.demo.workflowIds[1] },
			{ eventStartTime: '2032-01-05T10:00:00Z' },
		),
	'delete-contact-from-workflow': (ghl, f) => {
		const enrolled = f.contactWith((contact) => contact.workflows.length > 0);
		return ghl.contacts.deleteContactFromWorkflow({ contactId: enrolled.id, workflowId: enrolled.workflows[0] }, {});
	},
	'create-contact': (ghl, f) =>
		ghl.contacts.createContact({
			locationId: f.locationId,
			firstName: 'Mary',
			lastName: 'Somerville',
			email: 'mary.somerville@example.com',
			tags: ['sdk'],
		}),
	'get-contacts': (ghl, f) => ghl.contacts.getContacts({ locationId: f.locationId, limit: 5, query: 'a' }),
	'create-appointment': (ghl, f) =>
		ghl.calendars.createAppointment({
			calendarId: f.sb.demo.calendarIds[1],
			locationId: f.locationId,
			contactId: f.contacts[1].id,
			startTime: '2032-01-05T10:00:00Z',
			endTime: '2032-01-05T11:00:00Z',
			title: 'Onboarding',
			appointmentStatus: 'confirmed',
		}),
	'edit-appointment': (ghl, f) =>
		ghl.calendars.editAppointment({ eventId: f.seed.appointments[0].id }, { title: 'Onboarding (moved)' }),
	'get-appointment': (ghl, f) => ghl.calendars.getAppointment({ eventId: f.seed.appointments[0].id }),
	'delete-event': (ghl, f) => ghl.calendars.deleteEvent({ eventId: f.seed.appointments[0].id }, {}),
	'get-calendars': (ghl, f) => ghl.calendars.getCalendars({ locationId: f.locationId }),
	'get-calendar': (ghl, f) => ghl.calendars.getCalendar({ calendarId: f.sb.demo.calendarIds[0] }),
	'create-calendar': (ghl, f) =>
		ghl.calendars.createCalendar({ locationId: f.locationId, name: 'SDK calendar', teamMembers: [{ userId: f.sb.demo.userIds[0], isPrimary: true }], slotDuration: 45 }),
	'update-calendar': (ghl, f) => ghl.calendars.updateCalendar({ calendarId: f.sb.demo.calendarIds[0] }, { slotDuration: 20, name: 'SDK renamed' }),
	'delete-calendar': (ghl, f) => ghl.calendars.deleteCalendar({ calendarId: f.sb.demo.calendarIds[0] }),
	'get-slots': (ghl, f) =>
		ghl.calendars.getSlots({ calendarId: f.sb.demo.calendarIds[1], startDate: Date.parse('2030-01-17T05:00:00Z'), endDate: Date.parse('2030-01-18T05:00:00Z'), timezone: 'America/Chicago' }),
	'get-groups': (ghl, f) => ghl.calendars.getGroups({ locationId: f.locationId }),
	'create-calendar-group': (ghl, f) => ghl.calendars.createCalendarGroup({ locationId: f.locationId, name: 'SDK group', description: 'From the SDK', slug: 'sdk-group' }),
	'validate-groups-slug': (ghl, f) => ghl.calendars.validateGroupsSlug({ locationId: f.locationId, slug: 'sales-team' }),
	'edit-group': (ghl, f) => ghl.calendars.editGroup({ groupId: calendarGroupId(f) }, { name: 'SDK group', description: 'Renamed', slug: 'sdk-group' }),
	'disable-group': (ghl, f) => ghl.calendars.disableGroup({ groupId: calendarGroupId(f) }, { isActive: false }),
	'delete-group': (ghl, f) => ghl.calendars.deleteGroup({ groupId: calendarGroupId(f) }),
	'get-calendar-events': (ghl, f) =>
		ghl.calendars.getCalendarEvents({ locationId: f.locationId, calendarId: f.sb.demo.calendarIds[0], startTime: String(Date.parse('2030-01-01T00:00:00Z')), endTime: String(Date.parse('2030-02-01T00:00:00Z')) }),
	'get-blocked-slots': (ghl, f) =>
		ghl.calendars.getBlockedSlots({ locationId: f.locationId, calendarId: f.sb.demo.calendarIds[1], startTime: String(Date.parse('2030-01-01T00:00:00Z')), endTime: String(Date.parse('2030-02-01T00:00:00Z')) }),
	'create-block-slot': (ghl, f) =>
		ghl.calendars.createBlockSlot({ locationId: f.locationId, calendarId: f.sb.demo.calendarIds[1], title: 'SDK block', startTime: '2032-01-05T12:00:00Z', endTime: '2032-01-05T13:00:00Z' }),
	'edit-block-slot': (ghl, f) =>
		ghl.calendars.editBlockSlot({ eventId: seededRecord(f, '/calendars/events/block-slots').id }, { locationId: f.locationId, calendarId: f.sb.demo.calendarIds[1], title: 'SDK renamed' }),
	'get-appointment-notes': (ghl, f) => ghl.calendars.getAppointmentNotes({ appointmentId: f.seed.appointments[0].id, limit: 10, offset: 0 }),
	'create-appointment-note': (ghl, f) => ghl.calendars.createAppointmentNote({ appointmentId: f.seed.appointments[0].id }, { body: 'From the SDK', userId: f.sb.demo.userIds[0] }),
	'update-appointment-note': (ghl, f) => {
		const appointmentId = f.seed.appointments[0].id;
		return ghl.calendars.updateAppointmentNote({ appointmentId, noteId: seededRecord(f, `/calendars/appointments/${appointmentId}/notes`).id }, { body: 'Edited by the SDK' });
	},
	'delete-appointment-note': (ghl, f) => {
		const appointmentId = f.seed.appointments[0].id;
		return ghl.calendars.deleteAppointmentNote({ appointmentId, noteId: seededRecord(f, `/calendars/appointments/${appointmentId}/notes`).id });
	},
	'fetch-calendar-resources': (ghl, f) => ghl.calendars.fetchCalendarResources({ resourceType: 'rooms', locationId: f.locationId, limit: 10, skip: 0 }),
	'create-calendar-resource': (ghl, f) =>
		ghl.calendars.createCalendarResource(
			{ resourceType: 'equipments' },
			{ locationId: f.locationId, name: 'SDK camera', description: 'From the SDK', quantity: 1, outOfService: 0, capacity: 1, calendarIds: [f.sb.demo.calendarIds[0]] },
		),
	'get-calendar-resource': (ghl, f) => ghl.calendars.getCalendarResource({ resourceType: 'rooms', id: seededRecord(f, '/calendars/resources/rooms').id }),
	'update-calendar-resource': (ghl, f) => ghl.calendars.updateCalendarResource({ resourceType: 'rooms', id: seededRecord(f, '/calendars/resources/rooms').id }, { capacity: 10 }),
	'delete-calendar-resource': (ghl, f) => ghl.calendars.deleteCalendarResource({ resourceType: 'rooms', id: seededRecord(f, '/calendars/resources/rooms').id }),
	getAllSchedules: (ghl, f) => ghl.calendars.getAllSchedules({ locationId: f.locationId, userId: f.sb.demo.userIds[1], calendarId: f.sb.demo.calendarIds[0], skip: 0, limit: 10 }),
	getScheduleById: (ghl, f) => ghl.calendars.getScheduleById({ id: seededRecord(f, '/calendars/schedules').id }),
	createSchedule: (ghl, f) =>
		ghl.calendars.createSchedule({
			locationId: f.locationId,
			userId: f.sb.demo.userIds[2],
			name: 'SDK hours',
			timezone: 'America/New_York',
			rules: [{ type: 'wday', day: 'friday', intervals: [{ from: '09:00', to: '12:00' }] }],
			calendarIds: [f.sb.demo.calendarIds[0]],
		}),
	updateSchedule: (ghl, f) => ghl.calendars.updateSchedule({ id: seededRecord(f, '/calendars/schedules').id }, { name: 'SDK renamed', timezone: 'America/Los_Angeles' }),
	deleteSchedule: (ghl, f) => ghl.calendars.deleteSchedule({ id: seededRecord(f, '/calendars/schedules').id }),
	'add-calendar-to-schedule': (ghl, f) => ghl.calendars.addCalendarToSchedule({ id: seededRecord(f, '/calendars/schedules').id, calendarId: f.sb.demo.calendarIds[1] }),
	'remove-calendar-from-schedule': (ghl, f) => ghl.calendars.removeCalendarFromSchedule({ id: seededRecord(f, '/calendars/schedules').id, calendarId: f.sb.demo.calendarIds[0] }),
	'get-event-notification': (ghl, f) => ghl.calendars.getEventNotification({ calendarId: f.sb.demo.calendarIds[1], isActive: true, limit: 10, skip: 0 }),
	'create-event-notification': (ghl, f) =>
		ghl.calendars.createEventNotification({ calendarId: f.sb.demo.calendarIds[0] }, [{ receiverType: 'contact', channel: 'email', notificationType: 'booked', subject: 'Booked' }]),
	'find-event-notification': (ghl, f) =>
		ghl.calendars.findEventNotification({ calendarId: f.sb.demo.calendarIds[1], notificationId: seededRecord(f, `/calendars/${f.sb.demo.calendarIds[1]}/notifications`).id }),
	'update-event-notification': (ghl, f) =>
		ghl.calendars.updateEventNotification(
			{ calendarId: f.sb.demo.calendarIds[1], notificationId: seededRecord(f, `/calendars/${f.sb.demo.calendarIds[1]}/notifications`).id },
			{ isActive: false },
		),
	'delete-event-notification': (ghl, f) =>
		ghl.calendars.deleteEventNotification({ calendarId: f.sb.demo.calendarIds[1], notificationId: seededRecord(f, `/calendars/${f.sb.demo.calendarIds[1]}/notifications`).id }),
	'get-location-tags': (ghl, f) => ghl.locations.getLocationTags({ locationId: f.locationId }),
	'get-pipelines': (ghl, f) => ghl.opportunities.getPipelines({ locationId: f.locationId }),
	'get-lost-reason': (ghl, f) => ghl.opportunities.getLostReason({ locationId: f.locationId }),
	'search-opportunity': (ghl, f) => ghl.opportunities.searchOpportunity({ locationId: f.locationId, pipelineId: opportunity(f).pipelineId, status: 'open', limit: 5 }),
	'search-opportunities-advanced': (ghl, f) =>
		ghl.opportunities.searchOpportunitiesAdvanced({
			locationId: f.locationId,
			query: 'Engines',
			limit: 5,
			page: 1,
			searchAfter: [],
			additionalDetails: { notes: false, tasks: false, calendarEvents: false, unReadConversations: false },
		}),
	'get-opportunity': (ghl, f) => ghl.opportunities.getOpportunity({ id: opportunity(f).id }),
	'create-opportunity': (ghl, f) =>
		ghl.opportunities.createOpportunity({
			locationId: f.locationId,
			pipelineId: opportunity(f).pipelineId,
			contactId: f.contacts[8].id,
			name: 'SDK deal',
			status: 'open',
			monetaryValue: 900,
		}),
	'update-opportunity': (ghl, f) => ghl.opportunities.updateOpportunity({ id: opportunity(f).id }, { monetaryValue: 1234, name: 'SDK renamed' }),
	'update-opportunity-status': (ghl, f) => ghl.opportunities.updateOpportunityStatus({ id: opportunity(f).id }, { status: 'won' }),
	'delete-opportunity': (ghl, f) => ghl.opportunities.deleteOpportunity({ id: opportunity(f).id }),
	'Upsert-opportunity': (ghl, f) =>
		// The SDK's type follows the spec, whose upsert DTO lacks contactId (described under `followers`); see sandbox/validation.ts.
		ghl.opportunities.upsertOpportunity({
			locationId: f.locationId,
			pipelineId: opportunity(f).pipelineId,
			contactId: opportunity(f).contactId,
			monetaryValue: 777,
			followers: [],
			isRemoveAllFollowers: false,
			followersActionType: 'add',
		} as Parameters<HighLevel['opportunities']['upsertOpportunity']>[0]),
	'get-businesses-by-location': (ghl, f) => ghl.businesses.getBusinessesByLocation({ locationId: f.locationId, limit: '2', skip: '0' }),
	'get-business': (ghl, f) => ghl.businesses.getBusiness({ businessId: f.sb.demo.businessIds[0] }),
	'create-business': (ghl, f) => ghl.businesses.createBusiness({ name: 'SDK Business', locationId: f.locationId, city: 'Austin' }),
	'update-business': (ghl, f) => ghl.businesses.updateBusiness({ businessId: f.sb.demo.businessIds[0] }, { website: 'https://acme.example.com' }),
	'delete-Business': (ghl, f) => ghl.businesses.deleteBusiness({ businessId: f.sb.demo.businessIds[1] }),
	'associations:create-association': (ghl, f) =>
		ghl.associations.createAssociation({
			locationId: f.locationId,
			key: 'sdk_referrer',
			firstObjectKey: 'contact',
			firstObjectLabel: 'Referrer',
			secondObjectKey: 'contact',
			secondObjectLabel: 'Referred',
		}),
	'find-associations': (ghl, f) => ghl.associations.findAssociations({ locationId: f.locationId, skip: 0, limit: 10 }),
	'get-association-by-ID': (ghl, f) => ghl.associations.getAssociationByID({ associationId: decisionMaker(f).id }),
	'get-association-key-by-key-name': (ghl, f) => ghl.associations.getAssociationKeyByKeyName({ keyName: decisionMaker(f).key, locationId: f.locationId }),
	'get-association-by-object-keys': (ghl, f) => ghl.associations.getAssociationByObjectKeys({ objectKey: 'contact', locationId: f.locationId }),
	'update-association': (ghl, f) =>
		ghl.associations.updateAssociation({ associationId: decisionMaker(f).id }, { firstObjectLabel: 'Champion', secondObjectLabel: 'Deal' }),
	'delete-association': (ghl, f) => ghl.associations.deleteAssociation({ associationId: decisionMaker(f).id }),
	'create-relation': (ghl, f) =>
		ghl.associations.createRelation({
			locationId: f.locationId,
			associationId: decisionMaker(f).id,
			firstRecordId: f.contacts[1].id,
			secondRecordId: seededRecord(f, '/opportunities').id,
		}),
	'get-relations-by-record-id': (ghl, f) =>
		ghl.associations.getRelationsByRecordId({ recordId: f.contacts[0].id, locationId: f.locationId, skip: 0, limit: 10, associationIds: [decisionMaker(f).id] }),
	'delete-relation': (ghl, f) => ghl.associations.deleteRelation({ relationId: seededRecord(f, '/associations/relations').id, locationId: f.locationId }),
	'get-user-by-location': (ghl, f) => ghl.users.getUserByLocation({ locationId: f.locationId }),
	'search-users': (ghl, f) => ghl.users.searchUsers({ companyId: f.sb.demo.companyId, locationId: f.locationId, query: 'sam', skip: '0', limit: '10' }),
	'get-user': (ghl, f) => ghl.users.getUser({ userId: f.sb.demo.userIds[1] }),
	'create-user': (ghl, f) =>
		ghl.users.createUser({
			companyId: f.sb.demo.companyId,
			firstName: 'Sdk',
			lastName: 'User',
			email: 'sdk.user@example.com',
			password: 'Sandbox-Pass-1',
			type: 'account',
			role: 'user',
			locationIds: [f.locationId],
		}),
	'update-user': (ghl, f) => ghl.users.updateUser({ userId: f.sb.demo.userIds[2] }, { lastName: 'Renamed' }),
	'delete-user': (ghl, f) => ghl.users.deleteUser({ userId: f.sb.demo.userIds[2] }),
	'get-forms': (ghl, f) => ghl.forms.getForms({ locationId: f.locationId, skip: 0, limit: 10 }),
	'get-forms-submissions': (ghl, f) => ghl.forms.getFormsSubmissions({ locationId: f.locationId, page: 1, limit: 20, startAt: '2025-01-01', endAt: '2025-12-31' }),
	'upload-to-custom-fields': (ghl, f) => {
		// Multipart as for upload-file-customFields; each file named `<customFieldId>_<fileId>`.
		const fileField = (f.sb.snapshot() as { customFields: Array<{ id: string; locationId: string; dataType: string }> }).customFields.find(
			(field) => field.locationId === f.locationId && field.dataType === 'FILE_UPLOAD',
		)!;
		const form = new FormData();
		form.append(`${fileField.id}_sdk-file-1`, new Blob(['sdk upload'], { type: 'text/plain' }), 'notes.txt');
		return ghl.forms.uploadToCustomFields({ contactId: f.contacts[0].id, locationId: f.locationId }, form, { headers: { 'Content-Type': 'multipart/form-data' } });
	},
	'get-surveys': (ghl, f) => ghl.surveys.getSurveys({ locationId: f.locationId, limit: 10 }),
	'get-surveys-submissions': (ghl, f) => ghl.surveys.getSurveysSubmissions({ locationId: f.locationId, page: 1, limit: 20, startAt: '2025-01-01' }),
	'get-campaigns': (ghl, f) => ghl.campaigns.getCampaigns({ locationId: f.locationId, status: 'published' }),
	'get-workflow': (ghl, f) => ghl.workflows.getWorkflow({ locationId: f.locationId }),
	'add-followers-opportunity': (ghl, f) => ghl.opportunities.addFollowersOpportunity({ id: opportunity(f).id }, { followers: [f.sb.demo.userIds[2]] }),
	'search-locations': (ghl, f) => ghl.locations.searchLocations({ companyId: f.sb.demo.companyId, limit: '5' }),
	'create-location': (ghl, f) => ghl.locations.createLocation({ name: 'SDK Sub-Account', companyId: f.sb.demo.companyId, city: 'Denver' }),
	'put-location': (ghl, f) => ghl.locations.putLocation({ locationId: f.sb.demo.thirdLocationId }, { companyId: f.sb.demo.companyId, website: 'https://sdk.example' }),
	'delete-location': (ghl, f) => ghl.locations.deleteLocation({ locationId: f.sb.demo.thirdLocationId, deleteTwilioAccount: false }),
	'filter-users-by-email': (ghl, f) =>
		ghl.users.filterUsersByEmail({ companyId: f.sb.demo.companyId, emails: (f.sb.snapshot() as { users: Array<{ email: string }> }).users[0].email }),
	'get-installed-location': (ghl, f) =>
		ghl.oauth.getInstalledLocation({ companyId: f.sb.demo.companyId, appId: f.sb.demo.appId, isInstalled: true, limit: '5' }),
	'get-location-access-token': (ghl, f) =>
		ghl.oauth.getLocationAccessToken({ companyId: f.sb.demo.companyId, locationId: f.sb.demo.otherLocationId }),
	'remove-followers-opportunity': (ghl, f) =>
		ghl.opportunities.removeFollowersOpportunity({ id: opportunity(f).id }, { followers: [(opportunity(f).followers as string[])[0]] }),
	'get-location': (ghl, f) => ghl.locations.getLocation({ locationId: f.locationId }),
	'get-timezones': (ghl, f) => ghl.locations.getTimezones({ locationId: f.locationId }),
	'create-tag': (ghl, f) => ghl.locations.createTag({ locationId: f.locationId }, { name: 'sdk tag' }),
	'get-tag-by-id': (ghl, f) => ghl.locations.getTagById({ locationId: f.locationId, tagId: locationRecord(f, 'tags').id }),
	'update-tag': (ghl, f) => ghl.locations.updateTag({ locationId: f.locationId, tagId: locationRecord(f, 'tags').id }, { name: 'sdk renamed' }),
	'delete-tag': (ghl, f) => ghl.locations.deleteTag({ locationId: f.locationId, tagId: locationRecord(f, 'tags').id }),
	'get-custom-values': (ghl, f) => ghl.locations.getCustomValues({ locationId: f.locationId }),
	'create-custom-value': (ghl, f) => ghl.locations.createCustomValue({ locationId: f.locationId }, { name: 'SDK Value', value: 'sdk' }),
	'get-custom-value': (ghl, f) => ghl.locations.getCustomValue({ locationId: f.locationId, id: locationRecord(f, 'customValues').id }),
	'update-custom-value': (ghl, f) =>
		ghl.locations.updateCustomValue({ locationId: f.locationId, id: locationRecord(f, 'customValues').id }, { name: 'Support Phone', value: '+15550100001' }),
	'delete-custom-value': (ghl, f) => ghl.locations.deleteCustomValue({ locationId: f.locationId, id: locationRecord(f, 'customValues').id }),
	'GET-all-or-email-sms-templates': (ghl, f) => ghl.locations.gETAllOrEmailSmsTemplates({ locationId: f.locationId, originId: f.locationId, type: 'email' }),
	'DELETE-an-email-sms-template': (ghl, f) =>
		ghl.locations.dELETEAnEmailSmsTemplate({ locationId: f.locationId, id: locationRecord(f, 'templates').id }),
	'task-search': (ghl, f) => ghl.locations.taskSearch({ locationId: f.locationId }, { completed: false, limit: 10, skip: 0 }),
	'create-recurring-task': (ghl, f) =>
		ghl.locations.createRecurringTask(
			{ locationId: f.locationId },
			{
				title: 'SDK weekly',
				owners: [f.sb.demo.userIds[0]],
				rruleOptions: { intervalType: 'weekly', interval: 1, startDate: '2032-01-05T10:00:00Z', dueAfterSeconds: 3600 },
			},
		),
	'get-recurring-task-by-id': (ghl, f) => ghl.locations.getRecurringTaskById({ locationId: f.locationId, id: locationRecord(f, 'recurring-tasks').id }),
	'update-recurring-task': (ghl, f) =>
		ghl.locations.updateRecurringTask({ locationId: f.locationId, id: locationRecord(f, 'recurring-tasks').id }, { title: 'SDK renamed' }),
	'delete-recurring-task': (ghl, f) => ghl.locations.deleteRecurringTask({ locationId: f.locationId, id: locationRecord(f, 'recurring-tasks').id }),
	'get-custom-fields': (ghl, f) => ghl.locations.getCustomFields({ locationId: f.locationId, model: 'contact' }),
	'locations:create-custom-field': (ghl, f) =>
		ghl.locations.createCustomField({ locationId: f.locationId }, { name: 'SDK Field', dataType: 'TEXT', model: 'contact' }),
	'get-custom-field': (ghl, f) => ghl.locations.getCustomField({ locationId: f.locationId, id: contactField(f).id }),
	'locations:update-custom-field': (ghl, f) => ghl.locations.updateCustomField({ locationId: f.locationId, id: contactField(f).id }, { name: 'SDK renamed' }),
	'locations:delete-custom-field': (ghl, f) => ghl.locations.deleteCustomField({ locationId: f.locationId, id: contactField(f).id }),
	'upload-file-customFields': (ghl, f) => {
		// The SDK hands its body to axios. Its client-wide JSON Content-Type would make axios turn a
		// FormData into JSON, so the call names multipart/form-data (axios then adds the boundary).
		const form = new FormData();
		form.append('id', f.contacts[0].id);
		form.append('maxFiles', '1');
		form.append('notes.txt', new Blob(['sdk upload'], { type: 'text/plain' }), 'notes.txt');
		return ghl.locations.uploadFileCustomFields(
			{ locationId: f.locationId },
			form as unknown as Parameters<HighLevel['locations']['uploadFileCustomFields']>[1],
			{ headers: { 'Content-Type': 'multipart/form-data' } },
		);
	},
	'custom-fields:create-custom-field': (ghl, f) =>
		ghl.customFields.createCustomField({
			locationId: f.locationId,
			objectKey: 'custom_objects.vehicles',
			parentId: v2Record(f, 'folders').id,
			name: 'SDK field',
			fieldKey: 'custom_objects.vehicles.sdk_field',
			dataType: 'TEXT',
			showInForms: true,
		}),
	'get-custom-field-by-id': (ghl, f) => ghl.customFields.getCustomFieldById({ id: v2Record(f, 'fields').id }),
	'custom-fields:update-custom-field': (ghl, f) =>
		ghl.customFields.updateCustomField({ id: v2Record(f, 'fields').id }, { locationId: f.locationId, name: 'SDK renamed', showInForms: true }),
	'custom-fields:delete-custom-field': (ghl, f) => ghl.customFields.deleteCustomField({ id: v2Record(f, 'fields').id }),
	'get-custom-fields-by-object-key': (ghl, f) => ghl.customFields.getCustomFieldsByObjectKey({ objectKey: 'custom_objects.vehicles', locationId: f.locationId }),
	'create-custom-field-folder': (ghl, f) =>
		ghl.customFields.createCustomFieldFolder({ objectKey: 'custom_objects.vehicles', name: 'SDK folder', locationId: f.locationId }),
	'update-custom-field-folder': (ghl, f) => ghl.customFields.updateCustomFieldFolder({ id: v2Record(f, 'folders').id }, { name: 'SDK renamed', locationId: f.locationId }),
	'delete-custom-field-folder': (ghl, f) => ghl.customFields.deleteCustomFieldFolder({ id: v2Record(f, 'folders').id, locationId: f.locationId }),
	'get-object-by-location-id': (ghl, f) => ghl.objects.getObjectByLocationId({ locationId: f.locationId }),
	'get-object-schema-by-key': (ghl, f) => ghl.objects.getObjectSchemaByKey({ key: 'custom_objects.vehicles', locationId: f.locationId, fetchProperties: 'true' }),
	'create-custom-object-schema': (ghl, f) =>
		ghl.objects.createCustomObjectSchema({
			labels: { singular: 'Pet', plural: 'Pets' },
			key: 'custom_objects.pets',
			locationId: f.locationId,
			primaryDisplayPropertyDetails: { key: 'custom_objects.pets.pet_name', name: 'Pet name', dataType: 'TEXT' },
		}),
	'update-custom-object': (ghl, f) =>
		ghl.objects.updateCustomObject({ key: 'custom_objects.vehicles' }, { locationId: f.locationId, searchableProperties: ['custom_objects.vehicles.name'], labels: { plural: 'Cars' } }),
	'create-object-record': (ghl, f) =>
		ghl.objects.createObjectRecord({ schemaKey: 'custom_objects.vehicles' }, { locationId: f.locationId, properties: { name: 'SDK car', year: 2024 } } as never),
	'get-record-by-id': (ghl, f) => ghl.objects.getRecordById({ schemaKey: 'custom_objects.vehicles', id: vehicle(f).id }),
	'update-object-record': (ghl, f) =>
		ghl.objects.updateObjectRecord({ schemaKey: 'custom_objects.vehicles', id: vehicle(f).id, locationId: f.locationId }, { properties: { colour: 'blue' } } as never),
	'delete-object-record': (ghl, f) => ghl.objects.deleteObjectRecord({ schemaKey: 'custom_objects.vehicles', id: vehicle(f).id }),
	'search-object-records': (ghl, f) =>
		ghl.objects.searchObjectRecords({ schemaKey: 'custom_objects.vehicles' }, { locationId: f.locationId, page: 1, pageLimit: 10, query: 'name:beetle', searchAfter: [] }),
	'create-conversation': (ghl, f) => ghl.conversations.createConversation({ locationId: f.locationId, contactId: f.contacts[3].id }),
	'search-conversation': (ghl, f) => ghl.conversations.searchConversation({ locationId: f.locationId, limit: 10, status: 'unread' }),
	'get-conversation': (ghl, f) => ghl.conversations.getConversation({ conversationId: thread(f).conversation.id }),
	'update-conversation': (ghl, f) => ghl.conversations.updateConversation({ conversationId: thread(f).conversation.id }, { locationId: f.locationId, unreadCount: 0, starred: true }),
	'delete-conversation': (ghl, f) => ghl.conversations.deleteConversation({ conversationId: thread(f).conversation.id }),
	'get-all-custom-subtypes': (ghl, f) => ghl.conversations.getAllCustomSubtypes({ locationId: f.locationId }),
	'create-custom-subtype': (ghl, f) => ghl.conversations.createCustomSubtype({ locationId: f.locationId }, { name: 'Webinars', channel: 'email', language: 'en' }),
	'update-custom-subtype': (ghl, f) => ghl.conversations.updateCustomSubtype({ id: thread(f).subtype.id, locationId: f.locationId }, { archived: true }),
	'get-contact-unsubscription-status': (ghl, f) => ghl.conversations.getContactUnsubscriptionStatus({ locationId: f.locationId, contactId: f.contacts[0].id }),
	'user-subscription-change': (ghl, f) =>
		ghl.conversations.userSubscriptionChange({
			locationId: f.locationId,
			contactId: f.contacts[0].id,
			email: f.contacts[0].email!,
			subscription_action: { type: 'default', subtype_name: 'One on One', subtype_status: 'unsubscribed' },
		} as Parameters<HighLevel['conversations']['userSubscriptionChange']>[0]),
	'get-email-by-id': (ghl, f) => ghl.conversations.getEmailById({ id: thread(f).byType('TYPE_EMAIL').emailMessageId }),
	'cancel-scheduled-email-message': (ghl, f) => ghl.conversations.cancelScheduledEmailMessage({ emailMessageId: thread(f).scheduled('TYPE_EMAIL').emailMessageId }),
	'export-messages-by-location': (ghl, f) => ghl.conversations.exportMessagesByLocation({ locationId: f.locationId, channel: 'SMS', limit: 10 }),
	'get-message': (ghl, f) => ghl.conversations.getMessage({ id: thread(f).byType('TYPE_SMS').id }),
	'get-messages': (ghl, f) => ghl.conversations.getMessages({ conversationId: thread(f).conversation.id, limit: 10 }),
	'send-a-new-message': (ghl, f) => ghl.conversations.sendANewMessage({ type: 'SMS', subType: {}, status: 'pending', contactId: f.contacts[0].id, message: 'From the SDK' }),
	'add-an-inbound-message': (ghl, f) =>
		ghl.conversations.addAnInboundMessage({ type: 'SMS', conversationId: thread(f).conversation.id, contactId: f.contacts[0].id, conversationProviderId: 'sdk-provider', message: 'Inbound from the SDK' }),
	'add-an-outbound-message': (ghl, f) =>
		ghl.conversations.addAnOutboundMessage({ type: 'Call', conversationId: thread(f).conversation.id, conversationProviderId: 'sdk-provider', call: { to: '+15550100', status: 'completed' } } as Parameters<HighLevel['conversations']['addAnOutboundMessage']>[0]),
	'send-review-reply': (ghl, f) => ghl.conversations.sendReviewReply({ conversationId: thread(f).conversation.id, locationId: f.locationId, message: 'Thanks!' }),
	'cancel-scheduled-message': (ghl, f) => ghl.conversations.cancelScheduledMessage({ messageId: thread(f).scheduled('TYPE_SMS').id }),
	'upload-file-attachments': (ghl, f) => {
		const form = new FormData();
		for (const [name, value] of Object.entries({ conversationId: thread(f).conversation.id, contactId: f.contacts[0].id, locationId: f.locationId, attachmentUrls: '' })) form.append(name, value);
		form.append('fileAttachment', new Blob(['hello']), 'hello.txt');
		// The SDK's client defaults to JSON, which makes axios turn a FormData into JSON: the file is sent as a form only when told.
		return ghl.conversations.uploadFileAttachments(form, { headers: { 'Content-Type': 'multipart/form-data' } });
	},
	'initiate-file-upload': (ghl, f) =>
		ghl.conversations.initiateFileUpload({ locationId: f.locationId, conversationId: thread(f).conversation.id, filename: 'a.pdf', contentType: 'application/pdf', channel: 'SMS' }),
	'complete-file-upload': (ghl, f) => {
		const upload = thread(f).upload;
		return ghl.conversations.completeFileUpload({ uploadId: upload.id, filePath: upload.filePath, locationId: f.locationId, conversationId: thread(f).conversation.id, filename: upload.filename });
	},
	'update-message-status': (ghl, f) => ghl.conversations.updateMessageStatus({ messageId: thread(f).byType('TYPE_SMS').id }, { status: 'read' }),
	'add-message-attachments': (ghl, f) => ghl.conversations.addMessageAttachments({ messageId: thread(f).byType('TYPE_CALL').id }, { attachments: ['https://example.com/a.wav'] }),
	'get-message-recording': (ghl, f) => ghl.conversations.getMessageRecording({ locationId: f.locationId, messageId: thread(f).byType('TYPE_CALL').id }),
	'get-message-transcription': (ghl, f) => ghl.conversations.getMessageTranscription({ locationId: f.locationId, messageId: thread(f).byType('TYPE_CALL').id }),
	'download-message-transcription': (ghl, f) => ghl.conversations.downloadMessageTranscription({ locationId: f.locationId, messageId: thread(f).byType('TYPE_CALL').id }),
	'live-chat-agent-typing': (ghl, f) => ghl.conversations.liveChatAgentTyping({ locationId: f.locationId, isTyping: 'true', visitorId: 'v1', conversationId: thread(f).conversation.id }),
};

/** The seeded custom object field or its folder (custom fields v2). */
function v2Record(f: Fixture, kind: 'fields' | 'folders'): { id: string } {
	const records = (f.sb.snapshot() as { records: Record<string, Array<{ id: string }>> }).records;
	return records[kind === 'fields' ? '/custom-fields' : '/custom-fields/folders'][0];
}

/** The first seeded vehicle (custom object record) of the demo location. */
function vehicle(f: Fixture): { id: string } {
	const records = (f.sb.snapshot() as { records: Record<string, Array<{ id: string; locationId: string }>> }).records;
	return records['/objects/custom_objects.vehicles/records'].find((record) => record.locationId === f.locationId)!;
}

/** The first seeded record of a generic collection (blocked slots, an appointment's notes). */
function seededRecord(f: Fixture, collection: string): { id: string } {
	return (f.sb.snapshot() as { records: Record<string, Array<{ id: string }>> }).records[collection][0];
}

/** The seeded user-defined association (contacts ↔ opportunities). */
function decisionMaker(f: Fixture): { id: string; key: string } {
	const records = (f.sb.snapshot() as { records: Record<string, Array<{ id: string; key: string; associationType: string }>> }).records;
	return records['/associations'].find((record) => record.associationType === 'USER_DEFINED')!;
}

/** The demo location's seeded calendar group. */
function calendarGroupId(f: Fixture): string {
	const records = (f.sb.snapshot() as { records: Record<string, Array<{ id: string; locationId: string }>> }).records;
	return records['/calendars/groups'].find((record) => record.locationId === f.locationId)!.id;
}

/** The demo location's first contact custom field. */
function contactField(f: Fixture): { id: string } {
	const fields = (f.sb.snapshot() as { customFields: Array<{ id: string; locationId: string }> }).customFields;
	return fields.find((field) => field.locationId === f.locationId)!;
}

/** The first seeded record of the demo location's `/locations/{locationId}/<collection>`. */
function locationRecord(f: Fixture, collection: string): { id: string } & Record<string, unknown> {
	const records = (f.sb.snapshot() as { records: Record<string, Array<{ id: string } & Record<string, unknown>>> }).records;
	return records[`/locations/${f.locationId}/${collection}`][0];
}

type SeedRecord = Record<string, string>;

/** The first demo contact's conversation and messages, the scheduled ones, an upload begun, a subscription type. */
function thread(f: Fixture) {
	const records = (f.sb.snapshot() as { records: Record<string, SeedRecord[]> }).records;
	const conversation = records['/conversations'].find((record) => record.contactId === f.contacts[0].id)!;
	const messages = records['/conversations/messages'];
	return {
		conversation,
		byType: (type: string) => messages.find((message) => message.conversationId === conversation.id && message.messageType === type)!,
		scheduled: (type: string) => messages.find((message) => message.status === 'scheduled' && message.messageType === type)!,
		upload: records['/conversations/messages/upload'][0],
		subtype: records['/conversations/preferences/custom-subtypes'][0],
	};
}

/** The first seeded opportunity of the demo location (it has a follower). */
function opportunity(f: Fixture): { id: string; pipelineId: string; contactId: string; followers: string[] } {
	const records = (f.sb.snapshot() as { records: Record<string, Array<{ id: string; locationId: string; pipelineId: string; contactId: string; followers: string[] }>> }).records;
	return records['/opportunities'].find((record) => record.locationId === f.locationId)!;
}

/** Runs `call` and returns the requests the sandbox received meanwhile. */
async function requestsDuring(
	sb: Sandbox,
	call: () => Promise<unknown>,
): Promise<{ result: PromiseSettledResult<unknown>; requests: RecordedRequest[] }> {
	const before = sb.requests.length;
	const [result] = await Promise.allSettled([call()]);
	return { result, requests: sb.requests.slice(before) };
}

/** Each operation by its key: the operationId, or `api:operationId` where GHL uses that operationId in two APIs. */
const operations = catalogue.operations.map((operation) => [operationKey(operation), operation] as const);
/** Operations whose spec requires a Version header (the SDK's default is refused on these). */
const versioned = operations.filter(([, operation]) => operation.version !== null);

describe(`@gohighlevel/api-client ${SDK_VERSION} against the sandbox`, () => {
	test('the SDK table covers exactly the catalogue', () => {
		expect(catalogue.operations.length).toBeGreaterThan(0);
		const ids = operations.map(([key]) => key);
		expect(ids.filter((id) => !SDK_CALLS[id])).toEqual([]);
		expect(Object.keys(SDK_CALLS).filter((id) => !ids.includes(id))).toEqual([]);
	});

	test('the SDK is pointed at the sandbox, not at GHL', async () => {
		const ghl = sdkClient(sandbox(), { apiVersion: API_VERSIONS.contacts });
		expect(ghl.getHttpClient().defaults.baseURL).toBe(sandbox().url);
		const contactId = fixture(sandbox()).contacts[0].id;
		const { requests } = await requestsDuring(sandbox(), () => ghl.contacts.getContact({ contactId }));
		expect(requests).toHaveLength(1);
		expect(requests[0].headers.authorization).toBe(`Bearer ${sandbox().demo.privateToken}`);
	});

	describe('every catalogue operation, called through the SDK, is accepted', () => {
		test.each(operations)('%s', async (operationId, operation) => {
			const call = SDK_CALLS[operationId];
			expect({ operationId, hasSdkCall: !!call }).toEqual({ operationId, hasSdkCall: true });
			const sb = sandbox();
			const ghl = sdkClient(sb, { apiVersion: API_VERSIONS[operation.api], ...tokenFor(sb, operationId) });
			const { result, requests } = await requestsDuring(sb, () => call(ghl, fixture(sb)));
			const error = result.status === 'rejected' ? (result.reason as GHLError) : undefined;
			const refusal = error && { status: error.statusCode, body: error.response };
			expect({ operationId, refusal }).toEqual({ operationId, refusal: undefined });
			const received = requests.map((request) => ({
				operationId: request.operationKey,
				method: request.method,
				version: request.headers.version,
			}));
			expect(received).toEqual([{ operationId, method: operation.method, version: operation.version ?? API_VERSIONS[operation.api] }]);
			expect(requests[0].status).toBeGreaterThanOrEqual(200);
			expect(requests[0].status).toBeLessThan(300);
			// JSON answers come back as objects; a file (a call recording) as its bytes.
			expect((result as PromiseFulfilledResult<unknown>).value).toEqual(expect.anything());
		});
	});

	describe(`SDK deviation: ${SDK_DEVIATIONS.defaultVersion.what}`, () => {
		test.each(versioned)('%s is refused with 401, nothing changed', async (operationId) => {
			const sb = sandbox();
			const ghl = sdkClient(sb, tokenFor(sb, operationId));
			const before = JSON.stringify(sb.snapshot());
			const { result, requests } = await requestsDuring(sb, () => SDK_CALLS[operationId](ghl, fixture(sb)));
			expect(result.status).toBe('rejected');
			const error = (result as PromiseRejectedResult).reason as GHLError;
			expect(error).toBeInstanceOf(GHLError);
			expect({ status: error.statusCode, message: (error.response as { message?: unknown })?.message }).toEqual({
				status: 401,
				message: 'version header is invalid',
			});
			expect(requests.map((request) => [request.operationKey, request.headers.version, request.status])).toEqual([
				[operationId, SDK_DEFAULT_VERSION, 401],
			]);
			expect(JSON.stringify(sb.snapshot())).toBe(before);
		});
	});

	describe('malformed requests built with the SDK are refused with the spec status, without side effects', () => {
		/** Lets a test hand the SDK a value its types would refuse, as a JavaScript caller can. */
		const malformed = <T>(value: unknown): T => value as T;
		const contacts = () => sdkClient(sandbox(), { apiVersion: API_VERSIONS.contacts });
		const calendars = () => sdkClient(sandbox(), { apiVersion: API_VERSIONS.calendars });

		const cases: Array<{ name: string; operationId: string; status: number; message: RegExp; call: (f: Fixture) => Promise<unknown> }> = [
			{
				name: 'contact create with a property the DTO does not have',
				operationId: 'create-contact',
				status: 422,
				message: /property favouriteColour should not exist/,
				call: (f) => contacts().contacts.createContact(malformed({ locationId: f.locationId, email: 'x@example.com', favouriteColour: 'red' })),
			},
			{
				name: 'contact create without the required locationId',
				operationId: 'create-contact',
				status: 422,
				message: /locationId should not be empty/,
				call: () => contacts().contacts.createContact(malformed({ email: 'x@example.com' })),
			},
			{
				name: 'contact list with a limit that is not a number',
				operationId: 'get-contacts',
				status: 400,
				message: /limit must be a number/,
				call: (f) => contacts().contacts.getContacts({ locationId: f.locationId, limit: malformed('ten') }),
			},
			{
				name: 'contact list of another location',
				operationId: 'get-contacts',
				status: 403,
				message: /does not have access to this location/,
				call: (f) => contacts().contacts.getContacts({ locationId: f.sb.demo.otherLocationId }),
			},
			{
				name: 'contact read with the calendars Version header (per-call override)',
				operationId: 'get-contact',
				status: 401,
				message: /version header is invalid/,
				call: (f) => contacts().contacts.getContact({ contactId: f.contacts[0].id }, { headers: { Version: API_VERSIONS.calendars } }),
			},
			{
				name: 'contact update with a read-only token',
				operationId: 'update-contact',
				status: 401,
				message: /not authorized for this scope/,
				call: (f) =>
					sdkClient(f.sb, { apiVersion: API_VERSIONS.contacts, token: f.sb.demo.readOnlyToken }).contacts.updateContact(
						{ contactId: f.contacts[0].id },
						{ city: 'Nowhere' },
					),
			},
			{
				name: 'task create without the required dueDate',
				operationId: 'create-task',
				status: 422,
				message: /dueDate should not be empty/,
				call: (f) => contacts().contacts.createTask({ contactId: f.contacts[0].id }, malformed({ title: 'No due date', completed: false })),
			},
			{
				name: 'task completion with a string for the boolean',
				operationId: 'update-task-completed',
				status: 422,
				message: /completed must be a boolean value/,
				call: (f) =>
					contacts().contacts.updateTaskCompleted(
						{ contactId: f.seed.tasks[0].contactId, taskId: f.seed.tasks[0].id },
						{ completed: malformed('yes') },
					),
			},
			{
				name: 'note create without the required body',
				operationId: 'create-note',
				status: 422,
				message: /body should not be empty/,
				call: (f) => contacts().contacts.createNote({ contactId: f.contacts[0].id }, malformed({ title: 'Empty' })),
			},
			{
				name: 'note update with a property the DTO does not have',
				operationId: 'update-note',
				status: 422,
				message: /property colour should not exist/,
				call: (f) =>
					contacts().contacts.updateNote(
						{ contactId: f.seed.notes[0].contactId, id: f.seed.notes[0].id },
						malformed({ body: 'Edited', colour: 'yellow' }),
					),
			},
			{
				name: 'tags added as a string instead of an array',
				operationId: 'add-tags',
				status: 422,
				message: /tags must be an array/,
				call: (f) => contacts().contacts.addTags({ contactId: f.contacts[0].id }, { tags: malformed('vip') }),
			},
			{
				name: 'bulk tag update without the required locationId',
				operationId: 'create-association',
				status: 422,
				message: /locationId should not be empty/,
				call: (f) => contacts().contacts.createAssociation({ type: 'add' }, malformed({ contacts: [f.contacts[0].id], tags: ['x'] })),
			},
			{
				name: 'appointment create in another location',
				operationId: 'create-appointment',
				status: 403,
				message: /does not have access to this location/,
				call: (f) =>
					calendars().calendars.createAppointment({
						calendarId: f.sb.demo.calendarIds[1],
						locationId: f.sb.demo.otherLocationId,
						contactId: f.contacts[1].id,
						startTime: '2032-01-05T10:00:00Z',
					}),
			},
			{
				name: 'appointment create with a number for startTime',
				operationId: 'create-appointment',
				status: 400,
				message: /startTime must be a string/,
				call: (f) =>
					calendars().calendars.createAppointment({
						calendarId: f.sb.demo.calendarIds[1],
						locationId: f.locationId,
						contactId: f.contacts[1].id,
						startTime: malformed(1956256000000),
					}),
			},
			{
				name: 'appointment edit with a status outside the enum',
				operationId: 'edit-appointment',
				status: 400,
				message: /appointmentStatus must be one of the following values/,
				call: (f) => calendars().calendars.editAppointment({ eventId: f.seed.appointments[0].id }, { appointmentStatus: 'maybe' }),
			},
			{
				name: 'appointment edit ending before it starts',
				operationId: 'edit-appointment',
				status: 400,
				message: /endTime must be after startTime/,
				call: (f) =>
					calendars().calendars.editAppointment(
						{ eventId: f.seed.appointments[0].id },
						{ startTime: '2032-01-05T11:00:00Z', endTime: '2032-01-05T10:00:00Z' },
					),
			},
			{
				name: 'availability schedule create without its time zone (the spec declares 422 here)',
				operationId: 'createSchedule',
				status: 422,
				message: /timezone should not be empty/,
				call: (f) => calendars().calendars.createSchedule(malformed({ locationId: f.locationId, userId: f.sb.demo.userIds[1], name: 'No zone' })),
			},
			{
				name: 'availability schedule update with an interval ending before it starts',
				operationId: 'updateSchedule',
				status: 422,
				message: /rules\.0\.intervals\.0\.to must be after from/,
				call: (f) =>
					calendars().calendars.updateSchedule(
						{ id: seededRecord(f, '/calendars/schedules').id },
						{ rules: [{ type: 'wday', day: 'monday', intervals: [{ from: '17:00', to: '09:00' }] }] },
					),
			},
			{
				name: 'availability schedule linked to a calendar of another location',
				operationId: 'add-calendar-to-schedule',
				status: 404,
				message: /Calendar \w+ not found/,
				call: (f) => calendars().calendars.addCalendarToSchedule({ id: seededRecord(f, '/calendars/schedules').id, calendarId: f.sb.demo.calendarIds[2] }),
			},
		];

		test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
			const sb = sandbox();
			const f = fixture(sb);
			const before = JSON.stringify(sb.snapshot());
			const { result, requests } = await requestsDuring(sb, () => c.call(f));
			expect(result.status).toBe('rejected');
			const error = (result as PromiseRejectedResult).reason as GHLError;
			expect(error).toBeInstanceOf(GHLError);
			expect(error.statusCode).toBe(c.status);
			const message = (error.response as { message?: unknown } | undefined)?.message;
			expect(Array.isArray(message) ? message.join('; ') : String(message)).toMatch(c.message);
			expect(requests.map((request) => [request.operationId, request.status])).toEqual([[c.operationId, c.status]]);
			expect(JSON.stringify(sb.snapshot())).toBe(before);
		});

		test('the malformed cases span contacts, tasks, notes, appointments and tags', () => {
			const operationIds = new Set(cases.map((c) => c.operationId));
			expect(cases.length).toBeGreaterThanOrEqual(8);
			for (const needed of [/contact/, /task/, /note/, /appointment/, /tags|association/]) {
				expect([...operationIds].some((id) => needed.test(id))).toBe(true);
			}
		});
	});
});

/**
 * Deterministic demo account: the same ids and data on every start and after reset().
 * Locations, company, users, tokens, calendars, custom fields, campaigns, workflows and
 * businesses are always created (account configuration); contacts, tasks, notes and
 * appointments only when seeding demo data.
 */
import { AGENCY_SCOPES, LOCATION_SCOPES, READ_ONLY_SCOPES, type TokenRegistry } from './auth';
import type { ContactRecord, CustomFieldRecord, CustomFieldType, GenericRecord, Store } from './store';
import type { DemoIdentities } from './types';

export const DEMO_LOCATION_ID = 'SbxDemoLocation00001';
export const OTHER_LOCATION_ID = 'SbxOtherLocation0002';
/** A third sub-account of the demo agency, empty: agency mode fans out over all three. */
export const THIRD_LOCATION_ID = 'SbxThirdLocation0003';
export const DEMO_COMPANY_ID = 'SbxDemoCompany000001';
export const DEMO_APP_ID = 'SbxDemoApp0000000001';
export const DEMO_PIT = 'sandbox-pit-demo-location-full-access';
export const DEMO_READ_ONLY_PIT = 'sandbox-pit-demo-location-read-only';
export const OTHER_LOCATION_PIT = 'sandbox-pit-other-location-full-access';
export const DEMO_OAUTH_CLIENT_ID = `${DEMO_APP_ID}-sandboxclient`;
export const DEMO_OAUTH_CLIENT_SECRET = 'sandbox-demo-client-secret';

/** Seeded records are dated from here on, one every 7 hours. */
const SEED_EPOCH = Date.UTC(2025, 0, 6, 9, 0, 0);
const at = (hoursAfterEpoch: number) => new Date(SEED_EPOCH + hoursAfterEpoch * 3600_000).toISOString();

const PEOPLE: [string, string, string, string][] = [
	// firstName, lastName, companyName, city
	['Ada', 'Lovelace', 'Analytical Engines Ltd', 'London'],
	['Grace', 'Hopper', 'Cobol Systems', 'Arlington'],
	['Alan', 'Turing', 'Bletchley Labs', 'Manchester'],
	['Katherine', 'Johnson', 'Orbital Math', 'Hampton'],
	['Linus', 'Torvalds', 'Kernel Works', 'Portland'],
	['Margaret', 'Hamilton', 'Apollo Software', 'Boston'],
	['Tim', 'Berners-Lee', 'Web Foundation', 'Geneva'],
	['Barbara', 'Liskov', 'Substitution Inc', 'Cambridge'],
	['Dennis', 'Ritchie', 'C Language Co', 'Murray Hill'],
	['Frances', 'Allen', 'Compiler Guild', 'Peru'],
	['Ken', 'Thompson', 'Unix Partners', 'New Orleans'],
	['Radia', 'Perlman', 'Spanning Trees', 'Portsmouth'],
	['Donald', 'Knuth', 'TeX Press', 'Stanford'],
	['Hedy', 'Lamarr', 'Frequency Hop', 'Vienna'],
	['John', 'McCarthy', 'Lisp Machines', 'Boston'],
	['Edsger', 'Dijkstra', 'Shortest Path BV', 'Rotterdam'],
	['Shafi', 'Goldwasser', 'Zero Knowledge', 'New York'],
	['Guido', 'van Rossum', 'Python Org', 'Haarlem'],
	['Annie', 'Easley', 'Centaur Rockets', 'Cleveland'],
	['Bjarne', 'Stroustrup', 'Cpp Consulting', 'Aarhus'],
	['Sophie', 'Wilson', 'ARM Designs', 'Leeds'],
	['Ivan', 'Sutherland', 'Sketchpad', 'Hastings'],
];

const OTHER_PEOPLE: [string, string, string, string][] = [
	['Otto', 'Other', 'Other Location Co', 'Berlin'],
	['Olga', 'Outsider', 'Elsewhere GmbH', 'Hamburg'],
	['Ada', 'Lovelace', 'Duplicate Allowed Ltd', 'London'],
];

const CUSTOM_FIELDS: [string, string, CustomFieldType, string[]?][] = [
	['Favourite Colour', 'favourite_colour', 'TEXT'],
	['Background', 'background', 'LARGE_TEXT'],
	['Annual Budget', 'annual_budget', 'MONETORY'],
	['Employees', 'employees', 'NUMERICAL'],
	['Lead Quality', 'lead_quality', 'SINGLE_OPTIONS', ['Hot', 'Warm', 'Cold']],
	['Interests', 'interests', 'MULTIPLE_OPTIONS', ['Automation', 'Reporting', 'Integrations', 'Support']],
	['Marketing Consent', 'marketing_consent', 'CHECKBOX', ['Email', 'SMS']],
	['Preferred Channel', 'preferred_channel', 'RADIO', ['Email', 'Phone', 'SMS']],
	['Renewal Date', 'renewal_date', 'DATE'],
];

function slug(text: string): string {
	return text.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');
}

export function seedStore(store: Store, tokens: TokenRegistry, withDemoData: boolean): DemoIdentities {
	store.clear();

	store.locations.set(DEMO_LOCATION_ID, {
		id: DEMO_LOCATION_ID,
		companyId: DEMO_COMPANY_ID,
		name: 'Sandbox Demo Location',
		address: '1 Demo Street, Springfield, IL 62701, USA',
		timezone: 'America/New_York',
		allowDuplicateContact: false,
	});
	store.locations.set(OTHER_LOCATION_ID, {
		id: OTHER_LOCATION_ID,
		companyId: DEMO_COMPANY_ID,
		name: 'Sandbox Other Location',
		address: '2 Other Road, Berlin, Germany',
		timezone: 'Europe/Berlin',
		allowDuplicateContact: true,
	});
	store.locations.set(THIRD_LOCATION_ID, {
		id: THIRD_LOCATION_ID,
		companyId: DEMO_COMPANY_ID,
		name: 'Sandbox Third Location',
		address: '3 Third Avenue, Austin, TX 73301, USA',
		timezone: 'America/Chicago',
		allowDuplicateContact: false,
	});

	const userIds: string[] = [];
	for (const [firstName, lastName, role, locations] of [
		['Sandra', 'Owner', 'admin', [DEMO_LOCATION_ID, OTHER_LOCATION_ID]],
		['Sam', 'Seller', 'user', [DEMO_LOCATION_ID]],
		['Sue', 'Support', 'user', [DEMO_LOCATION_ID]],
		['Oscar', 'Other', 'user', [OTHER_LOCATION_ID]],
	] as const) {
		const id = store.newId();
		userIds.push(id);
		store.users.set(id, {
			id,
			companyId: DEMO_COMPANY_ID,
			locationIds: [...locations],
			firstName,
			lastName,
			email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@sandbox.example`,
			phone: `+1555020${String(userIds.length).padStart(4, '0')}`,
			role,
		});
	}
	const [ownerId, sellerId, supportId] = userIds;

	// Tokens (static strings, so scripts can use them without asking the sandbox).
	tokens.pits.clear();
	tokens.addPit(DEMO_PIT, { locationId: DEMO_LOCATION_ID, companyId: DEMO_COMPANY_ID, userId: ownerId, scopes: LOCATION_SCOPES });
	tokens.addPit(DEMO_READ_ONLY_PIT, {
		locationId: DEMO_LOCATION_ID,
		companyId: DEMO_COMPANY_ID,
		userId: ownerId,
		scopes: READ_ONLY_SCOPES,
	});
	tokens.addPit(OTHER_LOCATION_PIT, {
		locationId: OTHER_LOCATION_ID,
		companyId: DEMO_COMPANY_ID,
		userId: userIds[3],
		scopes: LOCATION_SCOPES,
	});
	tokens.addClient({
		clientId: DEMO_OAUTH_CLIENT_ID,
		clientSecret: DEMO_OAUTH_CLIENT_SECRET,
		appId: DEMO_APP_ID,
		scopes: [...LOCATION_SCOPES, ...AGENCY_SCOPES],
	});

	const customFieldIds: string[] = [];
	const fieldsByKey: Record<string, CustomFieldRecord> = {};
	CUSTOM_FIELDS.forEach(([name, key, dataType, options], position) => {
		const id = store.newId();
		customFieldIds.push(id);
		const field: CustomFieldRecord = {
			id,
			locationId: DEMO_LOCATION_ID,
			name,
			fieldKey: `contact.${key}`,
			dataType,
			placeholder: name,
			position: position * 50,
			model: 'contact',
			...(options ? { picklistOptions: [...options] } : {}),
		};
		store.customFields.set(id, field);
		fieldsByKey[key] = field;
	});
	const otherField = store.newId();
	store.customFields.set(otherField, {
		id: otherField,
		locationId: OTHER_LOCATION_ID,
		name: 'Other Location Field',
		fieldKey: 'contact.other_location_field',
		dataType: 'TEXT',
		placeholder: '',
		position: 0,
		model: 'contact',
	});

	const calendarIds: string[] = [];
	for (const [locationId, name, type, members, duration] of [
		[DEMO_LOCATION_ID, 'Discovery Call', 'round_robin', [sellerId, supportId], 30],
		[DEMO_LOCATION_ID, 'Onboarding Session', 'event', [ownerId], 60],
		[OTHER_LOCATION_ID, 'Other Location Calendar', 'personal', [userIds[3]], 30],
	] as const) {
		const id = store.newId();
		calendarIds.push(id);
		store.calendars.set(id, {
			id,
			locationId,
			name,
			description: `${name} (sandbox)`,
			slug: slug(name),
			widgetSlug: slug(name),
			calendarType: type,
			widgetType: 'default',
			eventTitle: '{{contact.name}}',
			eventColor: '#039be5',
			slotDuration: duration,
			slotInterval: duration,
			teamMembers: [...members],
			isActive: true,
			autoConfirm: true,
		});
	}

	const simple = (map: Store['campaigns'], locationId: string, name: string, status?: string) => {
		const id = store.newId();
		map.set(id, { id, locationId, name, ...(status ? { status } : {}) });
		return id;
	};
	const campaignIds = [
		simple(store.campaigns, DEMO_LOCATION_ID, 'Welcome Drip', 'published'),
		simple(store.campaigns, DEMO_LOCATION_ID, 'Re-engagement', 'published'),
		simple(store.campaigns, OTHER_LOCATION_ID, 'Other Location Campaign', 'published'),
	];
	const workflowIds = [
		simple(store.workflows, DEMO_LOCATION_ID, 'New Lead Nurture', 'published'),
		simple(store.workflows, DEMO_LOCATION_ID, 'Appointment Reminder', 'published'),
		simple(store.workflows, OTHER_LOCATION_ID, 'Other Location Workflow', 'published'),
	];
	const businessIds = [
		simple(store.businesses, DEMO_LOCATION_ID, 'Acme Corporation'),
		simple(store.businesses, DEMO_LOCATION_ID, 'Globex Industries'),
		simple(store.businesses, OTHER_LOCATION_ID, 'Other Location Business'),
	];

	const demo: DemoIdentities = {
		locationId: DEMO_LOCATION_ID,
		otherLocationId: OTHER_LOCATION_ID,
		thirdLocationId: THIRD_LOCATION_ID,
		companyId: DEMO_COMPANY_ID,
		privateToken: DEMO_PIT,
		readOnlyToken: DEMO_READ_ONLY_PIT,
		otherLocationToken: OTHER_LOCATION_PIT,
		scopes: [...LOCATION_SCOPES],
		readOnlyScopes: [...READ_ONLY_SCOPES],
		oauthClientId: DEMO_OAUTH_CLIENT_ID,
		oauthClientSecret: DEMO_OAUTH_CLIENT_SECRET,
		appId: DEMO_APP_ID,
		userId: ownerId,
		userIds,
		calendarIds,
		campaignIds,
		workflowIds,
		businessIds,
		customFieldIds,
	};
	seedReferenceData(store);
	if (!withDemoData) {
		seedPartnerFields(store);
		seedObjects(store, demo, false);
		return demo;
	}

	const TAG_SETS = [['vip', 'newsletter'], ['newsletter'], ['lead'], [], ['vip'], ['lead', 'webinar']];
	const contacts: ContactRecord[] = [];
	const addContact = (person: [string, string, string, string], i: number, locationId: string, hour: number) => {
		const [firstName, lastName, companyName, city] = person;
		const id = store.newId();
		const time = at(hour);
		const contact: ContactRecord = {
			id,
			locationId,
			firstName,
			lastName,
			email: `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.com',
			phone: `+1555010${String(1000 + i + (locationId === DEMO_LOCATION_ID ? 0 : 500)).padStart(4, '0')}`,
			companyName,
			address1: `${100 + i} Main Street`,
			city,
			state: 'CA',
			country: 'US',
			postalCode: String(90000 + i),
			website: `https://${slug(companyName).replace(/\./g, '-')}.example.com`,
			timezone: 'America/New_York',
			dnd: false,
			tags: locationId === DEMO_LOCATION_ID ? [...TAG_SETS[i % TAG_SETS.length]] : ['other'],
			source: i % 3 === 0 ? 'public api' : 'form',
			type: i % 4 === 0 ? 'customer' : 'lead',
			assignedTo: locationId === DEMO_LOCATION_ID ? userIds[i % 3] : userIds[3],
			customFields: {},
			followers: [],
			campaigns: [],
			workflows: [],
			dateAdded: time,
			dateUpdated: time,
		};
		store.contacts.set(id, contact);
		return contact;
	};
	PEOPLE.forEach((person, i) => contacts.push(addContact(person, i, DEMO_LOCATION_ID, i * 7)));
	OTHER_PEOPLE.forEach((person, i) => addContact(person, i, OTHER_LOCATION_ID, 3 + i * 11));

	// Businesses, custom field values, DND and followers on a few demo contacts.
	[0, 1, 2, 3].forEach((i) => (contacts[i].businessId = businessIds[0]));
	[4, 5].forEach((i) => (contacts[i].businessId = businessIds[1]));
	const values: Record<string, unknown>[] = [
		{ favourite_colour: 'Blue', lead_quality: 'Hot', employees: 120, interests: ['Automation', 'Reporting'] },
		{ favourite_colour: 'Green', lead_quality: 'Warm', annual_budget: 25000.5, marketing_consent: ['Email'] },
		{ lead_quality: 'Cold', preferred_channel: 'Phone', renewal_date: '2026-03-31' },
		{ background: 'Met at the sandbox conference.\nInterested in integrations.', interests: ['Integrations'] },
		{ employees: 8, preferred_channel: 'Email' },
	];
	values.forEach((byKey, i) => {
		for (const [key, value] of Object.entries(byKey)) contacts[i].customFields[fieldsByKey[key].id] = value;
	});
	contacts[6].dnd = true;
	contacts[6].dndSettings = { Email: { status: 'active', message: 'Unsubscribed', code: '101' }, SMS: { status: 'active' } };
	contacts[0].followers = [sellerId];
	contacts[0].campaigns = [campaignIds[0]];
	contacts[1].workflows = [workflowIds[0]];

	const taskSeeds: [number, string, number, boolean][] = [
		[0, 'Call back about pricing', 48, false],
		[0, 'Send onboarding pack', 96, true],
		[1, 'Follow up on proposal', 72, false],
		[2, 'Renewal check-in', 400, false],
		[3, 'Collect feedback', 30, true],
	];
	for (const [ci, title, dueHours, completed] of taskSeeds) {
		const c = contacts[ci];
		const id = store.newId();
		const added = at(ci * 7 + 1);
		store.tasks.set(id, {
			id,
			contactId: c.id,
			locationId: c.locationId,
			title,
			body: `${title} (${c.firstName})`,
			dueDate: at(ci * 7 + dueHours),
			completed,
			assignedTo: c.assignedTo ?? undefined,
			dateAdded: added,
			dateUpdated: added,
		});
	}

	const noteSeeds: [number, string][] = [
		[0, 'Prefers email over phone.'],
		[0, 'Budget approved for Q3.'],
		[1, 'Asked for a demo of the reporting module.'],
		[4, 'Existing customer, upsell candidate.'],
		[7, 'Met at the sandbox conference.'],
	];
	noteSeeds.forEach(([ci, body], i) => {
		const c = contacts[ci];
		const id = store.newId();
		const added = at(ci * 7 + 2 + i);
		store.notes.set(id, {
			id,
			contactId: c.id,
			locationId: c.locationId,
			body,
			userId: ownerId,
			dateAdded: added,
			dateUpdated: added,
		});
	});

	const appointmentSeeds: [number, number, string, string, string][] = [
		[0, 0, 'Discovery call with Ada', '2030-01-15T10:00:00-05:00', '2030-01-15T10:30:00-05:00'],
		[1, 0, 'Discovery call with Grace', '2030-01-16T11:00:00-05:00', '2030-01-16T11:30:00-05:00'],
		[2, 1, 'Onboarding for Alan', '2030-01-17T14:00:00-05:00', '2030-01-17T15:00:00-05:00'],
	];
	appointmentSeeds.forEach(([ci, cal, title, startTime, endTime], i) => {
		const c = contacts[ci];
		const calendar = store.calendars.get(calendarIds[cal])!;
		const id = store.newId();
		const added = at(ci * 7 + 3);
		store.appointments.set(id, {
			id,
			locationId: c.locationId,
			calendarId: calendar.id,
			contactId: c.id,
			groupId: calendar.groupId ?? '',
			title,
			startTime,
			endTime,
			appointmentStatus: 'confirmed',
			assignedUserId: calendar.teamMembers[i % calendar.teamMembers.length],
			users: [],
			address: 'https://meet.sandbox.example/' + id,
			meetingLocationType: 'custom',
			isRecurring: false,
			source: 'booking_widget',
			dateAdded: added,
			dateUpdated: added,
		});
	});

	// A blocked lunch hour on the Onboarding calendar, and a note on the first appointment.
	put(store, '/calendars/events/block-slots', {
		locationId: DEMO_LOCATION_ID,
		calendarId: calendarIds[1],
		title: 'Lunch',
		startTime: '2030-01-18T12:00:00-05:00',
		endTime: '2030-01-18T13:00:00-05:00',
		dateAdded: at(2),
		dateUpdated: at(2),
	});
	put(store, '/calendars/resources/rooms', {
		locationId: DEMO_LOCATION_ID,
		resourceType: 'rooms',
		name: 'Meeting Room A',
		description: 'Ground floor (sandbox)',
		quantity: 1,
		outOfService: 0,
		capacity: 8,
		calendarIds: [calendarIds[1]],
		isActive: true,
	});
	put(store, '/calendars/resources/equipments', {
		locationId: DEMO_LOCATION_ID,
		resourceType: 'equipments',
		name: 'Projector',
		description: 'Portable projector (sandbox)',
		quantity: 2,
		outOfService: 0,
		capacity: 1,
		calendarIds: [calendarIds[0], calendarIds[1]],
		isActive: true,
	});
	put(store, `/calendars/${calendarIds[1]}/notifications`, {
		locationId: DEMO_LOCATION_ID,
		calendarId: calendarIds[1],
		receiverType: 'contact',
		channel: 'email',
		notificationType: 'reminder',
		isActive: true,
		deleted: false,
		subject: 'Your onboarding session is tomorrow',
		body: 'See you tomorrow at {{appointment.start_time}}.',
		beforeTime: [{ timeOffset: 24, unit: 'hours' }],
	});
	const [firstAppointment] = store.appointments.values();
	put(store, `/calendars/appointments/${firstAppointment.id}/notes`, {
		locationId: firstAppointment.locationId,
		contactId: firstAppointment.contactId,
		body: 'Asked for the pricing sheet before the call',
		userId: ownerId,
		dateAdded: at(3),
		dateUpdated: at(3),
	});

	seedDemoRecords(store, demo, contacts);
	seedPartnerFields(store);
	seedLocationSettings(store, demo);
	// Last, so the ids seeded before stay as they were.
	seedConversations(store, contacts);
	seedSchedules(store, demo);
	seedObjects(store, demo, true);
	seedObjectAssociations(store, contacts);
	seedFileField(store);
	return demo;
}

const VEHICLES = 'custom_objects.vehicles';

/** A record of the vehicles custom object (GHL's record shape: properties by the field key after the object's prefix). */
function putVehicle(store: Store, properties: Record<string, unknown>, owner: string[], hour: number, locationId = DEMO_LOCATION_ID): GenericRecord {
	const schema = [...store.collection('/objects').values()].find((candidate) => candidate.key === VEHICLES && candidate.locationId === locationId)!;
	const time = at(hour);
	const by = { channel: 'APP', createdAt: time, source: 'SANDBOX', sourceId: '' };
	return put(store, `/objects/${VEHICLES}/records`, {
		locationId,
		objectKey: VEHICLES,
		objectId: schema.id,
		properties,
		owner,
		followers: [],
		dateAdded: time,
		dateUpdated: time,
		createdBy: by,
		lastUpdatedBy: by,
	}, hour);
}

/**
 * Seeded last, so every id seeded before stays as it was: the standard objects of each location
 * (contact, opportunity, business: GHL lists them with the custom ones), the vehicles object's
 * name (its primary display property) and year fields, and with the demo data three more vehicles
 * of the demo location and a vehicles object with one record in the other location.
 */
function seedObjects(store: Store, demo: DemoIdentities, withDemoData: boolean): void {
	for (const locationId of [DEMO_LOCATION_ID, OTHER_LOCATION_ID, THIRD_LOCATION_ID]) {
		for (const [key, singular, plural] of [['contact', 'Contact', 'Contacts'], ['opportunity', 'Opportunity', 'Opportunities'], ['business', 'Company', 'Companies']]) {
			put(store, '/objects', {
				locationId,
				key,
				standard: true,
				labels: { singular, plural },
				description: `${plural} (standard object)`,
				primaryDisplayProperty: key === 'contact' ? 'contact.name' : `${key}.name`,
				searchableProperties: [],
				dateAdded: at(0),
				dateUpdated: at(0),
			});
		}
	}
	const folder =
		[...store.collection('/custom-fields/folders').values()].find((candidate) => candidate.objectKey === VEHICLES && candidate.locationId === DEMO_LOCATION_ID) ??
		put(store, '/custom-fields/folders', { locationId: DEMO_LOCATION_ID, objectKey: VEHICLES, name: 'Vehicle details', dateAdded: at(0), dateUpdated: at(0) });
	for (const [name, key, dataType] of [['Name', 'name', 'TEXT'], ['Year', 'year', 'NUMERICAL']]) {
		put(store, '/custom-fields', { locationId: DEMO_LOCATION_ID, objectKey: VEHICLES, parentId: folder.id, name, fieldKey: `${VEHICLES}.${key}`, dataType, showInForms: true, dateAdded: at(0), dateUpdated: at(0) });
	}
	if (!withDemoData) return;
	for (const [name, colour, year, hour] of [['Mini', 'red', 1959, 50], ['Cortina', 'blue', 1962, 51], ['Corvette', 'red', 1953, 52]] as const) {
		putVehicle(store, { name, colour, year }, [demo.userIds[(hour - 50) % 2]], hour);
	}
	put(store, '/objects', {
		locationId: OTHER_LOCATION_ID,
		key: VEHICLES,
		standard: false,
		labels: { singular: 'Vehicle', plural: 'Vehicles' },
		description: 'Vehicles of the other location (sandbox)',
		primaryDisplayProperty: `${VEHICLES}.name`,
		searchableProperties: [`${VEHICLES}.name`],
		dateAdded: at(0),
		dateUpdated: at(0),
	});
	putVehicle(store, { name: 'Other Location Van' }, [], 53, OTHER_LOCATION_ID);
}

/**
 * Users' availability schedules, seeded after everything else so no id seeded before moves: the
 * seller's working week on the Discovery Call calendar, the support user's with one date rule
 * (a shorter day), and the other location's user's.
 */
function seedSchedules(store: Store, demo: DemoIdentities): void {
	const week = (from: string, to: string) =>
		['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((day) => ({ type: 'wday', day, intervals: [{ from, to }] }));
	const schedules: [string, string, string, string, object[], string[]][] = [
		[DEMO_LOCATION_ID, demo.userIds[1], 'Working hours', 'America/New_York', week('09:00', '17:00'), [demo.calendarIds[0]]],
		[DEMO_LOCATION_ID, demo.userIds[2], 'Support hours', 'America/Chicago', [...week('08:00', '12:00'), { type: 'date', date: '2030-12-24', intervals: [{ from: '08:00', to: '10:00' }] }], []],
		[OTHER_LOCATION_ID, demo.userIds[3], 'Other location hours', 'Europe/Berlin', week('10:00', '16:00'), [demo.calendarIds[2]]],
	];
	schedules.forEach(([locationId, userId, name, timezone, rules, calendarIds], i) => {
		put(store, '/calendars/schedules', { locationId, userId, name, timezone, rules, calendarIds, deleted: false, dateAdded: at(i), dateUpdated: at(i) });
	});
}

/**
 * The associations API's demo data (after everything else, so no earlier id moves): GHL's system
 * association of contacts and businesses, a user-defined one of contacts and opportunities, and a
 * relation under it (the first contact is the decision maker of the first opportunity).
 */
function seedObjectAssociations(store: Store, contacts: ContactRecord[]): void {
	const association = (key: string, first: [string, string], second: [string, string], associationType: string) =>
		put(store, '/associations', {
			locationId: DEMO_LOCATION_ID,
			key,
			firstObjectKey: first[0],
			firstObjectLabel: first[1],
			secondObjectKey: second[0],
			secondObjectLabel: second[1],
			associationType,
		});
	association('contact_business', ['contact', 'Contact'], ['business', 'Business'], 'SYSTEM_DEFINED');
	const decisionMaker = association('opportunity_decision_maker', ['contact', 'Decision maker'], ['opportunity', 'Deal'], 'USER_DEFINED');
	const opportunity = [...store.collection('/opportunities').values()].find((candidate) => candidate.contactId === contacts[0].id)!;
	put(store, '/associations/relations', {
		associationId: decisionMaker.id,
		firstRecordId: contacts[0].id,
		secondRecordId: opportunity.id,
		firstObjectKey: 'contact',
		secondObjectKey: 'opportunity',
		locationId: DEMO_LOCATION_ID,
	});
}

/**
 * The custom fields a location synced with LeadSquared has (templates/README.md asks users to
 * create them; the LeadSquared → HighLevel mapping node names them by key). Seeded last, so the
 * ids of everything seeded before stay as they were.
 */
const PARTNER_FIELDS: [string, string, CustomFieldType][] = [
	['LeadSquared Prospect ID', 'lsq_prospect_id', 'TEXT'],
	['LeadSquared Stage', 'lsq_stage', 'TEXT'],
	['LeadSquared Score', 'lsq_score', 'NUMERICAL'],
	['LeadSquared Source Campaign', 'lsq_source_campaign', 'TEXT'],
];

function seedPartnerFields(store: Store): void {
	PARTNER_FIELDS.forEach(([name, key, dataType], position) => {
		const id = store.newId();
		store.customFields.set(id, {
			id,
			locationId: DEMO_LOCATION_ID,
			name,
			fieldKey: `contact.${key}`,
			dataType,
			placeholder: name,
			position: (CUSTOM_FIELDS.length + position) * 50,
			model: 'contact',
		});
	});
}

/**
 * Seeded last, so every id seeded before stays as it was: a recurring task of the demo location,
 * and a folder with one field of its custom object (custom fields v2).
 */
function seedLocationSettings(store: Store, demo: DemoIdentities): void {
	put(store, `/locations/${DEMO_LOCATION_ID}/recurring-tasks`, {
		locationId: DEMO_LOCATION_ID,
		title: 'Weekly pipeline review',
		description: 'Go through every open opportunity',
		rruleOptions: { intervalType: 'weekly', interval: 1, startDate: at(0), dayOfWeek: 'MO', dueAfterSeconds: 86400 },
		totalOccurrence: 0,
		deleted: false,
		assignedTo: demo.userIds[0],
	});
	const folder = put(store, '/custom-fields/folders', {
		locationId: DEMO_LOCATION_ID,
		objectKey: 'custom_objects.vehicles',
		name: 'Vehicle details',
		dateAdded: at(0),
		dateUpdated: at(0),
	});
	put(store, '/custom-fields', {
		locationId: DEMO_LOCATION_ID,
		objectKey: 'custom_objects.vehicles',
		parentId: folder.id,
		name: 'Colour',
		fieldKey: 'custom_objects.vehicles.colour',
		dataType: 'SINGLE_OPTIONS',
		showInForms: true,
		options: [
			{ key: 'red', label: 'Red' },
			{ key: 'blue', label: 'Blue' },
		],
		dateAdded: at(0),
		dateUpdated: at(0),
	});
}

/**
 * Conversations of the first three demo contacts: SMS both ways, an email, and a call with its
 * recording (contact 0), so message reads, paging and call recordings have data.
 */
function seedConversations(store: Store, contacts: ContactRecord[]): void {
	const messageTypes: Record<string, number> = { TYPE_SMS: 2, TYPE_EMAIL: 3, TYPE_CALL: 1 };
	[0, 1, 2].forEach((ci) => {
		const contact = contacts[ci];
		const conversation = put(store, '/conversations', {
			locationId: DEMO_LOCATION_ID,
			contactId: contact.id,
			type: 'TYPE_PHONE',
			unreadCount: ci === 0 ? 1 : 0,
			starred: ci === 1,
			inbox: true,
			deleted: false,
		}, ci * 7 + 8);
		const thread: Array<[string, 'inbound' | 'outbound', string]> = [
			['TYPE_SMS', 'outbound', `Hi ${contact.firstName}, thanks for your interest!`],
			['TYPE_SMS', 'inbound', 'Can we talk tomorrow?'],
			...(ci === 0 ? ([['TYPE_EMAIL', 'outbound', '<p>Here is the proposal.</p>'], ['TYPE_CALL', 'outbound', '']] as Array<[string, 'inbound' | 'outbound', string]>) : []),
			// Scheduled for later (a year after the seed epoch): what Cancel Scheduled acts on.
			...(ci === 1 ? ([['TYPE_SMS', 'outbound', 'Reminder: your demo is tomorrow'], ['TYPE_EMAIL', 'outbound', '<p>Your demo is tomorrow.</p>']] as Array<[string, 'inbound' | 'outbound', string]>) : []),
		];
		thread.forEach(([messageType, direction, body], i) => {
			const scheduled = ci === 1 && i >= 2;
			const dateAdded = at(ci * 7 + 8 + i);
			const message = put(store, '/conversations/messages', {
				locationId: DEMO_LOCATION_ID,
				contactId: contact.id,
				conversationId: conversation.id,
				type: messageTypes[messageType],
				messageType,
				direction,
				status: scheduled ? 'scheduled' : 'delivered',
				...(scheduled ? { scheduledTimestamp: Math.floor(Date.parse(at(24 * 365)) / 1000) } : {}),
				body,
				contentType: messageType === 'TYPE_EMAIL' ? 'text/html' : 'text/plain',
				attachments: [],
				source: 'app',
				dateAdded,
				dateUpdated: dateAdded,
				...(messageType === 'TYPE_EMAIL' ? { subject: 'Your proposal', emailMessageId: store.newRecordId() } : {}),
				...(messageType === 'TYPE_CALL' ? { recording: true, meta: { call: { duration: 42, status: 'completed' } } } : {}),
			}, ci * 7 + 8 + i);
			Object.assign(conversation, {
				lastMessageBody: body,
				lastMessageType: messageType,
				lastMessageDirection: direction,
				lastMessageDate: Date.parse(String(message.dateAdded)),
				dateAdded: Date.parse(String(conversation.createdAt)),
				dateUpdated: Date.parse(String(message.dateAdded)),
			});
		});
		if (ci === 0) {
			put(store, '/conversations/preferences/custom-subtypes', { locationId: DEMO_LOCATION_ID, name: 'Newsletter', channel: 'email', language: 'en', description: 'Product news' });
			// A file upload begun (initiate) and not yet completed.
			const uploadId = store.newRecordId();
			store.collection('/conversations/messages/upload').set(uploadId, {
				id: uploadId,
				locationId: DEMO_LOCATION_ID,
				filePath: `${DEMO_LOCATION_ID}/${conversation.id}/${uploadId}/brochure.pdf`,
				filename: 'brochure.pdf',
				contentType: 'application/pdf',
			});
		}
	});
}

/** A seeded generic record: its own id sequence (Store.newRecordId), dated from SEED_EPOCH. */
function put(store: Store, collection: string, fields: Record<string, unknown>, hour = 0): GenericRecord {
	const time = at(hour);
	const record: GenericRecord = { id: store.newRecordId(), createdAt: time, updatedAt: time, ...fields };
	store.collection(collection).set(record.id, record);
	return record;
}

const PIPELINES: [string, string, string[]][] = [
	[DEMO_LOCATION_ID, 'Sales Pipeline', ['New Lead', 'Qualified', 'Proposal Sent', 'Negotiation', 'Closed']],
	[DEMO_LOCATION_ID, 'Renewals', ['Due', 'In Talks', 'Renewed']],
	[OTHER_LOCATION_ID, 'Other Location Pipeline', ['Open']],
];

/**
 * Account configuration beyond contacts (always seeded): pipelines and their stages, lost reasons,
 * forms, surveys, custom values, location tags and a custom object schema. Ids come from the
 * generic record sequence, so the ids of everything seeded before never move.
 */
function seedReferenceData(store: Store): void {
	for (const [locationId, name, stages] of PIPELINES) {
		put(store, '/opportunities/pipelines', {
			locationId,
			name,
			stages: stages.map((stageName, position) => ({ id: store.newRecordId(), name: stageName, position })),
			showInFunnel: true,
			showInPieChart: true,
		});
	}
	for (const name of ['Price too high', 'Chose a competitor']) put(store, '/opportunities/lost-reason', { locationId: DEMO_LOCATION_ID, name });
	for (const [locationId, name] of [[DEMO_LOCATION_ID, 'Contact Us'], [DEMO_LOCATION_ID, 'Request a Quote'], [OTHER_LOCATION_ID, 'Other Location Form']]) {
		put(store, '/forms', { locationId, name });
	}
	for (const [locationId, name] of [[DEMO_LOCATION_ID, 'Customer Satisfaction'], [OTHER_LOCATION_ID, 'Other Location Survey']]) {
		put(store, '/surveys', { locationId, name });
	}
	for (const [locationId, name, value] of [
		[DEMO_LOCATION_ID, 'Support Phone', '+15550109999'],
		[DEMO_LOCATION_ID, 'Booking Link', 'https://book.sandbox.example/demo'],
		[OTHER_LOCATION_ID, 'Other Value', 'other'],
	]) {
		put(store, `/locations/${locationId}/customValues`, { locationId, name, fieldKey: `{{ custom_values.${slug(name).replace(/\./g, '_')} }}`, value });
	}
	put(store, '/calendars/groups', { locationId: DEMO_LOCATION_ID, name: 'Sales Team', description: 'Calls with the sales team (sandbox)', slug: 'sales-team', isActive: true });
	put(store, '/calendars/groups', { locationId: OTHER_LOCATION_ID, name: 'Other Location Group', description: 'Other location (sandbox)', slug: 'sales-team', isActive: true });
	for (const name of ['vip', 'newsletter', 'lead', 'webinar']) put(store, `/locations/${DEMO_LOCATION_ID}/tags`, { locationId: DEMO_LOCATION_ID, name });
	for (const [name, type] of [['Welcome email', 'email'], ['Appointment reminder', 'sms']]) {
		put(store, `/locations/${DEMO_LOCATION_ID}/templates`, { locationId: DEMO_LOCATION_ID, name, type, originId: DEMO_LOCATION_ID });
	}
	put(store, '/objects', {
		locationId: DEMO_LOCATION_ID,
		key: 'custom_objects.vehicles',
		standard: false,
		labels: { singular: 'Vehicle', plural: 'Vehicles' },
		description: 'Vehicles a contact owns (sandbox)',
		primaryDisplayProperty: 'custom_objects.vehicles.name',
		searchableProperties: ['custom_objects.vehicles.name'],
		dateAdded: at(0),
		dateUpdated: at(0),
	});
}

/** Records that need the demo contacts: opportunities, form and survey submissions, custom object records. */
function seedDemoRecords(store: Store, demo: DemoIdentities, contacts: ContactRecord[]): void {
	const pipelines = [...store.collection('/opportunities/pipelines').values()];
	const stage = (pipeline: number, index: number) => (pipelines[pipeline].stages as Array<{ id: string }>)[index].id;
	const opportunitySeeds: [number, number, number, string, number, string][] = [
		// contact, pipeline, stage, status, value, name
		[0, 0, 1, 'open', 12000, 'Analytical Engines: 40 seats'],
		[1, 0, 2, 'open', 8500, 'Cobol Systems: migration'],
		[2, 0, 4, 'won', 30000, 'Bletchley Labs: platform'],
		[3, 0, 0, 'lost', 1500, 'Orbital Math: pilot'],
		[4, 1, 0, 'open', 4000, 'Kernel Works: renewal'],
		[5, 0, 0, 'open', 2200, 'Apollo Software: starter'],
	];
	opportunitySeeds.forEach(([ci, pipeline, stageIndex, status, monetaryValue, name], i) => {
		const contact = contacts[ci];
		put(
			store,
			'/opportunities',
			{
				locationId: DEMO_LOCATION_ID,
				contactId: contact.id,
				name,
				pipelineId: pipelines[pipeline].id,
				pipelineStageId: stage(pipeline, stageIndex),
				status,
				monetaryValue,
				assignedTo: demo.userIds[i % 3],
				source: 'form',
				followers: i === 0 ? [demo.userIds[1]] : [],
				lastStatusChangeAt: at(ci * 7 + 5),
				lastStageChangeAt: at(ci * 7 + 5),
				...(status === 'lost' ? { lostReasonId: [...store.collection('/opportunities/lost-reason').values()][0].id } : {}),
			},
			ci * 7 + 5,
		);
	});
	const other = [...store.contacts.values()].find((contact) => contact.locationId === OTHER_LOCATION_ID)!;
	put(store, '/opportunities', { locationId: OTHER_LOCATION_ID, contactId: other.id, name: 'Other Location Deal', pipelineId: pipelines[2].id, pipelineStageId: stage(2, 0), status: 'open', monetaryValue: 100, followers: [] }, 9);

	const forms = [...store.collection('/forms').values()];
	[0, 1, 2].forEach((ci, i) => {
		const contact = contacts[ci];
		put(store, '/forms/submissions', {
			locationId: DEMO_LOCATION_ID,
			formId: forms[i % 2].id,
			contactId: contact.id,
			name: `${contact.firstName} ${contact.lastName}`,
			email: contact.email,
			others: { message: `Submission ${i + 1} from the sandbox` },
		}, ci * 7 + 6);
	});
	const survey = [...store.collection('/surveys').values()][0];
	[3, 4].forEach((ci, i) => {
		const contact = contacts[ci];
		put(store, '/surveys/submissions', {
			locationId: DEMO_LOCATION_ID,
			surveyId: survey.id,
			contactId: contact.id,
			name: `${contact.firstName} ${contact.lastName}`,
			email: contact.email,
			others: { score: String(9 - i) },
		}, ci * 7 + 6);
	});
	for (const [ci, name, colour] of [[0, 'Model T', 'blue'], [1, 'Beetle', 'red']] as const) {
		putVehicle(store, { name, colour }, [demo.userIds[0]], ci * 7 + 6);
	}
}

/** A File Upload contact field (form uploads put files in it); seeded last, so the ids before stay as they were. */
function seedFileField(store: Store): void {
	const id = store.newId();
	store.customFields.set(id, {
		id,
		locationId: DEMO_LOCATION_ID,
		name: 'Signed Contract',
		fieldKey: 'contact.signed_contract',
		dataType: 'FILE_UPLOAD',
		placeholder: 'Signed Contract',
		position: (CUSTOM_FIELDS.length + PARTNER_FIELDS.length) * 50,
		model: 'contact',
	});
}

/**
 * Deterministic demo account: the same ids and data on every start and after reset().
 * Locations, company, users, tokens, calendars, custom fields, campaigns, workflows and
 * businesses are always created (account configuration); contacts, tasks, notes and
 * appointments only when seeding demo data.
 */
import { LOCATION_SCOPES, READ_ONLY_SCOPES, type TokenRegistry } from './auth';
import type { ContactRecord, CustomFieldRecord, CustomFieldType, Store } from './store';
import type { DemoIdentities } from './types';

export const DEMO_LOCATION_ID = 'SbxDemoLocation00001';
export const OTHER_LOCATION_ID = 'SbxOtherLocation0002';
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
		scopes: [...LOCATION_SCOPES, 'oauth.readonly', 'oauth.write'],
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
	if (!withDemoData) return demo;

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

	return demo;
}

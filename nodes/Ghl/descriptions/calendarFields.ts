import type { INodeProperties } from 'n8n-workflow';
import { userProperty } from './common';

/** The calendar an operation acts on: picked from the location's calendars (searchable), or given by ID. */
export function calendarLocator(name = 'calendarId', displayName = 'Calendar'): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The calendar: pick it from the list, or give its ID',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchCalendars', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. BqTwX8QFwXzpegMve9EQ',
				validation: [{ type: 'regex', properties: { regex: '^[A-Za-z0-9_-]+$', errorMessage: 'Not a valid GHL calendar ID' } }],
			},
		],
	};
}

/** A calendar group of the location, picked from the list. */
export function calendarGroupProperty(required: boolean, name = 'groupId'): INodeProperties {
	return {
		displayName: 'Calendar Group Name or ID',
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCalendarGroups' },
		required,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

/** An IANA time zone, picked from the list (GHL answers times in it). */
export function timeZoneProperty(description: string, name = 'timezone'): INodeProperties {
	return {
		displayName: 'Time Zone Name or ID',
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTimeZones' },
		default: '',
		description: `${description}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

const unitOptions = [
	{ name: 'Hours', value: 'hours' },
	{ name: 'Minutes', value: 'mins' },
];

/** The calendar settings a create (Additional Fields) or update (Update Fields) can write. */
export function calendarFieldOptions(write: 'create' | 'update'): INodeProperties[] {
	const fields: INodeProperties[] = [
		{ displayName: 'Allow Cancellation', name: 'allowCancellation', type: 'boolean', default: true, description: 'Whether invitees may cancel' },
		{ displayName: 'Allow Reschedule', name: 'allowReschedule', type: 'boolean', default: true, description: 'Whether invitees may reschedule' },
		{ displayName: 'Auto Confirm', name: 'autoConfirm', type: 'boolean', default: true, description: 'Whether new bookings are confirmed at once' },
		{ ...calendarGroupProperty(false) },
		{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
		{ displayName: 'Event Color', name: 'eventColor', type: 'color', default: '#039be5' },
		{ displayName: 'Event Title', name: 'eventTitle', type: 'string', default: '{{contact.name}}', description: 'Title of the booked events; GHL fills in its {{…}} placeholders' },
		{ displayName: 'Is Active', name: 'isActive', type: 'boolean', default: true, description: 'Whether the calendar takes bookings' },
		{ displayName: 'Slot Duration', name: 'slotDuration', type: 'number', typeOptions: { minValue: 1 }, default: 30, description: 'Length of one booking' },
		{ displayName: 'Slot Duration Unit', name: 'slotDurationUnit', type: 'options', options: unitOptions, default: 'mins' },
		{ displayName: 'Slot Interval', name: 'slotInterval', type: 'number', typeOptions: { minValue: 1 }, default: 30, description: 'Time between the starts of two bookable slots' },
		{ displayName: 'Slot Interval Unit', name: 'slotIntervalUnit', type: 'options', options: unitOptions, default: 'mins' },
		{ displayName: 'Slug', name: 'slug', type: 'string', default: '', description: 'Part of the booking link' },
		{
			...userProperty('Team Member Names or IDs', 'teamMembers'),
			type: 'multiOptions',
			default: [],
			description:
				'Users who take the bookings. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{ displayName: 'Widget Slug', name: 'widgetSlug', type: 'string', default: '', description: 'Slug of the booking widget' },
	];
	if (write === 'create') {
		fields.splice(4, 0, {
			displayName: 'Calendar Type',
			name: 'calendarType',
			type: 'options',
			options: [
				{ name: 'Class Booking', value: 'class_booking' },
				{ name: 'Collective', value: 'collective' },
				{ name: 'Event', value: 'event' },
				{ name: 'Personal', value: 'personal' },
				{ name: 'Round Robin', value: 'round_robin' },
				{ name: 'Service Booking', value: 'service_booking' },
			],
			default: 'event',
		});
	}
	return fields;
}

/** Name, description and slug: GHL requires all three when a calendar group is created or updated. */
export const groupFieldProperties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Sales Team' },
	{ displayName: 'Description', name: 'description', type: 'string', required: true, default: '', typeOptions: { rows: 2 } },
	{
		displayName: 'Slug',
		name: 'slug',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. sales-team',
		description: 'Part of the group’s booking link: lowercase letters, digits and hyphens',
	},
];

/**
 * Whose events to list (GHL needs a calendar, a user or a calendar group) and the window: the
 * fields of Calendar Event: Get Many and Blocked Slot: Get Many.
 */
export const eventWindowProperties: INodeProperties[] = [
	{
		displayName: 'Events Of',
		name: 'eventsOf',
		type: 'options',
		options: [
			{ name: 'Calendar', value: 'calendar' },
			{ name: 'Calendar Group', value: 'calendarGroup' },
			{ name: 'User', value: 'user' },
		],
		default: 'calendar',
		description: 'GHL lists events of one calendar, one user or one calendar group',
	},
	{ ...calendarLocator(), displayOptions: { show: { eventsOf: ['calendar'] } } },
	{ ...calendarGroupProperty(true), displayOptions: { show: { eventsOf: ['calendarGroup'] } } },
	{ ...userProperty('User Name or ID', 'userId'), required: true, displayOptions: { show: { eventsOf: ['user'] } } },
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Events ending after this time; a time without an offset is read in the workflow’s time zone',
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Events starting before this time',
	},
];

/** The ID of an appointment (calendar event), for its notes. */
export const appointmentIdProperty: INodeProperties = {
	displayName: 'Appointment ID',
	name: 'appointmentId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. ocQHyuzHvysMo5N5VsXc',
	description: 'ID of the appointment the notes belong to',
};

export const appointmentNoteIdProperty: INodeProperties = {
	displayName: 'Note ID',
	name: 'noteId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 1F0IJLtbDKE4LWzW5vTl',
	description: 'ID of the appointment’s note',
};

/** Rooms or equipment: GHL keeps the two kinds of calendar resource apart. */
export const resourceTypeProperty: INodeProperties = {
	displayName: 'Resource Type',
	name: 'resourceType',
	type: 'options',
	options: [
		{ name: 'Equipment', value: 'equipments' },
		{ name: 'Room', value: 'rooms' },
	],
	default: 'rooms',
	required: true,
};

export const calendarResourceIdProperty: INodeProperties = {
	displayName: 'Calendar Resource ID',
	name: 'resourceId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Y5Hy8oFGeWBlmn4AiLNs',
	description: 'ID of the room or equipment',
};

/** The location's calendars, several picked from the list. */
export function calendarsProperty(description: string): INodeProperties {
	return {
		displayName: 'Calendar Names or IDs',
		name: 'calendarIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getCalendars' },
		default: [],
		description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

/** The counts a calendar resource has: how many people it holds, how many are out of service, how many there are. */
const resourceCounts: INodeProperties[] = [
	{
		displayName: 'Capacity',
		name: 'capacity',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 1,
		description: 'How many people the room holds (or the equipment serves)',
	},
	{
		displayName: 'Out of Service',
		name: 'outOfService',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 0,
		description: 'How many of them cannot be booked now',
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 1,
		description: 'How many of this resource there are',
	},
];

/** The counts, with a new resource's defaults (create) or none set (update). */
export function resourceCountProperties(withDefaults: boolean): INodeProperties[] {
	return withDefaults ? resourceCounts : resourceCounts.map((property) => Object.assign({}, property, { default: 0 }));
}

export const notificationIdProperty: INodeProperties = {
	displayName: 'Notification ID',
	name: 'notificationId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 64f0c1b2e4b0a1c2d3e4f5a6',
	description: 'ID of the calendar notification (its _id)',
};

const timeOffsetValues: INodeProperties[] = [
	{ displayName: 'Time Offset', name: 'timeOffset', type: 'number', typeOptions: { minValue: 0 }, default: 1 },
	{
		displayName: 'Unit',
		name: 'unit',
		type: 'options',
		options: [
			{ name: 'Days', value: 'days' },
			{ name: 'Hours', value: 'hours' },
			{ name: 'Minutes', value: 'mins' },
		],
		default: 'hours',
	},
];

/** The notification settings a create (Additional Fields) or update (Update Fields) can write. */
export function notificationFieldOptions(write: 'create' | 'update'): INodeProperties[] {
	const list = (displayName: string, name: string, placeholder: string): INodeProperties => ({
		displayName,
		name,
		type: 'string',
		default: '',
		placeholder,
		description: 'Comma-separated, or an array from an expression',
	});
	const offsets = (displayName: string, name: string, description: string): INodeProperties => ({
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description,
		options: [{ displayName: 'Offset', name: 'offset', values: timeOffsetValues }],
	});
	const fields: INodeProperties[] = [
		list('Additional Emails', 'additionalEmailIds', 'e.g. frontdesk@example.com'),
		list('Additional Phone Numbers', 'additionalPhoneNumbers', 'e.g. +14155550100'),
		offsets('After Time', 'afterTime', 'When to send it after the appointment (follow-ups)'),
		offsets('Before Time', 'beforeTime', 'When to send it before the appointment (reminders)'),
		{ displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 4 }, default: '', description: 'Message text; GHL fills in its {{…}} placeholders' },
		{ displayName: 'From Address', name: 'fromAddress', type: 'string', default: '', placeholder: 'e.g. bookings@example.com' },
		{ displayName: 'From Name', name: 'fromName', type: 'string', default: '' },
		{ displayName: 'From Number', name: 'fromNumber', type: 'string', default: '', placeholder: 'e.g. +14155550100' },
		{ displayName: 'Is Active', name: 'isActive', type: 'boolean', default: true, description: 'Whether GHL sends it' },
		{
			...userProperty('Selected User Names or IDs', 'selectedUsers'),
			type: 'multiOptions',
			default: [],
			description: 'Users who also receive it. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{ displayName: 'Subject', name: 'subject', type: 'string', default: '', description: 'Email subject' },
		{ displayName: 'Template ID', name: 'templateId', type: 'string', default: '', description: 'A GHL email or SMS template to send instead of the body' },
	];
	if (write === 'update') fields.splice(fields.findIndex((field) => field.name === 'isActive'), 0, ...notificationKindProperties(false));
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Who receives it, by which channel, on which event: required to create a notification, optional to update one. */
export function notificationKindProperties(required: boolean): INodeProperties[] {
	const choice = (property: Pick<INodeProperties, 'displayName' | 'name' | 'options' | 'default' | 'description'>): INodeProperties => ({ ...property, type: 'options', required });
	return [
		choice({
			displayName: 'Channel',
			name: 'channel',
			options: [
				{ name: 'Email', value: 'email' },
				{ name: 'In-App', value: 'inApp' },
				{ name: 'SMS', value: 'sms' },
				{ name: 'WhatsApp', value: 'whatsapp' },
			],
			default: 'email',
		}),
		choice({
			displayName: 'Notification Type',
			name: 'notificationType',
			options: [
				{ name: 'Booked', value: 'booked' },
				{ name: 'Cancellation', value: 'cancellation' },
				{ name: 'Confirmation', value: 'confirmation' },
				{ name: 'Follow-Up', value: 'followup' },
				{ name: 'Reminder', value: 'reminder' },
				{ name: 'Reschedule', value: 'reschedule' },
			],
			default: 'booked',
			description: 'The appointment event that sends it',
		}),
		choice({
			displayName: 'Receiver Type',
			name: 'receiverType',
			options: [
				{ name: 'Assigned User', value: 'assignedUser' },
				{ name: 'Business', value: 'business' },
				{ name: 'Contact', value: 'contact' },
				{ name: 'Emails', value: 'emails' },
				{ name: 'Guest', value: 'guest' },
				{ name: 'Phone Numbers', value: 'phoneNumbers' },
			],
			default: 'contact',
		}),
	];
}

/** A user's availability schedule: picked from the location's users' schedules, or given by ID. */
export const scheduleLocator: INodeProperties = {
	displayName: 'Schedule',
	name: 'scheduleId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The availability schedule: pick it from the list (every user’s schedules), or give its ID',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchSchedules', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. IkqiJlXJ7o9h61tCHHod',
			validation: [{ type: 'regex', properties: { regex: '^[A-Za-z0-9_-]+$', errorMessage: 'Not a valid GHL schedule ID' } }],
		},
	],
};

/** GHL's weekday names in schedule rules. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * A schedule's available hours, one time range per entry: entries of the same weekday (or date)
 * become one GHL rule with several intervals.
 */
export function scheduleHoursProperty(description: string): INodeProperties {
	return {
		displayName: 'Available Hours',
		name: 'rules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Time Range',
		description,
		options: [
			{
				displayName: 'Time Range',
				name: 'range',
				values: [
					{
						displayName: 'Date',
						name: 'date',
						type: 'string',
						default: '',
						placeholder: 'e.g. 2030-12-24',
						description: 'The date (YYYY-MM-DD)',
					},
					{
						displayName: 'Day',
						name: 'day',
						type: 'options',
						default: '',
					},
					{
						displayName: 'From',
						name: 'from',
						type: 'string',
						default: '09:00',
						placeholder: 'e.g. 09:00',
						description: 'Start, 24-hour HH:MM in the schedule’s time zone',
					},
					{
						displayName: 'Repeats',
						name: 'type',
						type: 'options',
						options: [
							{
								name: 'Every Week on a Day',
								value: 'wday',
							},
							{
								name: 'On One Date',
								value: 'date',
							},
						],
						default: 'wday',
					},
					{
						displayName: 'To',
						name: 'to',
						type: 'string',
						default: '17:00',
						placeholder: 'e.g. 17:00',
						description: 'End, 24-hour HH:MM, after the start',
					},
			],
			},
		],
	};
}

import type { INodeProperties } from 'n8n-workflow';
import { authenticationProperty, subAccountLocator } from '../shared/authentication';

export const CONTACT_CREATED = 'contactCreated';
export const CONTACT_UPDATED = 'contactUpdated';
export const TASK_CHANGED = 'taskChanged';
export const NOTE_CREATED = 'noteCreated';
export const APPOINTMENT_CREATED = 'appointmentCreated';
export const FORM_SUBMITTED = 'formSubmitted';
export const SURVEY_SUBMITTED = 'surveySubmitted';
export const OPPORTUNITY_CHANGED = 'opportunityChanged';

export const pollingProperties: INodeProperties[] = [
	authenticationProperty,
	{
		...subAccountLocator({
			name: 'subAccount',
			description:
				'The sub-account (location) to watch. Each sub-account keeps its own place, so switching to another and back resumes where the first one was.',
		}),
		displayOptions: { show: { authentication: ['agencyOAuth2'] } },
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'New Appointment',
				value: APPOINTMENT_CREATED,
				description: 'An appointment was booked in one of the calendars (read per calendar)',
			},
			{ name: 'New Contact', value: CONTACT_CREATED, description: 'A contact was created' },
			{ name: 'New Form Submission', value: FORM_SUBMITTED, description: 'Someone submitted one of the location’s forms' },
			{
				name: 'New Note',
				value: NOTE_CREATED,
				description: 'A note was added to a contact (read per contact, see Contacts to Check)',
			},
			{
				name: 'New or Updated Opportunity',
				value: OPPORTUNITY_CHANGED,
				description: 'An opportunity was created or changed (stage, status, value, owner, …)',
			},
			{
				name: 'New or Updated Task',
				value: TASK_CHANGED,
				description: 'A task was added to any contact or changed (read with Task Search)',
			},
			{ name: 'New Survey Submission', value: SURVEY_SUBMITTED, description: 'Someone submitted one of the location’s surveys' },
			{ name: 'Updated Contact', value: CONTACT_UPDATED, description: 'A contact changed' },
		],
		default: CONTACT_CREATED,
	},
	{
		displayName:
			'GHL lists notes only per contact. "Contacts Updated Since Last Poll" costs one request per changed contact but only sees notes of contacts whose Date Updated moved; "All Contacts" sees everything but costs one request per contact on every poll. For instant, complete events use the HighLevel (GHL) Trigger with a marketplace app.',
		name: 'perContactNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { event: [NOTE_CREATED] } },
	},
	{
		displayName: 'Contacts to Check',
		name: 'contactsToCheck',
		type: 'options',
		options: [
			{
				name: 'Contacts Updated Since Last Poll',
				value: 'updated',
				description: 'Cheap; misses notes added without the contact itself changing',
			},
			{
				name: 'All Contacts',
				value: 'all',
				description: 'Complete; one request per contact per poll, for sub-accounts with few contacts',
			},
		],
		default: 'updated',
		displayOptions: { show: { event: [NOTE_CREATED] } },
	},
	{
		displayName: 'Form Name or ID',
		name: 'formId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getForms' },
		default: '',
		description:
			'Only submissions of this form; none chosen = every form of the sub-account. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { event: [FORM_SUBMITTED] } },
	},
	{
		displayName: 'Survey Name or ID',
		name: 'surveyId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSurveys' },
		default: '',
		description:
			'Only submissions of this survey; none chosen = every survey of the sub-account. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { event: [SURVEY_SUBMITTED] } },
	},
	{
		displayName: 'Calendar IDs',
		name: 'calendarIds',
		type: 'string',
		default: '',
		placeholder: 'BqTwX8QFwXzpegMve9EQ',
		description: 'Calendars to watch (comma-separated). Empty = every calendar of the sub-account.',
		displayOptions: { show: { event: [APPOINTMENT_CREATED] } },
	},
	{
		displayName: 'Look Ahead (Days)',
		name: 'lookAheadDays',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 365,
		description:
			'GHL lists appointments by start time: only appointments starting up to this many days ahead are seen',
		displayOptions: { show: { event: [APPOINTMENT_CREATED] } },
	},
	{
		displayName: 'Look Back (Days)',
		name: 'lookBackDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 30,
		description: 'Also see appointments booked for a start time up to this many days in the past',
		displayOptions: { show: { event: [APPOINTMENT_CREATED] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Emit Existing Records on First Run',
				name: 'emitExisting',
				type: 'boolean',
				default: false,
				description:
					'Whether the first poll after activation emits every existing record instead of only remembering where to start',
			},
			{
				displayName: 'Include New Contacts',
				name: 'includeNewContacts',
				type: 'boolean',
				default: false,
				description: 'Whether contacts never updated since they were created also count as updated',
				displayOptions: { show: { '/event': [CONTACT_UPDATED] } },
			},
			{
				displayName: 'Overlap (Seconds)',
				name: 'overlapSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 60,
				description:
					'How far back each poll re-reads, so changes GHL\'s search shows a little late are still caught (already emitted records are skipped)',
			},
		],
	},
];

import type { INodeProperties } from 'n8n-workflow';
import { calendarProperty, userProperty } from './common';

export const appointmentStartTimeProperty: INodeProperties = {
	displayName: 'Start Time',
	name: 'startTime',
	type: 'dateTime',
	required: true,
	default: '',
	description: 'ISO 8601; a time without an offset is read in the workflow’s time zone',
};

export const eventIdProperty: INodeProperties = {
	displayName: 'Appointment ID',
	name: 'eventId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. ocQHyuzHvysMo5N5VsXc',
	description: 'ID of the appointment (event). For a recurring series, the master event ID changes the whole series.',
};

/** The optional appointment fields, shared by Create (Additional Fields) and Update (Update Fields). */
export function appointmentFieldOptions(write: 'create' | 'update'): INodeProperties[] {
	const fields: INodeProperties[] = [
		{ displayName: 'Address', name: 'address', type: 'string', default: '', description: 'Meeting address or link' },
		{
			displayName: 'Appointment Status',
			name: 'appointmentStatus',
			type: 'options',
			options: [
				{ name: 'Cancelled', value: 'cancelled' },
				{ name: 'Confirmed', value: 'confirmed' },
				{ name: 'Invalid', value: 'invalid' },
				{ name: 'New', value: 'new' },
				{ name: 'No Show', value: 'noshow' },
				{ name: 'Showed', value: 'showed' },
			],
			default: 'confirmed',
		},
		userProperty('Assigned User Name or ID', 'assignedUserId'),
		{ ...calendarProperty(false) },
		{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
		{
			displayName: 'End Time',
			name: 'endTime',
			type: 'dateTime',
			default: '',
			description: 'ISO 8601; defaults to the start time plus the calendar’s slot duration',
		},
		{
			displayName: 'Ignore Date Range',
			name: 'ignoreDateRange',
			type: 'boolean',
			default: false,
			description: 'Whether to ignore the calendar’s minimum scheduling notice and date range',
		},
		{
			displayName: 'Ignore Free Slot Validation',
			name: 'ignoreFreeSlotValidation',
			type: 'boolean',
			default: false,
			description: 'Whether to book even when the slot is not free',
		},
		{
			displayName: 'Meeting Location ID',
			name: 'meetingLocationId',
			type: 'string',
			default: '',
			description: 'ID of one of the calendar’s location configurations',
		},
		{
			displayName: 'Meeting Location Type',
			name: 'meetingLocationType',
			type: 'options',
			options: [
				{ name: 'Address', value: 'address' },
				{ name: 'Custom', value: 'custom' },
				{ name: 'Google', value: 'google' },
				{ name: 'Google Meet', value: 'gmeet' },
				{ name: 'Microsoft Teams', value: 'ms_teams' },
				{ name: 'Phone', value: 'phone' },
				{ name: 'Zoom', value: 'zoom' },
			],
			default: 'custom',
		},
		{
			displayName: 'Notify (Run Automations)',
			name: 'toNotify',
			type: 'boolean',
			default: true,
			description: 'Whether GHL runs the calendar’s automations and notifications for this change',
		},
		{
			displayName: 'Override Location Config',
			name: 'overrideLocationConfig',
			type: 'boolean',
			default: false,
			description: 'Whether the meeting location given here replaces the calendar’s own',
		},
		{
			displayName: 'Recurrence Rule',
			name: 'rrule',
			type: 'string',
			default: '',
			placeholder: 'e.g. RRULE:FREQ=WEEKLY;COUNT=4',
			description: 'RFC 5545 rule; GHL applies it only with Ignore Free Slot Validation on',
		},
		{ ...appointmentStartTimeProperty, required: false },
		{ displayName: 'Title', name: 'title', type: 'string', default: '' },
	];
	return write === 'create' ? fields.filter((field) => !['calendarId', 'startTime'].includes(field.name)) : fields;
}

import type { INodeProperties } from 'n8n-workflow';
import { contactIdsProperty, idProperty } from './common';

export const recurringTaskIdProperty = idProperty('Recurring Task ID', 'recurringTaskId', 'ID of the recurring task (as Create answers it)');

/** When the tasks repeat: GHL's rruleOptions. The four required by GHL come first. */
export const scheduleRequired: INodeProperties[] = [
	{
		displayName: 'Repeat',
		name: 'intervalType',
		type: 'options',
		options: [
			{ name: 'Daily', value: 'daily' },
			{ name: 'Hourly', value: 'hourly' },
			{ name: 'Monthly', value: 'monthly' },
			{ name: 'Weekly', value: 'weekly' },
			{ name: 'Yearly', value: 'yearly' },
		],
		default: 'weekly',
	},
	{
		displayName: 'Every',
		name: 'interval',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		description: 'How many hours, days, weeks, months or years between two tasks',
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		description: 'When the first task is made (ISO 8601); a time without an offset is read in the workflow’s time zone',
	},
	{
		displayName: 'Due After (Seconds)',
		name: 'dueAfterSeconds',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 86400,
		description: 'How long after it is made each task is due (86400 = one day)',
	},
];

/** The optional schedule fields (in Additional Fields / Update Fields). */
export const scheduleOptional: INodeProperties[] = [
	{
		displayName: 'Create Task If Overdue',
		name: 'createTaskIfOverDue',
		type: 'boolean',
		default: true,
		description: 'Whether a task is still made when its time has passed',
	},
	{
		displayName: 'Day of Month',
		name: 'dayOfMonth',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 31, numberPrecision: 0 },
		default: 1,
	},
	{
		displayName: 'Day of Week',
		name: 'dayOfWeek',
		type: 'options',
		options: [
			{ name: 'Friday', value: 'FR' },
			{ name: 'Monday', value: 'MO' },
			{ name: 'Saturday', value: 'SA' },
			{ name: 'Sunday', value: 'SU' },
			{ name: 'Thursday', value: 'TH' },
			{ name: 'Tuesday', value: 'TU' },
			{ name: 'Wednesday', value: 'WE' },
		],
		default: 'MO',
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		description: 'No task is made after this date',
	},
	{
		displayName: 'Max Occurrences',
		name: 'count',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 10,
		description: 'Max number of tasks made',
	},
	{
		displayName: 'Month of Year',
		name: 'monthOfYear',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 12, numberPrecision: 0 },
		default: 1,
	},
];

/** What the tasks are and whom they are for (Create's Additional Fields, Update's Update Fields). */
export const recurringTaskDetails: INodeProperties[] = [
	{
		displayName: 'Assigned User Names or IDs',
		name: 'owners',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: [],
		description:
			'Users the tasks are assigned to. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{ ...contactIdsProperty, required: false, description: 'Comma-separated contact IDs, or an array from an expression: the contacts the tasks are for' },
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{
		displayName: 'Skip First Task',
		name: 'ignoreTaskCreation',
		type: 'boolean',
		default: false,
		description: 'Whether to make no task now, only from the next occurrence on',
	},
];

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { calendarLocator, timeZoneProperty } from '../../descriptions/calendarFields';
import { userProperty } from '../../descriptions/common';
import { checkTimeZone, readCalendarId, toEpochMs } from '../../helpers/calendars';
import { checkIdList } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

/** GHL refuses a longer window. */
const MAX_WINDOW_DAYS = 31;

export const meta: OperationMeta = {
	name: 'Get Free Slots',
	value: 'getFreeSlots',
	action: 'Get free slots of a calendar',
	description: 'List the bookable times of a calendar between two dates, one item per day, in a time zone of your choice',
	endpoint: {
		method: 'GET',
		path: '/calendars/{calendarId}/free-slots',
		operationId: 'get-slots',
		api: 'calendars',
		scopes: ['calendars.readonly'],
	},
};

export const properties: INodeProperties[] = [
	calendarLocator(),
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'First moment to look from; a time without an offset is read in the chosen time zone (else the workflow’s)',
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: `Last moment to look at, at most ${MAX_WINDOW_DAYS} days after the start`,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			timeZoneProperty('Time zone the slots are written and grouped by day in; the location’s when empty'),
			{
				...userProperty('User Names or IDs', 'userIds'),
				type: 'multiOptions',
				default: [],
				description:
					'Only slots when one of these team members is free. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];

export const example: OperationExample = (d) => ({
	calendarId: byId(d.calendarIds[1]),
	startDate: '2032-01-05T00:00:00Z',
	endDate: '2032-01-07T00:00:00Z',
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const calendarId = readCalendarId(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const timezone = options.timezone ? checkTimeZone(this, itemIndex, 'Time Zone', options.timezone) : undefined;
	const startDate = toEpochMs(this, itemIndex, 'Start Date', this.getNodeParameter('startDate', itemIndex, ''), timezone);
	const endDate = toEpochMs(this, itemIndex, 'End Date', this.getNodeParameter('endDate', itemIndex, ''), timezone);
	if (endDate <= startDate) {
		throw new NodeOperationError(this.getNode(), 'End Date: expected a time after the Start Date', { itemIndex });
	}
	if (endDate - startDate > MAX_WINDOW_DAYS * 86_400_000) {
		throw new NodeOperationError(this.getNode(), `End Date: expected at most ${MAX_WINDOW_DAYS} days after the Start Date (GHL’s limit)`, { itemIndex });
	}
	const qs: IDataObject = { startDate, endDate };
	if (timezone) qs.timezone = timezone;
	const userIds = Array.isArray(options.userIds) && options.userIds.length ? checkIdList(this, itemIndex, 'Users', options.userIds) : [];
	if (userIds.length === 1) qs.userId = userIds[0];
	else if (userIds.length > 1) qs.userIds = userIds;
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { calendarId }, qs, itemIndex });
	// GHL answers {"2026-11-23": {slots: [...]}, …}; one item per day reads better in n8n.
	return Object.entries(response)
		.filter(([date, day]) => /^\d{4}-\d{2}-\d{2}$/.test(date) && Array.isArray((day as IDataObject)?.slots))
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([date, day]) => ({ date, slots: (day as IDataObject).slots }));
}

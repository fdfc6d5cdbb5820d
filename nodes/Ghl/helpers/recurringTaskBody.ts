import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { toGhlDateTime } from './dates';
import { checkIdList, checkText, toList } from './validation';

const SCHEDULE_LABELS: Record<string, string> = {
	intervalType: 'Repeat',
	interval: 'Every',
	startDate: 'Start Date',
	dueAfterSeconds: 'Due After (Seconds)',
};
const OPTIONAL_SCHEDULE = ['createTaskIfOverDue', 'dayOfMonth', 'dayOfWeek', 'endDate', 'count', 'monthOfYear'];

/**
 * GHL's rruleOptions from the node's fields, or undefined when none is set. GHL needs the four
 * fields Repeat, Every, Start Date and Due After together; a missing one is named.
 */
export function buildSchedule(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject | undefined {
	const given = [...Object.keys(SCHEDULE_LABELS), ...OPTIONAL_SCHEDULE].filter((name) => fields[name] !== undefined && fields[name] !== '');
	if (!given.length) return undefined;
	const missing = Object.keys(SCHEDULE_LABELS).filter((name) => !given.includes(name));
	if (missing.length) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${missing.map((name) => SCHEDULE_LABELS[name]).join(', ')}: needed with the other schedule fields (GHL takes the schedule whole)`,
			{ itemIndex },
		);
	}
	const schedule: IDataObject = {};
	for (const name of given) {
		const value = fields[name];
		schedule[name] = name === 'startDate' || name === 'endDate' ? toGhlDateTime(ctx, itemIndex, name === 'startDate' ? 'Start Date' : 'End Date', value) : value;
	}
	return schedule;
}

/** Title, description, contacts, assignees and whether to skip the first task, as GHL names them. */
export function buildRecurringTaskDetails(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.title !== undefined) body.title = checkText(ctx, itemIndex, 'Title', fields.title);
	if (fields.description !== undefined) body.description = checkText(ctx, itemIndex, 'Description', fields.description);
	if (toList(fields.contactIds).length) body.contactIds = checkIdList(ctx, itemIndex, 'Contact IDs', fields.contactIds);
	if (toList(fields.owners).length) body.owners = checkIdList(ctx, itemIndex, 'Assigned User Names or IDs', fields.owners);
	if (fields.ignoreTaskCreation !== undefined) body.ignoreTaskCreation = fields.ignoreTaskCreation;
	return body;
}

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { toGhlDateTime } from './dates';
import { checkId, checkText } from './validation';

/** Text fields of the appointment, with the names the node shows for them (used in errors). */
const TEXT_FIELDS: Record<string, string> = {
	title: 'Title',
	appointmentStatus: 'Appointment Status',
	address: 'Address',
	meetingLocationType: 'Meeting Location Type',
	meetingLocationId: 'Meeting Location ID',
	description: 'Description',
};
const FLAGS = ['overrideLocationConfig', 'ignoreDateRange', 'toNotify', 'ignoreFreeSlotValidation'];

/** GHL's appointment body (AppointmentCreateSchema / AppointmentEditSchema), checked before any request. */
export function buildAppointmentBody(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.calendarId !== undefined) body.calendarId = checkId(ctx, itemIndex, 'Calendar', fields.calendarId);
	if (fields.assignedUserId !== undefined && fields.assignedUserId !== '') {
		body.assignedUserId = checkId(ctx, itemIndex, 'Assigned User', fields.assignedUserId);
	}
	for (const [key, label] of Object.entries(TEXT_FIELDS)) {
		if (fields[key] !== undefined && fields[key] !== '') body[key] = checkText(ctx, itemIndex, label, fields[key]);
	}
	for (const key of FLAGS) {
		if (fields[key] !== undefined) body[key] = fields[key] === true || fields[key] === 'true';
	}
	if (fields.startTime !== undefined) body.startTime = toGhlDateTime(ctx, itemIndex, 'Start Time', fields.startTime);
	if (fields.endTime !== undefined && fields.endTime !== '') {
		body.endTime = toGhlDateTime(ctx, itemIndex, 'End Time', fields.endTime);
	}
	if (body.startTime && body.endTime && Date.parse(body.endTime as string) <= Date.parse(body.startTime as string)) {
		throw new NodeOperationError(ctx.getNode(), `End Time: expected a time after the Start Time (${body.startTime}), got "${body.endTime}"`, {
			itemIndex,
		});
	}
	if (fields.rrule !== undefined && fields.rrule !== '') {
		if (body.ignoreFreeSlotValidation !== true) {
			throw new NodeOperationError(
				ctx.getNode(),
				'Recurrence Rule: GHL applies it only when Ignore Free Slot Validation is on; turn that on too',
				{ itemIndex },
			);
		}
		body.rrule = checkText(ctx, itemIndex, 'Recurrence Rule', fields.rrule);
	}
	return body;
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { toGhlDateTime } from './dates';
import { checkId, checkText, requireText } from './validation';

/** GHL's task body (CreateTaskParams / UpdateTaskBody) from the node's fields, checked field by field. */
export function buildTaskBody(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.title !== undefined) body.title = requireText(ctx, itemIndex, 'Title', fields.title);
	if (fields.body !== undefined && fields.body !== '') body.body = checkText(ctx, itemIndex, 'Description', fields.body);
	if (fields.dueDate !== undefined) body.dueDate = toGhlDateTime(ctx, itemIndex, 'Due Date', fields.dueDate);
	if (fields.completed !== undefined) body.completed = fields.completed === true || fields.completed === 'true';
	if (fields.assignedTo !== undefined && fields.assignedTo !== '') body.assignedTo = checkId(ctx, itemIndex, 'Assigned To', fields.assignedTo);
	return body;
}

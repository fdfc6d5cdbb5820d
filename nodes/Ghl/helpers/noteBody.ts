import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { checkId, checkText, requireText } from './validation';

/** GHL's note body (NotesDTO / UpdateNoteDTO) from the node's fields. */
export function buildNoteBody(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.body !== undefined) body.body = requireText(ctx, itemIndex, 'Body', fields.body);
	if (fields.userId !== undefined && fields.userId !== '') body.userId = checkId(ctx, itemIndex, 'User', fields.userId);
	if (fields.title !== undefined && fields.title !== '') body.title = checkText(ctx, itemIndex, 'Title', fields.title);
	if (fields.color !== undefined && fields.color !== '') body.color = checkText(ctx, itemIndex, 'Color', fields.color);
	if (fields.pinned !== undefined) body.pinned = fields.pinned === true || fields.pinned === 'true';
	return body;
}

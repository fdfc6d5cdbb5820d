import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { checkId, requireText } from './validation';

/** GHL's note body (NotesDTO / UpdateNoteDTO) from the node's fields. */
export function buildNoteBody(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.body !== undefined) body.body = requireText(ctx, itemIndex, 'Body', fields.body);
	if (fields.userId !== undefined && fields.userId !== '') body.userId = checkId(ctx, itemIndex, 'User', fields.userId);
	for (const key of ['title', 'color']) {
		if (fields[key] !== undefined && fields[key] !== '') body[key] = String(fields[key]).trim();
	}
	if (fields.pinned !== undefined) body.pinned = fields.pinned === true || fields.pinned === 'true';
	return body;
}

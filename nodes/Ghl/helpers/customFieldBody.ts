import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { checkText, requireText, toList } from './validation';

/** A location custom field's optional settings as GHL names them. */
export function customFieldSettings(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.name !== undefined) body.name = requireText(ctx, itemIndex, 'Name', fields.name);
	if (fields.placeholder !== undefined) body.placeholder = checkText(ctx, itemIndex, 'Placeholder', fields.placeholder);
	if (fields.position !== undefined) body.position = fields.position;
	if (toList(fields.acceptedFormat).length) body.acceptedFormat = toList(fields.acceptedFormat);
	if (fields.isMultipleFile !== undefined) body.isMultipleFile = fields.isMultipleFile;
	if (fields.maxNumberOfFiles !== undefined) body.maxNumberOfFiles = fields.maxNumberOfFiles;
	const boxes = ((fields.textBoxListOptions as IDataObject | undefined)?.option ?? []) as IDataObject[];
	if (boxes.length) {
		body.textBoxListOptions = boxes.map((box, index) => ({
			label: requireText(ctx, itemIndex, `Text Box List Options ${index + 1}: Label`, box.label),
			prefillValue: checkText(ctx, itemIndex, `Text Box List Options ${index + 1}: Prefill Value`, box.prefillValue),
		}));
	}
	return body;
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { checkText, requireText } from './validation';

/** A v2 field's optional settings as GHL names them. */
export function objectFieldSettings(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.name !== undefined) body.name = requireText(ctx, itemIndex, 'Name', fields.name);
	for (const [name, label] of [
		['description', 'Description'],
		['placeholder', 'Placeholder'],
	]) {
		if (fields[name] !== undefined) body[name] = checkText(ctx, itemIndex, label, fields[name]);
	}
	for (const name of ['showInForms', 'acceptedFormats', 'maxFileLimit']) if (fields[name] !== undefined) body[name] = fields[name];
	const options = ((fields.options as IDataObject | undefined)?.option ?? []) as IDataObject[];
	if (options.length) {
		body.options = options.map((option, index) => {
			const label = requireText(ctx, itemIndex, `Options ${index + 1}: Label`, option.label);
			const url = checkText(ctx, itemIndex, `Options ${index + 1}: URL`, option.url);
			return { key: requireText(ctx, itemIndex, `Options ${index + 1}: Key`, option.key), label, ...(url ? { url } : {}) };
		});
	}
	return body;
}

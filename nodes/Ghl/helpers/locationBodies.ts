import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { checkText, requireText } from './validation';

/** A custom value's body: name and value, both required by GHL (the value may be empty text, the name may not). */
export function customValueBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return {
		name: requireText(ctx, itemIndex, 'Name', ctx.getNodeParameter('name', itemIndex, '')),
		value: checkText(ctx, itemIndex, 'Value', ctx.getNodeParameter('value', itemIndex, '')),
	};
}

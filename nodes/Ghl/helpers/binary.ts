import { NodeOperationError } from 'n8n-workflow';
import type { IBinaryKeyData, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { GhlFile, MultipartFile } from '../../shared/transport';
import { checkText } from './validation';

/** Where a downloaded file goes on the output item. */
export const binaryOutputProperty: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	description: 'The name of the output binary field to put the file in',
};

/** The input item's files to upload, by binary field name (comma-separated for several). */
export function binaryInputProperty(description: string): INodeProperties {
	return {
		displayName: 'Input Binary Fields',
		name: 'binaryPropertyNames',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'e.g. data, attachment',
		description,
	};
}

/**
 * The input item's files named by a comma-separated list of binary fields, read for a multipart
 * upload: each part named `partName`, or by `partName(fileName)` where GHL names parts per file.
 */
export async function readInputFiles(
	ctx: IExecuteFunctions,
	itemIndex: number,
	partName: string | ((fileName: string) => string),
	parameter = 'binaryPropertyNames',
): Promise<MultipartFile[]> {
	const names = checkText(ctx, itemIndex, 'Input Binary Fields', ctx.getNodeParameter(parameter, itemIndex, 'data'))
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	if (!names.length) throw new NodeOperationError(ctx.getNode(), 'Input Binary Fields: expected at least one binary field name', { itemIndex });
	const files: MultipartFile[] = [];
	for (const name of names) {
		// Fails with n8n's own message naming the missing field, before anything is sent.
		const binary = ctx.helpers.assertBinaryData(itemIndex, name);
		const fileName = binary.fileName ?? `${name}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
		files.push({
			name: typeof partName === 'string' ? partName : partName(fileName),
			fileName,
			mimeType: binary.mimeType,
			data: await ctx.helpers.getBinaryDataBuffer(itemIndex, name),
		});
	}
	return files;
}

/** A file GHL answered with, as the output item's binary data. */
export async function toBinaryOutput(ctx: IExecuteFunctions, itemIndex: number, file: GhlFile, fallbackName: string): Promise<IBinaryKeyData> {
	const property = checkText(ctx, itemIndex, 'Put Output File in Field', ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')) || 'data';
	return { [property]: await ctx.helpers.prepareBinaryData(file.data, file.fileName ?? fallbackName, file.mimeType) };
}

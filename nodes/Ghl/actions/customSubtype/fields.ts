import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

/** GHL's limit on a subscription type's name and description. */
const MAX_LENGTH = 100;

export function checkLength(ctx: IExecuteFunctions, itemIndex: number, field: string, text: string): string {
	if (text.length > MAX_LENGTH) throw new NodeOperationError(ctx.getNode(), `${field}: expected at most ${MAX_LENGTH} characters, got ${text.length}`, { itemIndex });
	return text;
}

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { epochMs } from '../../helpers/conversations';
import { checkText } from '../../helpers/validation';

/** The call details of a call message (inbound or outbound), in Additional Fields. */
export const callProperties: INodeProperties[] = [
	{ displayName: 'Call From', name: 'callFrom', type: 'string', default: '', placeholder: 'e.g. +15551234567', description: 'Number the call came from (calls only)' },
	{
		displayName: 'Call Status',
		name: 'callStatus',
		type: 'options',
		options: [
			{ name: 'Answered', value: 'answered' },
			{ name: 'Busy', value: 'busy' },
			{ name: 'Canceled', value: 'canceled' },
			{ name: 'Completed', value: 'completed' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'No Answer', value: 'no-answer' },
			{ name: 'Pending', value: 'pending' },
			{ name: 'Voicemail', value: 'voicemail' },
		],
		default: 'completed',
		description: 'How the call ended (calls only)',
	},
	{ displayName: 'Call To', name: 'callTo', type: 'string', default: '', placeholder: 'e.g. +15557654321', description: 'Number called (calls only)' },
];

export function callBody(ctx: IExecuteFunctions, itemIndex: number, extra: IDataObject): IDataObject {
	const call: IDataObject = {};
	const from = checkText(ctx, itemIndex, 'Call From', extra.callFrom);
	const to = checkText(ctx, itemIndex, 'Call To', extra.callTo);
	if (from) call.from = from;
	if (to) call.to = to;
	call.status = extra.callStatus ?? 'completed';
	return call;
}

/** An n8n date input as the ISO date GHL takes, or undefined when empty. */
export function messageDate(ctx: IExecuteFunctions, itemIndex: number, value: unknown): string | undefined {
	const ms = epochMs(value);
	if (ms === undefined) return undefined;
	if (Number.isNaN(ms)) throw new NodeOperationError(ctx.getNode(), `Date: expected a date and time, got "${String(value)}"`, { itemIndex });
	return new Date(ms).toISOString();
}

/** Collection options in the node panel's order (by name). */
export function sortedOptions(options: INodeProperties[]): INodeProperties[] {
	return [...options].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

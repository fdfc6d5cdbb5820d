import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** The Limit of a Get Many operation, or undefined when Return All is on. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return ctx.getNodeParameter('limit', itemIndex, 50) as number;
}

/** For lists GHL returns whole (tasks, notes, appointments): the records under `key`, cut to the Limit. */
export function listFromResponse(
	ctx: IExecuteFunctions,
	itemIndex: number,
	response: IDataObject,
	key: string,
): IDataObject[] {
	const records = (Array.isArray(response[key]) ? response[key] : []) as IDataObject[];
	const limit = readLimit(ctx, itemIndex);
	return limit === undefined ? records : records.slice(0, limit);
}

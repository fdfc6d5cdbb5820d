import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameterResourceLocator,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { DEFAULT_CONCURRENCY } from '../../shared/concurrency';
import { forItem } from '../../shared/transport';
import { TagBatch } from '../helpers/tagBatch';
import { resources } from './index';
import { Deferred, WithBinary } from './types';
import type { OperationModule, RunScope } from './types';

export { DEFAULT_CONCURRENCY };
export const MAX_CONCURRENCY = 50;

/** The node's Concurrency parameter: how many items are in flight at once. */
export const concurrencyProperty: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
	default: DEFAULT_CONCURRENCY,
	noDataExpression: true,
	description:
		'How many items are sent to GHL at once. GHL’s rate limit is kept whatever the number: more only helps when GHL answers slowly (8 keep GHL’s 10 requests per second busy up to 0.8 s per answer). 1 sends items one after the other.',
};

function simplified(response: IDataObject | IDataObject[], unwrap: string | undefined): IDataObject | IDataObject[] {
	if (!unwrap || Array.isArray(response)) return response;
	const inner = response[unwrap];
	return inner !== undefined && inner !== null && typeof inner === 'object' ? (inner as IDataObject | IDataObject[]) : response;
}

function concurrencyOf(ctx: IExecuteFunctions): number {
	let value: unknown;
	try {
		value = ctx.getNodeParameter('concurrency', 0, DEFAULT_CONCURRENCY);
	} catch {
		value = DEFAULT_CONCURRENCY;
	}
	const number = Math.floor(Number(value));
	return Number.isFinite(number) ? Math.min(MAX_CONCURRENCY, Math.max(1, number)) : DEFAULT_CONCURRENCY;
}

/**
 * The contact an item writes to, as far as its parameters say (contact ID, or the email / phone an
 * upsert or create matches by): two items with the same key never run at the same time, so two
 * updates of one contact land in input order, and two upserts of one email cannot race into two
 * contacts.
 */
function serialKey(ctx: IExecuteFunctions, module: OperationModule, itemIndex: number): string | undefined {
	// Reads of one contact can overlap: every item of a run does the same operation, so none writes.
	const { method, path } = module.meta.endpoint;
	if (method === 'GET' || path.endsWith('/search')) return undefined;
	const names = new Set(module.properties.map((property) => property.name));
	try {
		if (names.has('contactId')) {
			const locator = ctx.getNodeParameter('contactId', itemIndex) as INodeParameterResourceLocator | string;
			const value = typeof locator === 'string' ? locator : locator?.value;
			return value ? `contact:${String(value).trim().toLowerCase()}` : undefined;
		}
		if (names.has('email') || names.has('phone')) {
			const email = names.has('email') ? String(ctx.getNodeParameter('email', itemIndex, '') ?? '').trim().toLowerCase() : '';
			if (email) return `contact:${email}`;
			const phone = names.has('phone') ? String(ctx.getNodeParameter('phone', itemIndex, '') ?? '').replace(/[^\d+]/g, '') : '';
			return phone ? `contact:${phone}` : undefined;
		}
	} catch {
		// A parameter that cannot be read fails the item when it runs; here it only has no key.
	}
	return undefined;
}

/**
 * Runs the selected operation for every input item, up to Concurrency items at once (all requests
 * still go through the per-location pacer, so the process stays under GHL's limit). The output is
 * in input order and every item carries its pairedItem, however the answers arrive.
 *
 * With "Continue On Fail" a failed item becomes one error item and the run goes on. Without it the
 * first failure stops the run: no item is started after it, the items already in flight finish,
 * tags already queued for written contacts are still added, and the error names the first failed
 * item in input order.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const toErrorOutput = this.getNode().onError === 'continueErrorOutput';
	const run: RunScope = { tags: new TagBatch(this) };
	const results: INodeExecutionData[][] = new Array(items.length);
	const finishing: Array<Promise<void>> = [];
	const failures = new Map<number, Error>();
	const inFlightByKey = new Map<string, Promise<void>>();
	let next = 0;
	let stopped = false;

	const succeed = (itemIndex: number, module: OperationModule, response: IDataObject | IDataObject[] | WithBinary) => {
		if (response instanceof WithBinary) {
			results[itemIndex] = [{ json: response.json, binary: response.binary, pairedItem: { item: itemIndex } }];
			return;
		}
		const simplify = module.meta.unwrap ? (this.getNodeParameter('simplify', itemIndex, true) as boolean) : false;
		const result = simplify ? simplified(response, module.meta.unwrap) : response;
		results[itemIndex] = this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
			itemData: { item: itemIndex },
		});
	};
	const fail = (itemIndex: number, error: Error & { description?: string; httpCode?: string }) => {
		if (continueOnFail) {
			results[itemIndex] = [
				{
					json: {
						error: error.message,
						...(error.description ? { errorDescription: error.description } : {}),
						...(error.httpCode ? { httpCode: error.httpCode } : {}),
					},
					// With "On Error: Continue (using error output)" n8n routes an item to the error output
					// by this property (its json alone counts only when it holds nothing but error/message).
					// n8n then keeps only the message in the json, so it is set only for that setting.
					...(toErrorOutput ? { error: error as NodeApiError } : {}),
					pairedItem: { item: itemIndex },
				},
			];
			return;
		}
		failures.set(itemIndex, error);
		stopped = true;
	};

	const runItem = async (itemIndex: number, module: OperationModule | undefined) => {
		try {
			if (!module) {
				const resource = this.getNodeParameter('resource', itemIndex) as string;
				const operation = this.getNodeParameter('operation', itemIndex) as string;
				throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}" for resource "${resource}"`, {
					itemIndex,
				});
			}
			// Each item acts for its own sub-account under an agency credential (forItem).
			const response = await module.execute.call(forItem(this, itemIndex), itemIndex, run);
			if (response instanceof Deferred) {
				// Settles after this item's slot is free (e.g. once its tags went out in a bulk call).
				finishing.push(
					response.result.then(
						(complete) => succeed(itemIndex, module, complete),
						(error: Error) => fail(itemIndex, error),
					),
				);
			} else {
				succeed(itemIndex, module, response);
			}
		} catch (error) {
			fail(itemIndex, error as Error);
		}
	};

	const moduleOf = (itemIndex: number): OperationModule | undefined => {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			return resources[resource]?.operations[operation];
		} catch {
			return undefined;
		}
	};

	const worker = async () => {
		while (!stopped && next < items.length) {
			const itemIndex = next++;
			const module = moduleOf(itemIndex);
			const key = module ? serialKey(this, module, itemIndex) : undefined;
			const before = key ? inFlightByKey.get(key) : undefined;
			const done = (async () => {
				if (before) await before;
				// Nothing starts after a failure (without Continue On Fail).
				if (!stopped) await runItem(itemIndex, module);
			})();
			if (key) {
				inFlightByKey.set(key, done);
				void done.finally(() => {
					if (inFlightByKey.get(key) === done) inFlightByKey.delete(key);
				});
			}
			await done;
		}
	};

	const workers = Math.min(concurrencyOf(this), Math.max(1, items.length));
	await Promise.all(Array.from({ length: workers }, async () => await worker()));
	// Tags queued for contacts already written are added even when the run stops early.
	await run.tags.flush();
	await Promise.all(finishing);

	if (failures.size) {
		const itemIndex = Math.min(...failures.keys());
		const error = failures.get(itemIndex) as Error;
		if (error instanceof NodeApiError) {
			error.context.itemIndex = itemIndex;
			throw new NodeApiError(this.getNode(), error as unknown as JsonObject, { itemIndex });
		}
		if (error instanceof NodeOperationError) error.context.itemIndex = itemIndex;
		throw new NodeOperationError(this.getNode(), error, { itemIndex });
	}
	return [results.flat()];
}

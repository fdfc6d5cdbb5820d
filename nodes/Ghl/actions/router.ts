import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { resources } from './index';

function simplified(response: IDataObject | IDataObject[], unwrap: string | undefined): IDataObject | IDataObject[] {
	if (!unwrap || Array.isArray(response)) return response;
	const inner = response[unwrap];
	return inner !== undefined && inner !== null && typeof inner === 'object' ? (inner as IDataObject | IDataObject[]) : response;
}

/**
 * Runs the selected operation once per input item, in input order. Every output item carries its
 * pairedItem; with "Continue On Fail" a failed item becomes one error item and the run goes on.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const module = resources[resource]?.operations[operation];
			if (!module) {
				throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}" for resource "${resource}"`, {
					itemIndex,
				});
			}
			const response = await module.execute.call(this, itemIndex);
			const simplify = module.meta.unwrap ? (this.getNodeParameter('simplify', itemIndex, true) as boolean) : false;
			const result = simplify ? simplified(response, module.meta.unwrap) : response;
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({
					json: {
						error: error.message,
						...(error.description ? { errorDescription: error.description } : {}),
						...(error.httpCode ? { httpCode: error.httpCode } : {}),
					},
					// With "On Error: Continue (using error output)" n8n routes an item to the error output
					// by this property (its json alone counts only when it holds nothing but error/message).
					error: error as NodeApiError,
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			if (error instanceof NodeApiError) {
				error.context.itemIndex = itemIndex;
				throw new NodeApiError(this.getNode(), error as unknown as JsonObject, { itemIndex });
			}
			if (error instanceof NodeOperationError) error.context.itemIndex = itemIndex;
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
	}
	return [output];
}

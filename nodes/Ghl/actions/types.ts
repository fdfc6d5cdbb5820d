import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { GhlApiName } from '../../shared/transport';

/** The GHL endpoint an operation exists for: the README table and docs/catalogue.json come from it. */
export interface OperationEndpoint {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
	/** Path template exactly as in GHL's OpenAPI file. */
	path: string;
	/** operationId in GHL's OpenAPI file. */
	operationId: string;
	/** Which GHL API (and so which Version header). */
	api: GhlApiName;
	/** Scopes the token needs, as GHL's spec declares them. */
	scopes: string[];
}

export interface OperationMeta {
	/** Title Case label in the Operation list. */
	name: string;
	value: string;
	/** Sentence shown in the node picker and to AI agents, e.g. "Create a contact". */
	action: string;
	description: string;
	endpoint: OperationEndpoint;
	/** Key GHL nests the record under (`{contact: …}`); the Simplify option returns just that. */
	unwrap?: string;
}

/** One operation: its fields and its execute side by side, in one file. */
export interface OperationModule {
	meta: OperationMeta;
	properties: INodeProperties[];
	/** Runs the operation for one input item; the router owns the loop, pairedItem and errors. */
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

export interface Resource {
	name: string;
	value: string;
	description: string;
	operations: Record<string, OperationModule>;
	/** Operation selector followed by every operation's fields, each shown only for its operation. */
	properties: INodeProperties[];
}

const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

export function defineResource(
	resource: { name: string; value: string; description: string },
	modules: OperationModule[],
): Resource {
	const sorted = [...modules].sort((a, b) => a.meta.name.localeCompare(b.meta.name));
	const operationProperty: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: sorted.map(({ meta }) => ({
			name: meta.name,
			value: meta.value,
			action: meta.action,
			description: meta.description,
		})),
		default: '',
	};
	operationProperty.default = sorted[0].meta.value;
	const fieldProperties = sorted.flatMap((module) =>
		updateDisplayOptions(
			{ show: { resource: [resource.value], operation: [module.meta.value] } },
			module.meta.unwrap ? [...module.properties, simplifyProperty] : module.properties,
		),
	);
	return {
		...resource,
		operations: Object.fromEntries(sorted.map((module) => [module.meta.value, module])),
		properties: [operationProperty, ...fieldProperties],
	};
}

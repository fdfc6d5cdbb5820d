import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { Ghl } from '../../nodes/Ghl/Ghl.node';
import { GhlPollingTrigger } from '../../nodes/GhlPollingTrigger/GhlPollingTrigger.node';
import { GhlTrigger } from '../../nodes/GhlTrigger/GhlTrigger.node';

export const PACKAGE = 'n8n-nodes-ghl';

/** Stand-in for n8n-nodes-base.manualTrigger so workflows exported from the editor run as they are. */
class ManualTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts the workflow',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** Stand-in for n8n-nodes-base.noOp: passes items through, useful as a sink in tests. */
class NoOp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'No Operation',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'Passes items through',
		defaults: { name: 'No Op' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** Emits the items given as JSON in its `items` parameter: the input a GHL node gets in a test. */
class TestItems implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Items',
		name: 'testItems',
		group: ['input'],
		version: 1,
		description: 'Emits fixed items',
		defaults: { name: 'Items' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'string', default: '[{}]', description: 'JSON items; an item\'s `$binary` becomes its binary data' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as Array<Record<string, unknown>>;
		// `$binary` becomes the item's binary data (n8n's in-item form: base64 `data`, mimeType, fileName).
		return [
			items.map(({ $binary, ...json }) => ({
				json: json as INodeExecutionData['json'],
				...($binary ? { binary: $binary as INodeExecutionData['binary'] } : {}),
				pairedItem: { item: 0 },
			})),
		];
	}
}

export const registeredNodeTypes: Record<string, INodeType | IVersionedNodeType> = {
	[`${PACKAGE}.ghl`]: new Ghl(),
	[`${PACKAGE}.ghlTrigger`]: new GhlTrigger(),
	[`${PACKAGE}.ghlPollingTrigger`]: new GhlPollingTrigger(),
	'n8n-nodes-base.manualTrigger': new ManualTrigger(),
	'n8n-nodes-base.noOp': new NoOp(),
	[`${PACKAGE}.testItems`]: new TestItems(),
};

export function register(typeName: string, nodeType: INodeType | IVersionedNodeType): void {
	registeredNodeTypes[typeName] = nodeType;
}

export const nodeTypes: INodeTypes = {
	getByName(type) {
		const nodeType = registeredNodeTypes[type];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	},
	getByNameAndVersion(type, version) {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	},
	getKnownTypes() {
		return {};
	},
};

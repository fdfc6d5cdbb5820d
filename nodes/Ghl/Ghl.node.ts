import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { authenticationProperty, credentials, subAccountProperty } from '../shared/authentication';
import { resourceList } from './actions';
import { concurrencyProperty, route } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class Ghl implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel (GHL)',
		name: 'ghl',
		icon: { light: 'file:ghl.svg', dark: 'file:ghl.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Contacts, tasks, notes, appointments, tags and more in HighLevel (GHL, GoHighLevel, LeadConnector)',
		defaults: { name: 'HighLevel (GHL)' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceList
					.map(({ name, value, description }) => ({ name, value, description }))
					.sort((a, b) => a.name.localeCompare(b.name)),
				default: 'contact',
			},
			subAccountProperty,
			...resourceList.flatMap((resource) => resource.properties),
			concurrencyProperty,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}

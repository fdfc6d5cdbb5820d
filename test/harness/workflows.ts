import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';
import type { WorkflowJson } from './run';
import { PACKAGE } from './nodeTypes';
import type { StoredCredential } from './credentials';

let nodeCounter = 0;

/** The node's Authentication value for each credential type. */
export const AUTHENTICATION_OF: Record<string, string> = { ghlApi: 'privateIntegration', ghlOAuth2Api: 'oAuth2', ghlAgencyOAuth2Api: 'agencyOAuth2' };

/** The credential reference the node JSON carries for a stored test credential. */
export function credentialRef(credential: StoredCredential): INode['credentials'] {
	return { [credential.type]: { id: credential.id, name: credential.name } };
}

/**
 * A workflow as the editor would save it: Manual Trigger → (optional Set-like item source) → GHL node.
 * `items` become the GHL node's input items (one per element).
 */
export function ghlWorkflow(
	parameters: INodeParameters,
	credential: StoredCredential,
	options: { items?: IDataObject[]; settings?: IDataObject; continueOnFail?: boolean; nodeName?: string } = {},
): WorkflowJson {
	const nodeName = options.nodeName ?? 'GHL';
	const authentication = AUTHENTICATION_OF[credential.type] ?? 'privateIntegration';
	const nodes: INode[] = [
		{
			id: `start-${++nodeCounter}`,
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: `items-${nodeCounter}`,
			name: 'Items',
			type: `${PACKAGE}.testItems`,
			typeVersion: 1,
			position: [200, 0],
			parameters: { items: JSON.stringify(options.items ?? [{}]) },
		},
		{
			id: `ghl-${nodeCounter}`,
			name: nodeName,
			type: `${PACKAGE}.ghl`,
			typeVersion: 1,
			position: [400, 0],
			parameters: { authentication, ...parameters },
			credentials: credentialRef(credential),
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		},
	];
	return {
		nodes,
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: nodeName, type: 'main', index: 0 }]] },
		},
		settings: options.settings,
	};
}

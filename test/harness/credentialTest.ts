import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';
import { credentialTypes, TestCredentialsHelper } from './credentials';
import type { StoredCredential } from './credentials';
import { nodeTypes, PACKAGE, register } from './nodeTypes';
import { buildWorkflow, runWorkflow } from './run';

/**
 * Sends a credential type's `test` request the way n8n's credential tester does: its expressions
 * resolved against the stored credential, then sent through the credential's own authentication.
 */
class AuthenticatedRequest implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Authenticated Request',
		name: 'authenticatedRequest',
		group: ['transform'],
		version: 1,
		description: 'Sends one request with a credential',
		defaults: { name: 'Request' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'ghlApi', required: false },
			{ name: 'ghlOAuth2Api', required: false },
			{ name: 'ghlAgencyOAuth2Api', required: false },
		],
		properties: [
			{ displayName: 'Credential Type', name: 'credentialType', type: 'string', default: '' },
			{ displayName: 'Request', name: 'request', type: 'string', default: '{}' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentialType = this.getNodeParameter('credentialType', 0) as string;
		const request = JSON.parse(this.getNodeParameter('request', 0) as string) as IHttpRequestOptions;
		try {
			const response = await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
				...request,
				json: true,
				returnFullResponse: true,
			});
			return [[{ json: { statusCode: response.statusCode, body: response.body } as IDataObject }]];
		} catch (error) {
			throw new NodeApiError(this.getNode(), error as JsonObject);
		}
	}
}
register(`${PACKAGE}.authenticatedRequest`, new AuthenticatedRequest());

function resolve(value: unknown, credentials: ICredentialDataDecryptedObject, node: INode): unknown {
	const workflow = buildWorkflow({ nodes: [node], connections: {} });
	if (typeof value === 'string' && value.startsWith('=')) {
		return workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
	}
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolve(inner, credentials, node)]));
	}
	return value;
}

export async function runCredentialTest(credential: StoredCredential) {
	const helper = new TestCredentialsHelper(nodeTypes);
	helper.add(credential);
	const test = credentialTypes[credential.type].test;
	if (!test) throw new Error(`${credential.type} has no test request`);
	const node: INode = {
		id: 'request',
		name: 'Request',
		type: `${PACKAGE}.authenticatedRequest`,
		typeVersion: 1,
		position: [200, 0],
		parameters: {},
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
	};
	const decrypted = await helper.getDecrypted({} as never, { id: credential.id, name: credential.name }, credential.type, 'internal');
	const { baseURL, url, ...rest } = resolve(test.request, decrypted, node) as IDataObject;
	node.parameters = {
		credentialType: credential.type,
		request: JSON.stringify({ ...rest, url: `${baseURL}${url}` }),
	};
	return await runWorkflow(
		{
			nodes: [
				{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				node,
			],
			connections: { Start: { main: [[{ node: 'Request', type: 'main', index: 0 }]] } },
		},
		{ credentialsHelper: helper },
	);
}

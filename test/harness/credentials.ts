import { Credentials } from 'n8n-core';
import {
	ICredentialsHelper,
	isExpression,
	NodeHelpers,
	Workflow,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { GhlApi } from '../../credentials/GhlApi.credentials';
import { GhlAgencyOAuth2Api } from '../../credentials/GhlAgencyOAuth2Api.credentials';
import { GhlOAuth2Api } from '../../credentials/GhlOAuth2Api.credentials';
import { registerCredential } from './secrets';

/** Our credential types, keyed by name, as n8n's loader registers them. */
export const credentialTypes: Record<string, ICredentialType> = Object.fromEntries(
	[new GhlApi(), new GhlOAuth2Api(), new GhlAgencyOAuth2Api()].map((type) => [type.name, type]),
);

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

const expressionNode = {
	id: 'credential-expression',
	name: 'credential',
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as INode;

/**
 * The parts of n8n's CLI CredentialsHelper a node run touches: defaults and `$self` expressions of
 * the credential type resolved as n8n does, generic `authenticate` injection, parent types for
 * OAuth2 dispatch, and token persistence, so a rotated refresh token is really stored.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly store = new Map<string, StoredCredential>();

	readonly tokenUpdates: Array<{ id: string; oauthTokenData: unknown }> = [];

	constructor(private readonly nodeTypes: INodeTypes) {
		super();
	}

	add(credential: StoredCredential): void {
		// Its secrets must not come back in any output, error or log line (test/secrets.setup.ts).
		registerCredential(credential);
		this.store.set(credential.id, structuredClone(credential));
	}

	private expressionWorkflow(): Workflow {
		return new Workflow({ nodes: [expressionNode], connections: {}, active: false, nodeTypes: this.nodeTypes });
	}

	getParentTypes(name: string): string[] {
		return credentialTypes[name]?.extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type]?.properties ?? [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = credentialTypes[typeName];
		if (typeof authenticate === 'object' && authenticate.type === 'generic' && workflow && node) {
			const resolve = (value: string) =>
				isExpression(value)
					? String(
							workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '') ?? '',
						)
					: value;
			for (const [target, entries] of Object.entries(authenticate.properties)) {
				const options = requestOptions as unknown as Record<string, Record<string, string>>;
				options[target] = options[target] ?? {};
				for (const [key, value] of Object.entries(entries as Record<string, string>)) {
					options[target][resolve(key)] = resolve(value);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(details: INodeCredentialsDetails, type: string): Promise<Credentials> {
		const stored = this.find(details, type);
		const credentials = new Credentials({ id: stored.id, name: stored.name }, type);
		credentials.setData(stored.data);
		return credentials;
	}

	private find(details: INodeCredentialsDetails, type: string): StoredCredential {
		const stored = details.id ? this.store.get(details.id) : undefined;
		if (!stored || stored.type !== type) throw new Error(`No test credential ${details.id} of type ${type}`);
		return stored;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		details: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.find(details, type);
		const properties = this.getCredentialsProperties(type);
		const withDefaults = NodeHelpers.getNodeParameters(properties, structuredClone(stored.data) as INodeParameters, true, false, null, null) ?? {};
		const data = { ...structuredClone(stored.data), ...withDefaults } as ICredentialDataDecryptedObject;
		return this.expressionWorkflow().expression.getComplexParameterValue(
			expressionNode,
			data as never,
			mode,
			{},
			undefined,
			undefined,
			data,
		) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(details: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.find(details, type).data = structuredClone(data);
	}

	async updateCredentialsOauthTokenData(
		details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.find(details, type);
		registerCredential({ type, data });
		stored.data = { ...stored.data, oauthTokenData: structuredClone(data.oauthTokenData) };
		this.tokenUpdates.push({ id: stored.id, oauthTokenData: structuredClone(data.oauthTokenData) });
	}
}

import { createServer } from 'http';
import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { parse as parseQueryString } from 'querystring';
import { ExecutionLifecycleHooks, PollContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import type { Sandbox } from '../../sandbox';
import { TestCredentialsHelper } from '../harness/credentials';
import type { StoredCredential } from '../harness/credentials';
import { nodeTypes, PACKAGE } from '../harness/nodeTypes';
import { additionalDataFor, buildWorkflow } from '../harness/run';
import { observe } from '../harness/secrets';
import { credentialRef } from '../harness/workflows';

// ---------------------------------------------------------------------------
// Direct GHL API calls to the sandbox (to make the writes that queue webhook events)

export interface Api {
	(method: string, path: string, body?: unknown, version?: string): Promise<IDataObject>;
}

export function sandboxApi(sandbox: Sandbox, token = sandbox.demo.privateToken): Api {
	return async (method, path, body, version = '2021-07-28') => {
		const response = await fetch(`${sandbox.url}${path}`, {
			method,
			headers: {
				Authorization: `Bearer ${token}`,
				Version: version,
				Accept: 'application/json',
				...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		const json = (text ? JSON.parse(text) : {}) as IDataObject;
		if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
		return json;
	};
}

/** Runs `count` tasks with at most `concurrency` in flight. */
export async function inParallel<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
	const results: T[] = new Array(count);
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const index = next++;
			results[index] = await task(index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
	return results;
}

// ---------------------------------------------------------------------------
// Webhook trigger: an HTTP server that hands every request to the node in n8n-core's WebhookContext

export interface DeliveryRecord {
	status: number;
	body: string;
	started: boolean;
	items: IDataObject[];
	headers: IDataObject;
	/** What the node threw (n8n answers 500 then). */
	error?: Error;
}

let webhookCounter = 0;

/**
 * Reads a request body as n8n's webhook server does (packages/cli/src/middlewares/body-parser.ts):
 * multipart is left to a later reader, so there is no raw body; everything else is kept as
 * `rawBody`, and parsed by its Content-Type (JSON, form, text; XML left unparsed here) into `body`.
 * The parsed body follows the Content-Type, not the bytes, which is what makes it untrustworthy.
 */
async function readLikeN8n(req: IncomingMessage): Promise<{ rawBody?: Buffer; body: unknown }> {
	const contentType = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	if (contentType.startsWith('multipart/')) return { body: {} };
	const rawBody = Buffer.concat(chunks);
	let body: unknown = {};
	if (rawBody.length) {
		const text = rawBody.toString('utf8');
		if (contentType === 'application/json') {
			try {
				body = JSON.parse(text);
			} catch {
				body = {};
			}
		} else if (contentType === 'application/x-www-form-urlencoded') {
			body = { ...parseQueryString(text) };
		} else if (contentType === 'text/plain') {
			body = text;
		}
	}
	return { rawBody, body };
}

/**
 * Plays n8n's webhook server for one GHL Trigger node: per request it builds the workflow from its
 * saved JSON and static data (as n8n does, loading it from the database), calls the node's
 * `webhook()` on the real WebhookContext with the raw body, answers like n8n does for
 * `responseMode: onReceived`, and saves the static data back.
 */
export class TriggerServer {
	readonly deliveries: DeliveryRecord[] = [];

	readonly credentials = new TestCredentialsHelper(nodeTypes);

	staticData: IDataObject = {};

	/** Plays an n8n that kept no raw body for the request (as for multipart, or when another reader took it). */
	dropRawBody = false;

	url = '';

	private server?: Server;

	readonly node: INode;

	constructor(
		parameters: INodeParameters,
		credential?: StoredCredential | StoredCredential[],
		readonly workflowId = `wf-trigger-${++webhookCounter}`,
	) {
		const credentials = credential === undefined ? [] : ([] as StoredCredential[]).concat(credential);
		this.node = {
			id: `ghl-trigger-${webhookCounter}`,
			name: 'GHL Trigger',
			type: `${PACKAGE}.ghlTrigger`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: `hook-${webhookCounter}`,
			parameters,
			...(credentials.length ? { credentials: Object.assign({}, ...credentials.map(credentialRef)) } : {}),
		};
		for (const stored of credentials) this.credentials.add(stored);
	}

	async start(): Promise<string> {
		this.server = createServer((req, res) => {
			void this.handle(req, res);
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook/${this.node.webhookId}/webhook`;
		return this.url;
	}

	async close(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
	}

	get started(): DeliveryRecord[] {
		return this.deliveries.filter((delivery) => delivery.started);
	}

	count(status: number): number {
		return this.deliveries.filter((delivery) => delivery.status === status).length;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const read = await readLikeN8n(req);
		const { body } = read;
		const rawBody = this.dropRawBody ? undefined : read.rawBody;
		const record: DeliveryRecord = { status: 0, body: '', started: false, items: [], headers: req.headers as IDataObject };
		const originalEnd = res.end.bind(res);
		const chunksOut: string[] = [];
		res.end = ((chunk?: unknown, ...rest: unknown[]) => {
			if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) chunksOut.push(chunk.toString());
			record.status = res.statusCode;
			record.body = chunksOut.join('');
			return (originalEnd as (...args: unknown[]) => ServerResponse)(chunk, ...rest);
		}) as ServerResponse['end'];

		const workflow = buildWorkflow({
			id: this.workflowId,
			nodes: [this.node],
			connections: {},
			staticData: structuredClone(this.staticData),
		});
		const node = workflow.getNode(this.node.name)!;
		const workflowData = { id: workflow.id, name: workflow.name, nodes: [node], connections: {} } as unknown as IWorkflowBase;
		const additionalData = additionalDataFor(this.credentials, new ExecutionLifecycleHooks('webhook', 'exec-webhook', workflowData));
		Object.assign(additionalData, {
			// The request object itself, as n8n hands it over: rawHeaders included.
			httpRequest: Object.assign(req, { body, rawBody, query: {}, params: {} }),
			httpResponse: res,
		});
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'webhook',
			webhookDescription: nodeTypes.getByNameAndVersion(node.type, 1).description.webhooks![0],
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData as IWorkflowExecuteAdditionalData,
			webhookId: node.webhookId,
		};
		const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
		const nodeType = nodeTypes.getByNameAndVersion(node.type, 1) as INodeType;
		try {
			const result = await nodeType.webhook!.call(context);
			// n8n saves static data to the database as JSON.
			this.staticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
			if (result.noWebhookResponse) {
				// The node answered itself.
			} else if (result.workflowData) {
				record.started = true;
				record.items = (result.workflowData[0] ?? []).map((item: INodeExecutionData) => item.json);
				// responseData 'noData': n8n answers 200 with no body.
				res.writeHead(200);
				res.end();
			} else {
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ message: 'Webhook call received' }));
			}
		} catch (error) {
			record.error = error as Error;
			if (!res.headersSent) {
				res.writeHead(500, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ message: (error as Error).message }));
			}
		}
		observe('a webhook answer, trigger output or error', [record.body, record.items, record.error]);
		this.deliveries.push(record);
	}
}

// ---------------------------------------------------------------------------
// Polling trigger: n8n-core's PollContext on a workflow whose static data lives across polls

export class Poller {
	readonly credentials = new TestCredentialsHelper(nodeTypes);

	readonly node: INode;

	private readonly workflow;

	constructor(parameters: INodeParameters, credential: StoredCredential, budgetMs?: number) {
		this.node = {
			id: `ghl-poll-${++webhookCounter}`,
			name: 'GHL Polling Trigger',
			type: `${PACKAGE}.ghlPollingTrigger`,
			typeVersion: 1,
			position: [0, 0],
			parameters: { authentication: 'privateIntegration', ...parameters },
			credentials: credentialRef(credential),
		};
		this.credentials.add(credential);
		this.workflow = buildWorkflow({ id: `wf-poll-${webhookCounter}`, nodes: [this.node], connections: {} });
		this.budgetMs = budgetMs;
	}

	private readonly budgetMs?: number;

	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.workflow.getNode(this.node.name)!);
	}

	/** One poll; returns the emitted items' JSON, or null when the node returned null. */
	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<IDataObject[] | null> {
		const node = this.workflow.getNode(this.node.name)!;
		const workflowData = { id: this.workflow.id, name: this.workflow.name, nodes: [node], connections: {} } as unknown as IWorkflowBase;
		const additionalData = additionalDataFor(this.credentials, new ExecutionLifecycleHooks(mode, 'exec-poll', workflowData));
		const context = new PollContext(
			this.workflow,
			node,
			additionalData,
			mode,
			mode === 'manual' ? 'manual' : 'activate',
			undefined,
			undefined,
			undefined,
			undefined,
			undefined,
			this.budgetMs === undefined ? undefined : () => this.budgetMs!,
		);
		const nodeType = nodeTypes.getByNameAndVersion(node.type, 1) as INodeType;
		try {
			const result = await nodeType.poll!.call(context);
			observe('a poll\'s output', result);
			return result === null ? null : result[0].map((item) => item.json);
		} catch (error) {
			observe('a poll\'s error', error);
			throw error;
		}
	}
}

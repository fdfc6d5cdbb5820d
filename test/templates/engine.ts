/**
 * Runs the workflow templates (templates/*.json) in n8n-core's real WorkflowExecute, with n8n 2.41.1's
 * own base nodes (Set, IF, HTTP Request, Code, No Operation…) loaded from the e2e runtime
 * (.cache/n8n-host, installed by scripts/lib/runtime.sh) and our HighLevel nodes from source.
 *
 * The Code node is n8n's; only its task runner is replaced: the job runs in-process in a `vm`
 * context built from the node's WorkflowDataProxy ($input, $('Node'), $getWorkflowStaticData, …),
 * which is what n8n's JS task runner builds too, and its result is serialised as the runner's is.
 * Workflow static data is kept between runs as n8n keeps it for production executions.
 */
import { existsSync } from 'fs';
import { createRequire } from 'module';
import path from 'path';
import { Script, createContext } from 'vm';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { createRunExecutionData, NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	IConnections,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Ghl } from '../../nodes/Ghl/Ghl.node';
import { GhlPollingTrigger } from '../../nodes/GhlPollingTrigger/GhlPollingTrigger.node';
import { GhlTrigger } from '../../nodes/GhlTrigger/GhlTrigger.node';
import { additionalDataFor } from '../harness/run';
import { TestCredentialsHelper, type StoredCredential } from '../harness/credentials';

const ROOT = path.resolve(__dirname, '../..');
const HOST_BASE = path.join(process.env.N8N_HOST_DIR ?? path.join(ROOT, '.cache/n8n-host'), 'node_modules/n8n-nodes-base');

/** Whether n8n's base nodes are installed (scripts/lib/runtime.sh n8n); the template runs need them. */
export const baseNodesInstalled = existsSync(path.join(HOST_BASE, 'package.json'));

const BASE_NODE_FILES: Record<string, string> = {
	'n8n-nodes-base.manualTrigger': 'dist/nodes/ManualTrigger/ManualTrigger.node.js',
	'n8n-nodes-base.scheduleTrigger': 'dist/nodes/Schedule/ScheduleTrigger.node.js',
	'n8n-nodes-base.webhook': 'dist/nodes/Webhook/Webhook.node.js',
	'n8n-nodes-base.stickyNote': 'dist/nodes/StickyNote/StickyNote.node.js',
	'n8n-nodes-base.set': 'dist/nodes/Set/Set.node.js',
	'n8n-nodes-base.if': 'dist/nodes/If/If.node.js',
	'n8n-nodes-base.noOp': 'dist/nodes/NoOp/NoOp.node.js',
	'n8n-nodes-base.code': 'dist/nodes/Code/Code.node.js',
	'n8n-nodes-base.httpRequest': 'dist/nodes/HttpRequest/HttpRequest.node.js',
	'n8n-nodes-base.respondToWebhook': 'dist/nodes/RespondToWebhook/RespondToWebhook.node.js',
	'n8n-nodes-base.extractFromFile': 'dist/nodes/Files/ExtractFromFile/ExtractFromFile.node.js',
	'n8n-nodes-base.splitInBatches': 'dist/nodes/SplitInBatches/SplitInBatches.node.js',
	'n8n-nodes-base.wait': 'dist/nodes/Wait/Wait.node.js',
};

let loaded: Record<string, INodeType | IVersionedNodeType> | undefined;

/**
 * The Wait node imports n8n's Form helpers, which import sanitize-html, whose htmlparser2 12 is
 * ESM-only: n8n loads it with Node's require(esm), jest's module registry cannot. Only forms use
 * it (the templates' Wait nodes wait for a time interval), so under jest it is a module that
 * fails loudly if anything calls it.
 */
function withoutSanitizeHtml(hostRequire: NodeRequire): void {
	const formUtils = hostRequire.resolve(path.join(HOST_BASE, 'dist/nodes/Form/utils/utils.js'));
	const sanitizeHtml = createRequire(formUtils).resolve('sanitize-html');
	jest.doMock(sanitizeHtml, () => () => {
		throw new Error('sanitize-html is not loaded in the template tests (ESM-only htmlparser2); no template node may need it');
	});
}

/** n8n's node classes, loaded with Node's own require (jest's module registry ignores .cache/). */
function nodeTypeMap(): Record<string, INodeType | IVersionedNodeType> {
	if (loaded) return loaded;
	const hostRequire = createRequire(path.join(HOST_BASE, 'package.json'));
	withoutSanitizeHtml(hostRequire);
	loaded = { 'n8n-nodes-ghl.ghl': new Ghl(), 'n8n-nodes-ghl.ghlTrigger': new GhlTrigger(), 'n8n-nodes-ghl.ghlPollingTrigger': new GhlPollingTrigger() };
	for (const [type, file] of Object.entries(BASE_NODE_FILES)) {
		const exports = hostRequire(path.join(HOST_BASE, file)) as Record<string, new () => INodeType | IVersionedNodeType>;
		const NodeClass = Object.values(exports).find((value) => typeof value === 'function');
		if (!NodeClass) throw new Error(`${file} exports no node class`);
		loaded[type] = new NodeClass();
	}
	return loaded;
}

export const templateNodeTypes: INodeTypes = {
	getByName(type) {
		const nodeType = nodeTypeMap()[type];
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

/**
 * Adds what n8n's generic HTTP credential types (httpBasicAuth, httpHeaderAuth, httpQueryAuth,
 * httpCustomAuth) put on a request when a node asks n8n to authenticate it (HTTP Request pagination).
 */
class BaseCredentialsHelper extends TestCredentialsHelper {
	async authenticate(...args: Parameters<TestCredentialsHelper['authenticate']>): ReturnType<TestCredentialsHelper['authenticate']> {
		const [credentials, typeName, requestOptions] = args;
		const options = requestOptions as IDataObject & { headers?: IDataObject; qs?: IDataObject; body?: unknown };
		switch (typeName) {
			case 'httpBasicAuth':
				options.auth = { username: credentials.user, password: credentials.password };
				return options as never;
			case 'httpHeaderAuth':
				options.headers = { ...(options.headers ?? {}), [String(credentials.name)]: credentials.value };
				return options as never;
			case 'httpQueryAuth':
				options.qs = { ...(options.qs ?? {}), [String(credentials.name)]: credentials.value };
				return options as never;
			case 'httpCustomAuth': {
				const custom = JSON.parse(String(credentials.json || '{}')) as IDataObject;
				if (custom.headers) options.headers = { ...(options.headers ?? {}), ...(custom.headers as IDataObject) };
				if (custom.qs) options.qs = { ...(options.qs ?? {}), ...(custom.qs as IDataObject) };
				return options as never;
			}
			default:
				return await super.authenticate(...args);
		}
	}
}

/** The task-runner job of a Code node ("Run Once for All Items"), run in-process. */
async function runCodeJob(executeFunctions: IExecuteFunctions, settings: { code: string; nodeMode: string }): Promise<{ ok: true; result: unknown } | { ok: false; error: { message: string; stack?: string } }> {
	if (settings.nodeMode !== 'runOnceForAllItems') throw new Error(`Code node mode ${settings.nodeMode} is not used by the templates`);
	const proxy = executeFunctions.getWorkflowDataProxy(0) as unknown as Record<string, unknown>;
	// As n8n's JS task runner: the data proxy plus $getWorkflowStaticData (its changes go back to n8n).
	const context = createContext({ ...proxy, $getWorkflowStaticData: (type: string) => executeFunctions.getWorkflowStaticData(type), console, Date, JSON, Math, Number, String, Object, Array, Set, Map, Promise, RegExp, Error, Buffer, URLSearchParams, encodeURIComponent, decodeURIComponent });
	try {
		const script = new Script(`(async function () {${settings.code}\n})()`, { filename: executeFunctions.getNode().name });
		const result = await (script.runInContext(context) as Promise<unknown>);
		// The runner sends its result over a socket: only JSON-able data comes back.
		return { ok: true, result: result === undefined ? undefined : JSON.parse(JSON.stringify(result)) };
	} catch (error) {
		const e = error as Error;
		return { ok: false, error: { message: e.message, stack: e.stack } };
	}
}

export interface TemplateRun {
	run: IRun;
	/** Items a node emitted on `output` (0 = main/success, 1 = error output or IF false) over all its runs. */
	items(node: string, output?: number): IDataObject[];
	/** The node's error, when the run stopped at it. */
	error?: string;
	executed: string[];
}

export interface TemplateWorkflow {
	id: string;
	name: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IDataObject;
}

/**
 * One workflow as n8n keeps it between executions: its static data survives from run to run, as
 * it does for an active workflow's trigger and webhook executions.
 */
export class TemplateEngine {
	readonly staticData: IDataObject = {};

	constructor(
		readonly workflow: TemplateWorkflow,
		readonly credentials: TestCredentialsHelper,
	) {}

	static credentialsHelper(stored: StoredCredential[]): TestCredentialsHelper {
		const helper = new BaseCredentialsHelper(templateNodeTypes);
		for (const credential of stored) helper.add(credential);
		return helper;
	}

	/**
	 * Runs from `start` with `items` as that node's input (a trigger's output when `start` is the
	 * node after it), in `mode` ('trigger'/'webhook' keep static data; 'manual' runs do not in n8n).
	 */
	async run(start: string, input: IDataObject[] = [{}], mode: WorkflowExecuteMode = 'trigger'): Promise<TemplateRun> {
		return await this.runItems(start, input.map((item) => ({ json: item })), mode);
	}

	/** As `run`, with whole items (e.g. a Webhook's output carrying an uploaded file as binary). */
	async runItems(start: string, input: INodeExecutionData[], mode: WorkflowExecuteMode = 'trigger'): Promise<TemplateRun> {
		const json = this.workflow;
		const staticData = structuredClone(this.staticData);
		const workflow = new Workflow({
			id: json.id,
			name: json.name,
			nodes: json.nodes,
			connections: json.connections,
			active: false,
			nodeTypes: templateNodeTypes,
			staticData,
			settings: { executionOrder: 'v1', ...(json.settings ?? {}) },
		});
		const startNode = workflow.getNode(start);
		if (!startNode) throw new Error(`${json.name}: no node ${start}`);
		const workflowData = { id: json.id, name: json.name, nodes: json.nodes, connections: json.connections } as IWorkflowBase;
		const hooks = new ExecutionLifecycleHooks(mode, `exec-${Date.now()}`, workflowData);
		const executed: string[] = [];
		hooks.addHandler('nodeExecuteAfter', async (nodeName: string) => {
			executed.push(nodeName);
		});
		let finished!: (run: IRun) => void;
		const done = new Promise<IRun>((resolve) => (finished = resolve));
		hooks.addHandler('workflowExecuteAfter', async (run: IRun) => finished(run));
		const additionalData = additionalDataFor(this.credentials, hooks);
		Object.assign(additionalData, {
			startRunnerTask: async (_data: unknown, _jobType: string, settings: { code: string; nodeMode: string }, executeFunctions: IExecuteFunctions) =>
				await runCodeJob(executeFunctions, settings),
		});
		const runExecutionData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node: startNode, data: { main: [input] }, source: null }] },
		});
		const execution = new WorkflowExecute(additionalData, mode, runExecutionData);
		const run = await execution.processRunExecutionData(workflow);
		await done;
		if (mode !== 'manual' && (workflow.staticData as IDataObject & { __dataChanged?: boolean }).__dataChanged) {
			for (const key of Object.keys(this.staticData)) delete this.staticData[key];
			Object.assign(this.staticData, JSON.parse(JSON.stringify(workflow.staticData)));
		}
		const items = (node: string, output = 0): IDataObject[] =>
			(run.data.resultData.runData[node] ?? []).flatMap((task) => ((task.data?.main?.[output] ?? []) as INodeExecutionData[]).map((item) => item.json));
		const error = run.data.resultData.error;
		return { run, items, executed, error: error ? `${run.data.resultData.lastNodeExecuted}: ${error.message}` : undefined };
	}
}

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import type {
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { TestCredentialsHelper } from './credentials';
import type { StoredCredential } from './credentials';
import { nodeTypes } from './nodeTypes';
import { observe } from './secrets';

export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IDataObject;
	staticData?: IDataObject;
}

export interface WorkflowResult {
	run: IRun;
	/** Items a node emitted on its first output in its first run. */
	output(nodeName: string): INodeExecutionData[];
	json(nodeName: string): IDataObject[];
	/** Order in which nodes finished. */
	executed: string[];
	credentials: TestCredentialsHelper;
}

/** What every test run hands n8n-core; each finished run's outputs and errors are checked for secrets. */
export function additionalDataFor(
	credentials: TestCredentialsHelper,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	hooks.addHandler('workflowExecuteAfter', async (run: IRun) => observe('a workflow run (node outputs and errors)', run.data.resultData));
	return {
		hooks,
		credentialsHelper: credentials,
		currentNodeParameters: undefined,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not used in these tests');
		},
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		userId: 'test-user',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export function buildWorkflow(json: WorkflowJson): Workflow {
	return new Workflow({
		id: json.id ?? 'test-workflow',
		name: json.name ?? 'test',
		nodes: json.nodes,
		connections: json.connections,
		active: false,
		nodeTypes,
		staticData: json.staticData,
		settings: { executionOrder: 'v1', ...(json.settings ?? {}) },
	});
}

/** Runs workflow JSON through n8n-core's real WorkflowExecute, starting at its start node. */
export async function runWorkflow(
	json: WorkflowJson,
	options: { credentials?: StoredCredential[]; credentialsHelper?: TestCredentialsHelper } = {},
): Promise<WorkflowResult> {
	const credentials = options.credentialsHelper ?? new TestCredentialsHelper(nodeTypes);
	for (const credential of options.credentials ?? []) credentials.add(credential);

	const workflow = buildWorkflow(json);
	const workflowData = { id: workflow.id, name: workflow.name, nodes: json.nodes, connections: json.connections } as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks('manual', `exec-${Date.now()}`, workflowData);
	const executed: string[] = [];
	hooks.addHandler('nodeExecuteAfter', async (nodeName: string) => {
		executed.push(nodeName);
	});
	let finished!: (run: IRun) => void;
	const done = new Promise<IRun>((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', async (run: IRun) => finished(run));

	const startNode = workflow.getStartNode();
	if (!startNode) throw new Error('Workflow has no start node');
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: startNode, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const execution = new WorkflowExecute(additionalDataFor(credentials, hooks), 'manual', runExecutionData);
	const run = await execution.processRunExecutionData(workflow);
	await done;

	const output = (nodeName: string): INodeExecutionData[] => {
		const taskData = run.data.resultData.runData[nodeName]?.[0];
		return (taskData?.data?.main?.[0] ?? []) as INodeExecutionData[];
	};
	return { run, output, json: (name) => output(name).map((item) => item.json), executed, credentials };
}

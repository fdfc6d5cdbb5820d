/**
 * Workflow JSON builders, in the shape the n8n editor saves (and `n8n import:workflow` reads).
 */
import { randomUUID } from 'crypto';
import type { ExecutionError, ExecutionStatus, IDataObject, IRunData, WorkflowExecuteMode } from 'n8n-workflow';
import type { CredentialRef } from './stack';
import { newId } from './stack';

export interface NodeJson {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, CredentialRef>;
	webhookId?: string;
	onError?: string;
	[key: string]: unknown;
}

export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: NodeJson[];
	connections: Record<string, { main: { node: string; type: 'main'; index: number }[][] }>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export const GHL_NODE = 'n8n-nodes-ghl.ghl';
export const GHL_TRIGGER = 'n8n-nodes-ghl.ghlTrigger';
export const GHL_POLLING_TRIGGER = 'n8n-nodes-ghl.ghlPollingTrigger';

export type CredentialChoice = 'pit' | 'oauth';

/** Our action node with the given parameters, authenticated with the stack's PIT or OAuth2 credential. */
export function ghlNode(
	name: string,
	parameters: Record<string, unknown>,
	credentials: { pit: CredentialRef; oauth: CredentialRef },
	auth: CredentialChoice = 'pit',
): NodeJson {
	return {
		id: randomUUID(),
		name,
		type: GHL_NODE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: auth === 'oauth' ? 'oAuth2' : 'privateIntegration', ...parameters },
		credentials: auth === 'oauth' ? { ghlOAuth2Api: credentials.oauth } : { ghlApi: credentials.pit },
	};
}

/** Code node (JS task runner) that returns `js`'s result, e.g. `return [{json: {...}}]`. */
export function codeNode(name: string, js: string): NodeJson {
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [0, 0],
		parameters: { jsCode: js },
	};
}

function chain(name: string, trigger: NodeJson, steps: NodeJson[], settings?: Record<string, unknown>): WorkflowJson {
	const nodes = [trigger, ...steps].map((node, i) => ({ ...node, position: [i * 240, 0] as [number, number] }));
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id: newId(), name, nodes, connections, settings: { executionOrder: 'v1', ...settings } };
}

/** Manual Trigger → steps, for `n8n execute --id`. */
export function manualWorkflow(name: string, steps: NodeJson[]): WorkflowJson {
	return chain(
		name,
		{ id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		steps,
	);
}

/**
 * Webhook (POST /webhook/<path>, answers with the last node's first item) → steps: runs as a
 * production execution, i.e. on a worker in queue mode.
 */
export function webhookWorkflow(name: string, path: string, steps: NodeJson[]): WorkflowJson {
	return chain(
		name,
		{
			id: randomUUID(),
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
		},
		steps,
		{ saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
	);
}

/** The same steps behind another trigger (e.g. to move a manual workflow to a webhook). */
export function retrigger(workflow: WorkflowJson, trigger: 'webhook', path: string): WorkflowJson {
	const [, ...steps] = workflow.nodes;
	return webhookWorkflow(`${workflow.name} (webhook)`, path, steps);
}

// ---------------------------------------------------------------------------------------
// Reading runs

/**
 * A finished run as JSON: the IRun `n8n execute --rawOutput` prints, or an execution of the public
 * API read with includeData=true. Only the fields the checks read.
 */
export interface RunJson {
	data: { resultData: { runData: IRunData; error?: ExecutionError } };
	mode: WorkflowExecuteMode;
	status: ExecutionStatus;
	/** Deprecated in n8n 2 (status replaces it); older runs have only this. */
	finished?: boolean;
}

/** An execution from the public API (GET /api/v1/executions?includeData=true). */
export interface ExecutionJson extends RunJson {
	/** A number in the public API's schema; n8n 2 sends a string. Compared as String(id). */
	id: string | number;
	workflowId: string;
	startedAt: string;
	stoppedAt: string | null;
}

/** Output items (json) of a node in a run (first run, first output). */
export function nodeOutput(run: RunJson, nodeName: string, runIndex = 0, outputIndex = 0): IDataObject[] {
	const runs = run.data?.resultData?.runData?.[nodeName];
	if (!runs) return [];
	return (runs[runIndex]?.data?.main?.[outputIndex] ?? []).map((item) => item.json);
}

/** The run's error message (workflow level or first node error), or undefined. */
export function runError(run: RunJson): string | undefined {
	const resultData = run.data?.resultData;
	const err = resultData?.error;
	if (err) return [err.message, err.description].filter(Boolean).join(': ');
	for (const [name, runs] of Object.entries(resultData?.runData ?? {})) {
		for (const r of runs) if (r.error) return `${name}: ${r.error.message}${r.error.description ? `: ${r.error.description}` : ''}`;
	}
	return undefined;
}

/**
 * The same workflow with its Manual Trigger replaced by a production Webhook node of the same
 * name (connections unchanged), so it can be started by HTTP, e.g. on queue-mode workers.
 */
export function manualToWebhook(workflow: WorkflowJson, path: string): { workflow: WorkflowJson; path: string } {
	const copy: WorkflowJson = JSON.parse(JSON.stringify(workflow));
	let replaced = 0;
	copy.nodes = copy.nodes.map((node) => {
		if (node.type !== 'n8n-nodes-base.manualTrigger' || replaced++) return node;
		return {
			id: node.id,
			name: node.name,
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: node.position,
			webhookId: randomUUID(),
			parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
		};
	});
	if (!replaced) throw new Error(`${workflow.name}: no Manual Trigger to replace`);
	copy.settings = { ...copy.settings, saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' };
	return { workflow: copy, path };
}

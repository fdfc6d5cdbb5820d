/**
 * Workflows around our signed-webhook trigger (n8n-nodes-ghl.ghlTrigger), trusting the
 * sandbox's signing keys (the sandbox cannot sign with GHL's real keys).
 */
import { randomUUID } from 'crypto';
import type { Stack } from './stack';
import { GHL_TRIGGER, codeNode, type WorkflowJson } from './workflows';
import { newId } from './stack';

export interface TriggerWorkflowOptions {
	/** Event types (default: all events). */
	events?: string[];
	nodeName?: string;
	/** Also trust GHL's published keys (default false: only the sandbox's keys). */
	useBuiltInKeys?: boolean;
}

/**
 * GHL Trigger (signature check with the sandbox's public keys, the demo location only) → a Code
 * node that passes the item on. `webhookPath` is what `stack.webhookUrl()` needs: `<webhookId>/webhook`.
 */
export function ghlTriggerWorkflow(
	name: string,
	stack: Pick<Stack, 'sandbox'>,
	opts: TriggerWorkflowOptions = {},
): { workflow: WorkflowJson; webhookPath: string; webhookId: string; nodeName: string } {
	const webhookId = randomUUID();
	const nodeName = opts.nodeName ?? 'GHL Trigger';
	const { ed25519, rsa } = stack.sandbox.publicKeys;
	const trigger = {
		id: randomUUID(),
		name: nodeName,
		type: GHL_TRIGGER,
		typeVersion: 1,
		position: [0, 0] as [number, number],
		webhookId,
		parameters: {
			events: opts.events ?? ['*'],
			verification: 'ghlSignature',
			// Signature mode needs a location filter (or a GHL credential): any GHL app can sign.
			locationIds: stack.sandbox.demo.locationId,
			options: { publicKeys: `${ed25519.trim()}\n${rsa.trim()}`, useBuiltInKeys: opts.useBuiltInKeys ?? false },
		},
	};
	const next = { ...codeNode('Received', 'return $input.all();'), position: [240, 0] as [number, number] };
	return {
		workflow: {
			id: newId(),
			name,
			nodes: [trigger, next],
			connections: { [nodeName]: { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
		},
		webhookPath: `${webhookId}/webhook`,
		webhookId,
		nodeName,
	};
}

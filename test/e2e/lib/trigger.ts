/**
 * Workflows around our signed-webhook trigger (n8n-nodes-ghl.ghlTrigger), trusting the
 * sandbox's signing keys (the sandbox cannot sign with GHL's real keys).
 */
import { randomUUID } from 'crypto';
import { request } from 'http';
import type { SignatureMode } from '../../../sandbox';
import { signatureHeaders } from '../../../sandbox/webhooks';
import type { CredentialRef, Stack } from './stack';
import { GHL_TRIGGER, codeNode, type NodeJson, type WorkflowJson } from './workflows';
import { newId } from './stack';

export interface TriggerWorkflowOptions {
	/** Event types (default: all events). */
	events?: string[];
	nodeName?: string;
	/** Also trust GHL's published keys (default false: only the sandbox's keys). */
	useBuiltInKeys?: boolean;
	/** Location IDs (default: the demo location, or empty when `ghlCredential` is given: its location filters). */
	locationIds?: string;
	/** A stored GHL Private Integration credential (`ghlApi`) for the trigger. */
	ghlCredential?: CredentialRef;
	/** Shared Secret mode with this stored `ghlWebhookSecretApi` credential, instead of GHL Signature. */
	secretCredential?: CredentialRef;
}

/**
 * GHL Trigger (signature check with the sandbox's public keys, the demo location only, unless the
 * options say otherwise) → a Code node that passes the item on. `webhookPath` is what
 * `stack.webhookUrl()` needs: `<webhookId>/webhook`.
 */
export function ghlTriggerWorkflow(
	name: string,
	stack: Pick<Stack, 'sandbox'>,
	opts: TriggerWorkflowOptions = {},
): { workflow: WorkflowJson; webhookPath: string; webhookId: string; nodeName: string } {
	const webhookId = randomUUID();
	const nodeName = opts.nodeName ?? 'GHL Trigger';
	const { ed25519, rsa } = stack.sandbox.publicKeys;
	const credentials: NodeJson['credentials'] = {};
	if (opts.ghlCredential) credentials.ghlApi = opts.ghlCredential;
	if (opts.secretCredential) credentials.ghlWebhookSecretApi = opts.secretCredential;
	const trigger: NodeJson = {
		id: randomUUID(),
		name: nodeName,
		type: GHL_TRIGGER,
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters: opts.secretCredential
			? { events: opts.events ?? ['*'], verification: 'sharedSecret', ...(opts.ghlCredential ? { authentication: 'privateIntegration' } : {}) }
			: {
					events: opts.events ?? ['*'],
					verification: 'ghlSignature',
					...(opts.ghlCredential ? { authentication: 'privateIntegration' } : {}),
					// Signature mode needs a location filter (or a GHL credential): any GHL app can sign.
					locationIds: opts.locationIds ?? (opts.ghlCredential ? '' : stack.sandbox.demo.locationId),
					options: { publicKeys: `${ed25519.trim()}\n${rsa.trim()}`, useBuiltInKeys: opts.useBuiltInKeys ?? false },
				},
		...(Object.keys(credentials).length ? { credentials } : {}),
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

/** A request as an attacker (or GHL) sends it: exact bytes and headers. */
export interface RawDelivery {
	body: Buffer;
	headers: Record<string, string>;
}

/** `event` serialised once and signed over those bytes with the sandbox's keys, sent as `contentType`. */
export function signedDelivery(event: Record<string, unknown>, contentType = 'application/json', mode: SignatureMode = 'both'): RawDelivery {
	const body = Buffer.from(JSON.stringify(event), 'utf8');
	return { body, headers: { 'content-type': contentType, ...signatureHeaders(body, mode) } };
}

/** The signed JSON bytes of `delivery` as one part of a multipart/form-data body, signature headers kept. */
export function asMultipart(delivery: RawDelivery): RawDelivery {
	const boundary = `ghl-e2e-${randomUUID()}`;
	const body = Buffer.concat([
		Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="payload"\r\nContent-Type: application/json\r\n\r\n`),
		delivery.body,
		Buffer.from(`\r\n--${boundary}--\r\n`),
	]);
	return { body, headers: { ...delivery.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** POSTs the exact bytes (Node's http client: no header added or rewritten); resolves to the status. */
export async function postDelivery(url: string, delivery: RawDelivery): Promise<number> {
	return await new Promise((resolve, reject) => {
		const req = request(url, { method: 'POST', headers: { ...delivery.headers, 'content-length': String(delivery.body.length) } }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', reject);
		req.end(delivery.body);
	});
}

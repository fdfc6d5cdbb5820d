import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { triggerCredentials, triggerProperties } from './description';
import { isSelected, viewOf } from './events';
import { fetchFullRecord, recordSource } from './fullRecord';
import { isFresh, replayMemory, timestampOf } from './replay';
import { secretMatches, trustedKeys, verifyGhlSignature } from './signature';

/** Answers the request here and starts nothing. */
function answer(ctx: IWebhookFunctions, status: number, message?: string): IWebhookResponseData {
	const response = ctx.getResponseObject();
	if (message === undefined) {
		response.writeHead(status);
		response.end();
	} else {
		response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
		response.end(JSON.stringify({ message }));
	}
	return { noWebhookResponse: true };
}

/** The bytes GHL signed: n8n keeps them as `rawBody`; re-serialising the parsed JSON is a last resort. */
function rawBodyOf(ctx: IWebhookFunctions, body: unknown): Buffer {
	const raw = (ctx.getRequestObject() as unknown as { rawBody?: unknown }).rawBody;
	if (Buffer.isBuffer(raw)) return raw;
	if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
	return Buffer.from(JSON.stringify(body ?? {}), 'utf8');
}

function listOf(value: unknown): string[] {
	return String(value ?? '')
		.split(/[\s,;]+/)
		.map((entry) => entry.trim())
		.filter(Boolean);
}

export class GhlTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel (GHL) Trigger',
		name: 'ghlTrigger',
		icon: { light: 'file:ghl.svg', dark: 'file:ghl.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow on HighLevel (GHL) webhook events: contacts, notes, tasks, appointments and more',
		defaults: { name: 'HighLevel (GHL) Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: triggerCredentials,
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Answer at once: GHL wants a fast 2xx and retries only on 429.
				responseMode: 'onReceived',
				// A plain 200 with an empty body.
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	/**
	 * GHL has no API to subscribe marketplace-app or workflow webhooks: the user pastes the URL into
	 * the app's Advanced Settings → Webhooks or a workflow action. These methods exist because n8n
	 * calls them on activation and deactivation; there is nothing remote to check, create or delete.
	 * `checkExists` only reads the configured public keys, so a broken key fails the activation
	 * instead of every delivery.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('verification', 'ghlSignature') === 'ghlSignature') {
					const options = this.getNodeParameter('options', {}) as IDataObject;
					trustedKeys(
						this.getNode(),
						options.useBuiltInKeys !== false,
						typeof options.publicKeys === 'string' ? options.publicKeys : '',
					);
				}
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const received = this.getBodyData() as unknown;
		const headers = this.getHeaderData() as IDataObject;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const verification = this.getNodeParameter('verification', 'ghlSignature') as string;

		// 1. Authenticity: nothing of an unauthenticated request is trusted or remembered.
		if (verification === 'ghlSignature') {
			const keys = trustedKeys(
				this.getNode(),
				options.useBuiltInKeys !== false,
				typeof options.publicKeys === 'string' ? options.publicKeys : '',
			);
			const check = verifyGhlSignature(rawBodyOf(this, received), headers, keys);
			if (!check.valid) {
				return answer(this, 401, check.reason === 'unsigned' ? 'Missing signature' : 'Invalid signature');
			}
		} else if (verification === 'sharedSecret') {
			const headerName = String(this.getNodeParameter('headerName', '')).trim().toLowerCase();
			const secret = String(this.getNodeParameter('secret', ''));
			if (!headerName || !secretMatches(headers[headerName], secret)) return answer(this, 401, 'Invalid secret');
		}

		if (!received || typeof received !== 'object' || Array.isArray(received)) {
			return answer(this, 400, 'Expected a JSON object');
		}
		const body = received as IDataObject;

		// 2. Freshness. Refused with 401, like a bad signature: a replayed delivery is not proof that
		// GHL sent it now, and GHL retries no 4xx, so the code only shows up in logs and monitoring.
		// A delivery without a timestamp is not refused: GHL's auth guide says every delivery has one,
		// but its per-event docs omit it, and GHL would never resend an event refused for that.
		const maxAgeMinutes = Number(options.maxAgeMinutes ?? 5);
		const maxAgeMs = Number.isFinite(maxAgeMinutes) && maxAgeMinutes > 0 ? maxAgeMinutes * 60_000 : 0;
		const now = Date.now();
		const stampedAt = timestampOf(body.timestamp);
		if (maxAgeMs > 0 && stampedAt !== undefined && !isFresh(stampedAt, maxAgeMs, now)) {
			return answer(this, 401, 'Delivery timestamp outside the accepted window');
		}

		// 3. Duplicates: acknowledged so GHL sees success, but nothing starts.
		const webhookId = typeof body.webhookId === 'string' && body.webhookId ? body.webhookId : undefined;
		if (webhookId && options.dedupe !== false) {
			const node = this.getNode();
			const memory = replayMemory(
				this.getWorkflowStaticData('node'),
				`${this.getWorkflow().id ?? ''}/${node.id ?? node.name}`,
				maxAgeMs,
				now,
			);
			if (memory.seenBefore(webhookId, stampedAt)) return answer(this, 200);
		}

		// 4. Filters: other locations and event types not selected are acknowledged and ignored.
		const view = viewOf(body);
		const locations = listOf(this.getNodeParameter('locationIds', ''));
		if (locations.length && (!view.locationId || !locations.includes(view.locationId))) return answer(this, 200);
		const events = this.getNodeParameter('events', []) as string[];
		if (!isSelected(view.event, events)) return answer(this, 200);

		const item: IDataObject = {
			event: view.event,
			locationId: view.locationId ?? null,
			webhookId: webhookId ?? null,
			timestamp: body.timestamp ?? null,
			ids: view.ids,
			payload: view.payload,
		};

		if (this.getNodeParameter('fetchFullRecord', false) === true) {
			const source = recordSource(view);
			if (source) {
				// A failed read must not lose the event (GHL does not resend it): the run starts with the
				// webhook payload and the reason the record could not be read.
				const [outcome] = await Promise.allSettled([fetchFullRecord.call(this, view, source)]);
				if (outcome.status === 'fulfilled') item.fullRecord = outcome.value;
				else item.fullRecordError = (outcome.reason as Error)?.message ?? String(outcome.reason);
			}
		}

		return { workflowData: [this.helpers.returnJsonArray([item])] };
	}
}

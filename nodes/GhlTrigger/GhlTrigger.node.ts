import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { isGhlId } from '../shared/ghlId';
import { AGENCY_CREDENTIAL_TYPE, CREDENTIAL_TYPES, getAgencyConnection, getLocationId, PRIVATE_INTEGRATION } from '../shared/transport';
import { installedSubAccounts } from '../Ghl/actions/agency/getInstalledSubAccounts.operation';
import { checkDelivery } from './delivery';
import type { DeliveryPolicy, Verification } from './delivery';
import { triggerProperties } from './description';
import { isWanted, viewOf } from './events';
import type { EventFilters } from './events';
import { fetchFullRecord } from './fullRecord';
import { DEFAULT_WINDOW_MINUTES, MAX_WINDOW_MINUTES, MIN_WINDOW_MINUTES, replayMemory } from './replay';
import { trustedKeys } from './signature';

type TriggerContext = IHookFunctions | IWebhookFunctions;

const WEBHOOK_SECRET_CREDENTIAL = 'ghlWebhookSecretApi';

/** Shorter shared secrets can be guessed; the credential asks for at least this many characters. */
const MIN_SECRET_LENGTH = 16;

/** GHL retries a 429 after about 10 minutes, by when the id memory has room again. */
const RETRY_AFTER_SECONDS = 600;

/** Answers the request here and starts nothing. */
function answer(ctx: IWebhookFunctions, status: number, message?: string, headers: Record<string, string> = {}): IWebhookResponseData {
	const response = ctx.getResponseObject();
	if (message === undefined) {
		response.writeHead(status, headers);
		response.end();
	} else {
		response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
		response.end(JSON.stringify({ message }));
	}
	return { noWebhookResponse: true };
}

function listOf(value: unknown): string[] {
	return String(value ?? '')
		.split(/[\s,;]+/)
		.map((entry) => entry.trim())
		.filter(Boolean);
}

function misconfigured(ctx: TriggerContext, message: string, description?: string): never {
	throw new NodeOperationError(ctx.getNode(), message, { description });
}

function secretProblem(headerName: string, secret: string): string | undefined {
	if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(headerName)) return `Header Name "${headerName}" is not a valid HTTP header name`;
	if (secret.length < MIN_SECRET_LENGTH) return `The secret needs at least ${MIN_SECRET_LENGTH} characters`;
	return undefined;
}

/** How a request is authenticated, from the node's parameters and credentials. */
async function deliveryPolicy(ctx: TriggerContext): Promise<DeliveryPolicy> {
	const verification = ctx.getNodeParameter('verification', 'ghlSignature') as Verification;
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const minutes = options.maxAgeMinutes === undefined ? DEFAULT_WINDOW_MINUTES : Number(options.maxAgeMinutes);
	if (!Number.isFinite(minutes) || minutes < MIN_WINDOW_MINUTES || minutes > MAX_WINDOW_MINUTES) {
		misconfigured(ctx, `Max Delivery Age must be between ${MIN_WINDOW_MINUTES} and ${MAX_WINDOW_MINUTES} minutes`, 'GHL\'s guide says 5 minutes.');
	}
	const policy: DeliveryPolicy = { verification, windowMs: minutes * 60_000 };
	if (verification === 'ghlSignature') {
		policy.keys = trustedKeys(
			ctx.getNode(),
			options.useBuiltInKeys !== false,
			typeof options.publicKeys === 'string' ? options.publicKeys : '',
		);
	} else if (verification === 'sharedSecret') {
		const credential = await ctx.getCredentials(WEBHOOK_SECRET_CREDENTIAL);
		const headerName = String(credential.headerName ?? '').trim().toLowerCase();
		const secret = String(credential.secret ?? '');
		const problem = secretProblem(headerName, secret);
		if (problem) misconfigured(ctx, `Webhook shared secret credential: ${problem}`);
		policy.secret = { headerName, value: secret };
	} else if (verification !== 'none') {
		misconfigured(ctx, `Unknown verification "${String(verification)}"`);
	}
	return policy;
}

/** The GHL credential type chosen, if a credential of it is set (it is optional on this node). */
function ghlCredentialType(ctx: TriggerContext): string | undefined {
	const authentication = String(ctx.getNodeParameter('authentication', PRIVATE_INTEGRATION));
	const type = CREDENTIAL_TYPES[authentication] ?? CREDENTIAL_TYPES[PRIVATE_INTEGRATION];
	return ctx.getNode().credentials?.[type] ? type : undefined;
}

/** Installed sub-accounts per agency, read at most once a minute: each delivery needs the list. */
const INSTALLED_TTL_MS = 60_000;
const installedCache = new Map<string, { at: number; ids: Promise<string[]> }>();

async function installedLocationIds(ctx: TriggerContext): Promise<string[]> {
	const { agency } = await getAgencyConnection(ctx);
	const cached = installedCache.get(agency.cacheKey);
	if (cached && Date.now() - cached.at < INSTALLED_TTL_MS) return await cached.ids;
	const ids = installedSubAccounts.call(ctx).then((locations) => locations.map((location) => String(location._id)));
	installedCache.set(agency.cacheKey, { at: Date.now(), ids });
	ids.catch(() => installedCache.delete(agency.cacheKey));
	return await ids;
}

interface DeliveryFilters extends EventFilters {
	dedupe: boolean;
	fetchFullRecord: boolean;
}

/** Which authenticated deliveries start the workflow. */
async function deliveryFilters(ctx: TriggerContext, verification: Verification): Promise<DeliveryFilters> {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const hasCredential = ghlCredentialType(ctx) !== undefined;
	let locations = listOf(ctx.getNodeParameter('locationIds', ''));
	const invalid = locations.find((location) => !isGhlId(location));
	if (invalid !== undefined) misconfigured(ctx, `Location IDs: "${invalid}" is not a GHL location ID`);
	let companyId: string | undefined;
	let agencyAppId: string | undefined;
	if (!locations.length && ghlCredentialType(ctx) === AGENCY_CREDENTIAL_TYPE) {
		// Agency: every sub-account the app is installed in, and the agency's own events (INSTALL, UNINSTALL).
		const { agency } = await getAgencyConnection(ctx);
		companyId = agency.companyId;
		agencyAppId = agency.appId;
		locations = await installedLocationIds(ctx);
	} else if (!locations.length && hasCredential) {
		locations = [await getLocationId(ctx)];
	}
	if (!locations.length && verification === 'ghlSignature') {
		misconfigured(
			ctx,
			'Set Location IDs or choose a GHL credential',
			'GHL signs the webhooks of every marketplace app with the same key, so anyone can get a genuinely signed delivery from their own sub-account and send it here. The location filter is what makes a delivery yours.',
		);
	}
	const appId = String(options.appId ?? '').trim();
	if (appId && !isGhlId(appId)) misconfigured(ctx, `App ID: "${appId}" is not a GHL app ID`);
	const fetchFullRecord = ctx.getNodeParameter('fetchFullRecord', false) === true;
	// Without verification anyone with the URL could have the trigger read any record by ID.
	if (fetchFullRecord && verification === 'none') {
		misconfigured(ctx, 'Fetch Full Record needs Verification GHL Signature or Shared Secret Header');
	}
	if (fetchFullRecord && !hasCredential) misconfigured(ctx, 'Fetch Full Record needs a GHL credential');
	return {
		locations,
		appId: appId || agencyAppId,
		companyId,
		events: ctx.getNodeParameter('events', []) as string[],
		dedupe: verification === 'ghlSignature' || options.dedupe !== false,
		fetchFullRecord,
	};
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
		credentials: [
			// Optional: with one, the location filter defaults to its location, and Fetch Full Record reads with it.
			{ name: 'ghlApi', required: false, displayOptions: { show: { authentication: ['privateIntegration'] } } },
			{ name: 'ghlOAuth2Api', required: false, displayOptions: { show: { authentication: ['oAuth2'] } } },
			// Agency: deliveries of every installed sub-account, and the agency's INSTALL / UNINSTALL.
			{ name: 'ghlAgencyOAuth2Api', required: false, displayOptions: { show: { authentication: ['agencyOAuth2'] } } },
			// The shared secret of GHL workflow webhooks: a credential, so it is never exported with the workflow.
			{
				name: 'ghlWebhookSecretApi',
				required: true,
				testedBy: 'ghlWebhookSecretStrength',
				displayOptions: { show: { verification: ['sharedSecret'] } },
			},
		],
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

	methods = {
		credentialTest: {
			async ghlWebhookSecretStrength(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const data = credential.data ?? {};
				const problem = secretProblem(String(data.headerName ?? '').trim(), String(data.secret ?? ''));
				return problem ? { status: 'Error', message: problem } : { status: 'OK', message: 'The header name and secret can be used' };
			},
		},
	};

	/**
	 * GHL has no API to subscribe marketplace-app or workflow webhooks: the user pastes the URL into
	 * the app's Advanced Settings → Webhooks or a workflow action. n8n calls these methods on
	 * activation and deactivation; there is nothing remote to check, create or delete.
	 * `checkExists` reads the whole configuration (keys, secret, location filter), so a setting that
	 * would refuse or wrongly accept every delivery fails the activation instead.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const policy = await deliveryPolicy(this);
				await deliveryFilters(this, policy.verification);
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
		const policy = await deliveryPolicy(this);
		const request = this.getRequestObject() as unknown as { rawBody?: unknown; rawHeaders?: unknown };
		const now = Date.now();
		const verdict = checkDelivery(
			{ headers: this.getHeaderData() as IDataObject, rawHeaders: request.rawHeaders, rawBody: request.rawBody },
			policy,
			now,
		);
		if (!verdict.accepted) return answer(this, verdict.status, verdict.message);
		const { body, stampedAt, webhookId } = verdict;

		// Other locations, other apps and event types not selected are acknowledged and ignored, and
		// not remembered: only deliveries that would start the workflow take room in the id memory.
		const filters = await deliveryFilters(this, policy.verification);
		const view = viewOf(body);
		if (!isWanted(view, body, filters)) return answer(this, 200);

		// Repeats are acknowledged so GHL sees success, but nothing starts.
		if (webhookId && filters.dedupe) {
			const node = this.getNode();
			const memory = replayMemory(
				this.getWorkflowStaticData('node'),
				`${this.getWorkflow().id ?? ''}/${node.id ?? node.name}`,
				policy.windowMs,
				now,
			);
			const recall = memory.remember(webhookId, stampedAt);
			if (recall === 'repeat') return answer(this, 200);
			if (recall === 'full') {
				return answer(this, 429, 'Too many deliveries to remember; retry later', { 'Retry-After': String(RETRY_AFTER_SECONDS) });
			}
		}

		const item: IDataObject = {
			event: view.event,
			locationId: view.locationId ?? null,
			webhookId: webhookId ?? null,
			timestamp: body.timestamp ?? null,
			ids: view.ids,
			payload: view.payload,
		};

		if (filters.fetchFullRecord) {
			// A failed read must not lose the event (GHL does not resend it): the run starts with the
			// webhook payload and the reason the record could not be read.
			const [outcome] = await Promise.allSettled([fetchFullRecord.call(this, view)]);
			if (outcome.status === 'rejected') {
				item.fullRecordError = (outcome.reason as Error)?.message ?? String(outcome.reason);
			} else if (outcome.value) {
				item.fullRecord = outcome.value;
			}
		}

		return { workflowData: [this.helpers.returnJsonArray([item])] };
	}
}

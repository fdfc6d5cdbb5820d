import type { INodeProperties } from 'n8n-workflow';
import { authenticationProperty } from '../shared/authentication';
import { EVENT_OPTIONS } from './events';
import { DEFAULT_WINDOW_MINUTES, MAX_WINDOW_MINUTES, MIN_WINDOW_MINUTES } from './replay';

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'GHL has no API to register webhooks: copy this node\'s Production URL into GHL yourself. Marketplace app: marketplace.gohighlevel.com → your app → Advanced Settings → Webhooks → paste the URL (Default Webhook URL) and switch on the events. GHL workflow: add a "Webhook" or "Custom Webhook" action with this URL (choose Verification: Shared Secret Header). Activating this workflow registers nothing in GHL.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [],
		options: EVENT_OPTIONS,
		description:
			'The event types that start the workflow; other deliveries are answered 200 and start nothing. Switch the same events on in your GHL app.',
	},
	{
		displayName: 'Verification',
		name: 'verification',
		type: 'options',
		options: [
			{
				name: 'GHL Signature (Marketplace App)',
				value: 'ghlSignature',
				description: 'Ed25519 x-ghl-signature or legacy RSA x-wh-signature, checked with GHL\'s public keys',
			},
			{
				name: 'Shared Secret Header (GHL Workflow)',
				value: 'sharedSecret',
				description: 'GHL workflow webhooks are not signed: add a header with a secret in the Custom Webhook action',
			},
			{
				name: 'None',
				value: 'none',
				description: 'Accept every request to the URL. Anyone who knows the URL can start the workflow.',
			},
		],
		default: 'ghlSignature',
		description: 'How the node makes sure a delivery really comes from GHL; failures are answered 401',
	},
	{
		...authenticationProperty,
		description:
			'A GHL credential is optional. With one, events of other locations than its own are ignored (unless Location IDs says otherwise), and Fetch Full Record reads with it.',
	},
	{
		displayName: 'Location IDs',
		name: 'locationIds',
		type: 'string',
		default: '',
		placeholder: 've9EPM428h8vShlRW1KT, 0007BWpSzSwfiuSl0tR2',
		description:
			'Only start for events of these sub-accounts (comma-separated). GHL signs every marketplace app\'s webhooks with the same key, so a valid signature does not say the event is yours. Empty = the credential\'s location; required with GHL Signature when no credential is set.',
	},
	{
		displayName: 'Fetch Full Record',
		name: 'fetchFullRecord',
		type: 'boolean',
		default: false,
		displayOptions: { show: { verification: ['ghlSignature', 'sharedSecret'] } },
		description:
			'Whether to read the current contact, note, task, appointment, opportunity, user, location or custom object record from GHL and add it as fullRecord (webhook payloads are partial). Not done for delete events or other event types; a record deleted meanwhile is reported in fullRecordError. Needs a credential of the event\'s location.',
	},
	{
		displayName: 'Object Key for Record Events',
		name: 'recordObjectKey',
		type: 'string',
		default: '',
		placeholder: 'e.g. custom_objects.pets',
		displayOptions: { show: { fetchFullRecord: [true] } },
		description:
			'The custom object whose records Record Created and Record Updated events are read from: GHL\'s record events do not name their object. Empty: record events get a fullRecordError.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Additional Public Keys',
				name: 'publicKeys',
				type: 'string',
				typeOptions: { rows: 6 },
				default: '',
				placeholder: '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----',
				description:
					'More PEM public keys to accept signatures from (Ed25519 for x-ghl-signature, RSA of at least 2048 bits for x-wh-signature), e.g. after GHL rotates its key',
				displayOptions: { show: { '/verification': ['ghlSignature'] } },
			},
			{
				displayName: 'App ID',
				name: 'appId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 6789abcdef0123456789abcd',
				description:
					'Your marketplace app\'s ID. Deliveries that name another app (install, uninstall and plan events carry an appId) are answered 200 and start nothing.',
				displayOptions: { show: { '/verification': ['ghlSignature'] } },
			},
			{
				displayName: 'Ignore Repeated Deliveries',
				name: 'dedupe',
				type: 'boolean',
				default: true,
				description:
					'Whether a delivery whose webhookId was already received is answered 200 without starting the workflow (always on with GHL Signature)',
				displayOptions: { show: { '/verification': ['sharedSecret', 'none'] } },
			},
			{
				displayName: 'Max Delivery Age (Minutes)',
				name: 'maxAgeMinutes',
				type: 'number',
				typeOptions: { minValue: MIN_WINDOW_MINUTES, maxValue: MAX_WINDOW_MINUTES },
				default: DEFAULT_WINDOW_MINUTES,
				description: `Refuse (401) deliveries whose timestamp is further than this from now, so a captured delivery cannot be replayed later. GHL's guide says 5 minutes; ${MIN_WINDOW_MINUTES} to ${MAX_WINDOW_MINUTES}.`,
			},
			{
				displayName: 'Trust GHL\'s Published Keys',
				name: 'useBuiltInKeys',
				type: 'boolean',
				default: true,
				description:
					'Whether to accept signatures by the public keys GHL publishes in its webhook guide (turn off to accept only the additional keys)',
				displayOptions: { show: { '/verification': ['ghlSignature'] } },
			},
		],
	},
];

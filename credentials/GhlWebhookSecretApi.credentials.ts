import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The shared secret a GHL workflow's Webhook / Custom Webhook action sends in a header, checked by
 * the HighLevel (GHL) Trigger. A credential and not a node parameter, so it is stored encrypted and
 * never exported with the workflow.
 */
export class GhlWebhookSecretApi implements ICredentialType {
	name = 'ghlWebhookSecretApi';

	displayName = 'HighLevel (GHL) Webhook Shared Secret API';

	icon: Icon = { light: 'file:ghl.svg', dark: 'file:ghl.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-ghl/n8n-nodes-ghl/blob/main/docs/triggers.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'x-webhook-secret',
			required: true,
			description: 'The header the GHL workflow action sends the secret in (Custom Webhook → Headers)',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A long random value (at least 16 characters); the same value goes into that header of the GHL workflow action',
		},
	];
}

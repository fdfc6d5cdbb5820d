import type { INodeProperties } from 'n8n-workflow';

/** A sub-account's profile fields GHL's create and update take as plain text: [name, display name, placeholder]. */
export const SUB_ACCOUNT_TEXT_FIELDS: Array<[name: string, displayName: string, placeholder: string]> = [
	['phone', 'Phone', 'e.g. +14155550100'],
	['address', 'Address', 'e.g. 1 Main Street'],
	['city', 'City', 'e.g. Austin'],
	['state', 'State', 'e.g. TX'],
	['postalCode', 'Postal Code', 'e.g. 73301'],
	['website', 'Website', 'e.g. https://example.com'],
	['timezone', 'Time Zone', 'e.g. America/Chicago'],
];

/** The optional profile fields of a sub-account (Create's Additional Fields, Update's Update Fields). */
export function subAccountFieldOptions(extra: INodeProperties[] = []): INodeProperties[] {
	const options: INodeProperties[] = [
		...SUB_ACCOUNT_TEXT_FIELDS.map(([name, displayName, placeholder]) => ({ displayName, name, type: 'string' as const, default: '', placeholder })),
		{
			displayName: 'Country',
			name: 'country',
			type: 'string',
			default: '',
			placeholder: 'e.g. US',
			description: 'Two-letter country code (ISO 3166-1 alpha-2)',
		},
		...extra,
	];
	return options.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

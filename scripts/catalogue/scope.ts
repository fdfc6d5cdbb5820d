/**
 * Copies the list of GHL's CRM-side API v2 operations and webhook events the package sets out to
 * cover (the project's `catalogue-crm.json`, reference material beside the repository) into
 * docs/ghl-crm-scope.json, keeping only the facts test/catalogue.test.ts holds the node to.
 *
 *   npx tsx scripts/catalogue/scope.ts <path of the project's catalogue-crm.json>
 *
 * The committed copy is what the tests read, so a clone alone proves coverage; test/catalogue.test.ts
 * compares it with the reference only where the reference is present.
 */
import * as fs from 'fs';
import * as path from 'path';

export const SCOPE_FILE = path.resolve(__dirname, '../../docs/ghl-crm-scope.json');

export interface ScopeOperation {
	method: string;
	path: string;
	operationId: string;
	api: string;
	version: string | null;
	/** GHL's security kinds: 'Agency-Access' / 'Agency-Access-Only' need an agency (Company) token. */
	tokenKinds: string[];
	scopes: string[];
}

interface Reference {
	operations: Array<ScopeOperation & Record<string, unknown>>;
	webhookEvents: string[];
	webhookEventsNote?: string;
}

/** The committed text for a reference catalogue's contents. */
export function scopeText(reference: Reference): string {
	const operations = reference.operations.map(({ method, path: route, operationId, api, version, tokenKinds, scopes }) => ({
		method,
		path: route,
		operationId,
		api,
		version: version ?? null,
		tokenKinds: tokenKinds ?? [],
		scopes: [...(scopes ?? [])].sort(),
	}));
	const scope = {
		about: `GHL's CRM-side API v2 as the package sets out to cover it: ${operations.length} operations and ${reference.webhookEvents.length} webhook events, copied from the project's catalogue-crm.json by scripts/catalogue/scope.ts. test/catalogue.test.ts fails unless the node has an operation for each, declared with the same method, path, Version and scopes, and the trigger lists each event. tokenKinds is the spec's security: 'Agency-Access' / 'Agency-Access-Only' need an agency (Company) token, 'bearer' and 'Location-Access' a sub-account one.`,
		operations,
		webhookEvents: [...reference.webhookEvents].sort(),
		webhookEventsNote: reference.webhookEventsNote,
	};
	return `${JSON.stringify(scope, null, '\t')}\n`;
}

export function readReference(file: string): Reference {
	return JSON.parse(fs.readFileSync(file, 'utf8')) as Reference;
}

if (require.main === module) {
	const source = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
	// The reference is not part of the repository: its path is always given, and without it the committed copy stays.
	if (!source || !fs.existsSync(source)) {
		console.error(`${source ? `no reference catalogue at ${source}` : 'usage: npx tsx scripts/catalogue/scope.ts <catalogue-crm.json>'}; the committed ${path.relative(process.cwd(), SCOPE_FILE)} is unchanged`);
		process.exit(1);
	}
	fs.writeFileSync(SCOPE_FILE, scopeText(readReference(source)));
	console.log(`wrote ${path.relative(process.cwd(), SCOPE_FILE)} from ${source}`);
}

/**
 * Generates the sandbox's contract (`sandbox/contract/`) from GHL's official OpenAPI files.
 *
 * The output keeps the facts a server needs to hold clients to GHL's contract (paths, methods,
 * parameters, request and success-response schemas with types, required, enums, formats and
 * nesting, security and scopes, Version values) and drops the prose (descriptions, summaries,
 * examples, tags). It keeps each file's layout and `$ref`s, so the sandbox's loader reads it as
 * it would read the official files.
 *
 *   npx tsx scripts/contract/generate.ts <folder of GHL's official OpenAPI files (the project's ghl-openapi)>
 *
 * The official files are reference material, never a runtime input: the committed output is
 * what the sandbox and the tests read. test/contract.test.ts fails when it is out of step with
 * the official files (only where they are present).
 */
import * as fs from 'fs';
import * as path from 'path';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export const CONTRACT_DIR = path.resolve(__dirname, '../../sandbox/contract');

/** Prose-only keywords: dropped wherever they are keywords (never where they name a property). */
const PROSE = new Set(['description', 'summary', 'example', 'examples', 'externalDocs', 'title', 'tags', 'contact', 'x-tagGroups']);

/** Keys whose value maps names (property names, paths, status codes, media types) to objects. */
const NAME_MAPS = new Set([
	'properties',
	'patternProperties',
	'paths',
	'schemas',
	'responses',
	'content',
	'securitySchemes',
	'definitions',
	'$defs',
	'headers',
	'scopes',
	'encoding',
	'mapping',
	'variables',
]);

/** Keys whose value is data (kept verbatim). */
const DATA = new Set(['default', 'enum', 'const', 'required']);

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

function strip(node: Json, key?: string): Json {
	if (Array.isArray(node)) return node.map((item) => strip(item));
	if (node === null || typeof node !== 'object') return node;
	const out: JsonObject = {};
	for (const [name, value] of Object.entries(node)) {
		if (key !== undefined && NAME_MAPS.has(key)) {
			out[name] = strip(value, undefined);
			continue;
		}
		if (PROSE.has(name) || name.startsWith('x-')) continue;
		if (DATA.has(name) && !(name === 'required' && typeof value === 'object' && !Array.isArray(value))) {
			out[name] = value;
			continue;
		}
		out[name] = strip(value, name);
	}
	return out;
}

/** An operation keeps only its success responses' schemas: what a server must answer with. */
function stripOperation(operation: JsonObject): JsonObject {
	const responses: JsonObject = {};
	for (const [status, response] of Object.entries((operation.responses ?? {}) as JsonObject)) {
		if (!/^2\d\d$/.test(status)) continue;
		responses[status] = strip(response, 'response');
	}
	const { responses: _dropped, ...rest } = operation;
	return { ...(strip(rest, 'operation') as JsonObject), responses };
}

function stripSpec(doc: JsonObject): JsonObject {
	const paths: JsonObject = {};
	for (const [template, item] of Object.entries((doc.paths ?? {}) as Record<string, JsonObject>)) {
		const outItem: JsonObject = {};
		for (const [member, value] of Object.entries(item)) {
			outItem[member] = METHODS.has(member) ? stripOperation(value as JsonObject) : strip(value, member);
		}
		paths[template] = outItem;
	}
	const info = (doc.info ?? {}) as JsonObject;
	return {
		openapi: doc.openapi ?? null,
		info: { title: info.title ?? null, version: info.version ?? null },
		...(doc.servers ? { servers: doc.servers } : {}),
		paths,
		components: strip(doc.components ?? {}, 'components'),
	};
}

function stripWebhookEvent(doc: JsonObject): JsonObject {
	return { event: doc.event, schema: strip(doc.schema ?? {}, 'schema') };
}

function readJson(file: string): JsonObject {
	return JSON.parse(fs.readFileSync(file, 'utf8')) as JsonObject;
}

/** The contract as relative path → JSON text, built from an official ghl-openapi folder. */
export function buildContract(sourceDir: string): Map<string, string> {
	if (!fs.existsSync(path.join(sourceDir, 'apps'))) {
		throw new Error(`${sourceDir} is not a ghl-openapi folder (no apps/ inside)`);
	}
	const files = new Map<string, string>();
	const write = (relative: string, value: Json) => files.set(relative, `${JSON.stringify(value, null, 1)}\n`);
	const apps = fs
		.readdirSync(path.join(sourceDir, 'apps'))
		.filter((name) => name.endsWith('.json'))
		.sort();
	for (const name of apps) write(`apps/${name}`, stripSpec(readJson(path.join(sourceDir, 'apps', name))));
	write('common/common-schemas.json', stripSpec(readJson(path.join(sourceDir, 'common', 'common-schemas.json'))));
	const eventsDir = path.join(sourceDir, 'webhook-events');
	if (fs.existsSync(eventsDir)) {
		for (const name of fs.readdirSync(eventsDir).filter((file) => file.endsWith('.json')).sort()) {
			write(`webhook-events/${name}`, stripWebhookEvent(readJson(path.join(eventsDir, name))));
		}
	}
	return files;
}

/** Every file under the committed contract folder, as relative path → text. */
export function readCommittedContract(dir = CONTRACT_DIR): Map<string, string> {
	const files = new Map<string, string>();
	const walk = (relative: string) => {
		for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
			const child = relative ? `${relative}/${entry.name}` : entry.name;
			if (entry.isDirectory()) walk(child);
			else if (entry.name.endsWith('.json')) files.set(child, fs.readFileSync(path.join(dir, child), 'utf8'));
		}
	};
	if (fs.existsSync(dir)) walk('');
	return files;
}

function main(): void {
	const sourceDir = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
	// The official files are not part of the repository: their folder is always given, and without it the committed contract stays.
	if (!sourceDir || !fs.existsSync(path.join(sourceDir, 'apps'))) {
		console.error(`${sourceDir ? `no official GHL OpenAPI files at ${sourceDir}` : 'usage: npx tsx scripts/contract/generate.ts <ghl-openapi folder>'}; the committed contract is unchanged`);
		process.exit(1);
	}
	const files = buildContract(sourceDir);
	fs.rmSync(CONTRACT_DIR, { recursive: true, force: true });
	let bytes = 0;
	for (const [relative, text] of files) {
		const target = path.join(CONTRACT_DIR, relative);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.writeFileSync(target, text);
		bytes += Buffer.byteLength(text);
	}
	process.stdout.write(`wrote ${files.size} files (${Math.round(bytes / 1024)} KiB) to ${path.relative(process.cwd(), CONTRACT_DIR)}\n`);
}

if (require.main === module) main();

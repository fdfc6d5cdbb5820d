/**
 * Loads GHL's official OpenAPI files (never copied into this repo), dereferences the
 * `$ref`s (incl. `../common/common-schemas.json`) and builds the route table.
 * The result is cached per spec directory, so many sandboxes in one process share it.
 */
import * as fs from 'fs';
import * as path from 'path';

export type JsonSchema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type SecurityKind = 'location' | 'agency' | 'none';

export interface ParamSpec {
	name: string;
	in: 'path' | 'query' | 'header';
	required: boolean;
	schema: JsonSchema;
}

export interface OperationSpec {
	operationId: string;
	method: string;
	/** Path template exactly as in the spec, e.g. `/contacts/` or `/contacts/{contactId}`. */
	path: string;
	api: string;
	/** Value the `Version` header must carry; undefined = no Version header declared. */
	version?: string;
	/** Scopes the token needs (from the operation's `security`). */
	scopes: string[];
	security: SecurityKind;
	params: ParamSpec[];
	body?: { schema: JsonSchema; schemaName?: string; required: boolean; contentTypes: string[] };
	/** false for the few routes hand-written from GHL's docs (custom fields, users, chooselocation). */
	fromSpec: boolean;
	segments: string[];
}

export interface SpecBundle {
	dir: string;
	operations: OperationSpec[];
	/** Dereferenced component schemas by name, per spec file (e.g. schemas.contacts.CreateContactDto). */
	schemas: Record<string, Record<string, JsonSchema>>;
}

export function resolveSpecDir(): string {
	return process.env.GHL_OPENAPI_DIR
		? path.resolve(process.env.GHL_OPENAPI_DIR)
		: path.resolve(__dirname, '../../shared/ghl-openapi');
}

const SPEC_FILES: Record<string, string> = {
	contacts: 'apps/contacts.json',
	calendars: 'apps/calendars.json',
	oauth: 'apps/oauth.json',
};

const jsonCache = new Map<string, JsonSchema>();
const bundleCache = new Map<string, SpecBundle>();

function loadJson(file: string): JsonSchema {
	let doc = jsonCache.get(file);
	if (!doc) {
		if (!fs.existsSync(file)) {
			throw new Error(`GHL OpenAPI file not found: ${file} (set GHL_OPENAPI_DIR to the ghl-openapi folder)`);
		}
		doc = JSON.parse(fs.readFileSync(file, 'utf8')) as JsonSchema;
		jsonCache.set(file, doc);
	}
	return doc;
}

function resolvePointer(doc: JsonSchema, pointer: string): JsonSchema {
	let node: any = doc; // eslint-disable-line @typescript-eslint/no-explicit-any
	for (const raw of pointer.replace(/^\//, '').split('/')) {
		if (raw === '') continue;
		const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		node = node?.[key];
		if (node === undefined) throw new Error(`Unresolvable $ref pointer ${pointer}`);
	}
	return node as JsonSchema;
}

/** Inline every `$ref` (local or cross-file). Cycles are cut with an empty schema. */
export function deref(node: unknown, file: string, stack: string[] = []): any { // eslint-disable-line @typescript-eslint/no-explicit-any
	if (Array.isArray(node)) return node.map((item) => deref(item, file, stack));
	if (!node || typeof node !== 'object') return node;
	const obj = node as JsonSchema;
	if (typeof obj.$ref === 'string') {
		const [filePart, pointer = ''] = obj.$ref.split('#');
		const targetFile = filePart ? path.resolve(path.dirname(file), filePart) : file;
		const key = `${targetFile}#${pointer}`;
		if (stack.includes(key)) return {};
		const target = resolvePointer(loadJson(targetFile), pointer);
		return deref(target, targetFile, [...stack, key]);
	}
	const out: JsonSchema = {};
	for (const [k, v] of Object.entries(obj)) out[k] = deref(v, file, stack);
	return out;
}

function refName(schema: JsonSchema | undefined): string | undefined {
	const ref = schema?.$ref;
	return typeof ref === 'string' ? ref.split('/').pop() : undefined;
}

/** Routes GHL documents but that are not in the three spec files we load. */
function handWrittenOperations(): OperationSpec[] {
	const versionParam = (value: string): ParamSpec => ({
		name: 'Version',
		in: 'header',
		required: true,
		schema: { type: 'string', enum: [value] },
	});
	const ops: Omit<OperationSpec, 'segments'>[] = [
		{
			// https://marketplace.gohighlevel.com/docs/ghl/locations/get-custom-fields
			operationId: 'get-custom-fields',
			method: 'GET',
			path: '/locations/{locationId}/customFields',
			api: 'locations',
			version: '2021-07-28',
			scopes: ['locations/customFields.readonly'],
			security: 'location',
			params: [
				versionParam('2021-07-28'),
				{ name: 'locationId', in: 'path', required: true, schema: { type: 'string' } },
				{ name: 'model', in: 'query', required: false, schema: { type: 'string', enum: ['contact', 'opportunity', 'all'] } },
			],
			fromSpec: false,
		},
		{
			// https://marketplace.gohighlevel.com/docs/ghl/users/get-user-by-location
			operationId: 'get-user-by-location',
			method: 'GET',
			path: '/users/',
			api: 'users',
			version: '2021-07-28',
			scopes: ['users.readonly'],
			security: 'location',
			params: [versionParam('2021-07-28'), { name: 'locationId', in: 'query', required: true, schema: { type: 'string' } }],
			fromSpec: false,
		},
		...['/oauth/chooselocation', '/v2/oauth/chooselocation'].map((p) => ({
			// Marketplace authorize page (research §4.1); the sandbox auto-approves.
			operationId: 'oauth-choose-location',
			method: 'GET',
			path: p,
			api: 'oauth',
			scopes: [],
			security: 'none' as const,
			params: [],
			fromSpec: false,
		})),
	];
	return ops.map((op) => ({ ...op, segments: op.path.split('/') }));
}

export function loadSpecBundle(dir = resolveSpecDir()): SpecBundle {
	const cached = bundleCache.get(dir);
	if (cached) return cached;
	const operations: OperationSpec[] = [];
	const schemas: SpecBundle['schemas'] = {};
	for (const [api, rel] of Object.entries(SPEC_FILES)) {
		const file = path.join(dir, rel);
		const doc = loadJson(file);
		schemas[api] = new Proxy({} as Record<string, JsonSchema>, {
			// Dereference component schemas lazily: only a handful are ever needed.
			get: (target, name: string) => {
				if (!(name in target) && doc.components?.schemas?.[name]) {
					target[name] = deref(doc.components.schemas[name], file);
				}
				return target[name];
			},
		});
		for (const [template, item] of Object.entries<JsonSchema>(doc.paths ?? {})) {
			for (const [method, rawOp] of Object.entries<JsonSchema>(item)) {
				if (!['get', 'post', 'put', 'delete', 'patch'].includes(method)) continue;
				const security: JsonSchema[] | undefined = rawOp.security;
				const schemeName = security?.[0] ? Object.keys(security[0])[0] : undefined;
				const declaredScopes: string[] = schemeName ? security![0][schemeName] : [];
				const params: ParamSpec[] = deref([...(item.parameters ?? []), ...(rawOp.parameters ?? [])], file).map(
					(p: JsonSchema) => ({ name: p.name, in: p.in, required: !!p.required, schema: p.schema ?? {} }),
				);
				const version = params.find((p) => p.in === 'header' && p.name === 'Version')?.schema?.enum?.[0];
				let body: OperationSpec['body'];
				if (rawOp.requestBody) {
					const content = rawOp.requestBody.content ?? {};
					const contentTypes = Object.keys(content);
					const rawSchema = content[contentTypes[0]]?.schema;
					body = {
						schema: deref(rawSchema ?? {}, file),
						schemaName: refName(rawSchema),
						required: !!rawOp.requestBody.required,
						contentTypes,
					};
				}
				let securityKind: SecurityKind;
				let scopes = declaredScopes;
				if (api === 'oauth' && !schemeName) securityKind = 'none';
				else if (schemeName?.startsWith('Agency')) securityKind = 'agency';
				else securityKind = 'location';
				if (!schemeName && securityKind === 'location') {
					// The two bulk contact endpoints declare no security at all (research §8.3).
					// GHL still needs a sub-account token; we require contacts.write (a guess).
					scopes = ['contacts.write'];
				}
				operations.push({
					operationId: rawOp.operationId,
					method: method.toUpperCase(),
					path: template,
					api,
					version,
					scopes,
					security: securityKind,
					params,
					body,
					fromSpec: true,
					segments: template.split('/'),
				});
			}
		}
	}
	operations.push(...handWrittenOperations());
	const bundle = { dir, operations, schemas };
	bundleCache.set(dir, bundle);
	return bundle;
}

export interface RouteMatch {
	op: OperationSpec;
	params: Record<string, string>;
}

/**
 * Exact path matching, like NestJS with strict routing as GHL serves it: `/contacts/` and
 * `/contacts` are different paths. When several templates match, static segments win
 * over `{params}` (so `/campaigns/removeAll` beats `/campaigns/{campaignId}`).
 */
export function matchRoute(ops: OperationSpec[], method: string, pathname: string): RouteMatch | undefined {
	const segments = pathname.split('/');
	let best: { match: RouteMatch; score: string } | undefined;
	for (const op of ops) {
		if (op.method !== method || op.segments.length !== segments.length) continue;
		const params: Record<string, string> = {};
		let score = '';
		let ok = true;
		for (let i = 0; i < segments.length; i++) {
			const tpl = op.segments[i];
			const seg = segments[i];
			const param = /^\{(.+)\}$/.exec(tpl);
			if (param) {
				if (seg === '') {
					ok = false;
					break;
				}
				try {
					params[param[1]] = decodeURIComponent(seg);
				} catch {
					params[param[1]] = seg;
				}
				score += '1';
			} else if (tpl === seg) {
				score += '0';
			} else {
				ok = false;
				break;
			}
		}
		if (ok && (!best || score < best.score)) best = { match: { op, params }, score };
	}
	return best?.match;
}

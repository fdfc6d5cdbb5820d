/**
 * Shared kit for the node's workflow tests: one sandbox per file, a `run()` that executes a GHL node
 * through n8n-core and returns what GHL received, and `opTest()`, which names the catalogue
 * operation a test covers and fails the test unless the node really called it (2xx) during the test.
 * test/catalogue.test.ts reads the `opTest('<operationId>'` names from these files.
 */
import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import type { IDataObject, INodeExecutionData, INodeListSearchResult, INodeParameters, INodePropertyOptions, IWorkflowBase } from 'n8n-workflow';
import { Ghl } from '../../nodes/Ghl/Ghl.node';
import type { RecordedRequest, Sandbox, SandboxOptions } from '../../sandbox';
import { TestCredentialsHelper } from '../harness/credentials';
import type { StoredCredential } from '../harness/credentials';
import { pitCredential, useSandbox } from '../harness/fixtures';
import { nodeTypes } from '../harness/nodeTypes';
import { additionalDataFor, buildWorkflow, runWorkflow } from '../harness/run';
import type { WorkflowResult } from '../harness/run';
import { ghlWorkflow } from '../harness/workflows';
import { sandboxApi } from '../triggers/helpers';

export const CONTACTS_VERSION = '2021-07-28';
export const CALENDARS_VERSION = '2021-04-15';

export interface NodeRun extends WorkflowResult {
	/** Requests GHL received during this run (admin calls excluded), in order. */
	requests: RecordedRequest[];
	/** JSON of the GHL node's output items. */
	out: IDataObject[];
	items: INodeExecutionData[];
	/** The workflow's error when the node failed (no Continue On Fail). */
	error?: IDataObject;
}

export interface SeedContact {
	id: string;
	locationId: string;
	firstName?: string;
	lastName?: string;
	email?: string;
	phone?: string;
	companyName?: string;
	tags: string[];
	businessId?: string | null;
	followers: string[];
	campaigns: string[];
	workflows: string[];
	customFields: Record<string, unknown>;
	dateAdded: string;
}

export interface SeedSnapshot {
	contacts: SeedContact[];
	tasks: Array<IDataObject & { id: string; contactId: string }>;
	notes: Array<IDataObject & { id: string; contactId: string }>;
	appointments: Array<IDataObject & { id: string; contactId: string }>;
}

/** A load-options context for the GHL node with these parameters, as n8n builds one when the editor asks for a list. */
export function loadOptionsContext(sandbox: Sandbox, parameters: INodeParameters, parameterPath: string): LoadOptionsContext {
	const credential = pitCredential(sandbox);
	const json = ghlWorkflow(parameters, credential);
	const workflow = buildWorkflow(json);
	const credentials = new TestCredentialsHelper(nodeTypes);
	credentials.add(credential);
	const workflowData = { id: workflow.id, name: workflow.name, nodes: json.nodes, connections: json.connections } as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks('manual', `load-options-${Date.now()}`, workflowData);
	return new LoadOptionsContext(workflow, workflow.getNode('GHL')!, additionalDataFor(credentials, hooks), parameterPath);
}

export function nodeTests(options: SandboxOptions = {}) {
	const sandbox = useSandbox(options);
	let testRequests: RecordedRequest[] = [];

	/** Runs Start → Items → GHL node with these parameters; `items` are the GHL node's input items. */
	async function run(
		parameters: INodeParameters,
		runOptions: { items?: IDataObject[]; continueOnFail?: boolean; credential?: StoredCredential; settings?: IDataObject } = {},
	): Promise<NodeRun> {
		const credential = runOptions.credential ?? pitCredential(sandbox());
		const before = sandbox().requests.length;
		const result = await runWorkflow(
			ghlWorkflow(parameters, credential, {
				items: runOptions.items,
				continueOnFail: runOptions.continueOnFail,
				settings: runOptions.settings,
			}),
			{ credentials: [credential] },
		);
		const requests = sandbox()
			.requests.slice(before)
			.filter((request) => !request.path.startsWith('/_sandbox'));
		testRequests.push(...requests);
		return {
			...result,
			requests,
			out: result.json('GHL'),
			items: result.output('GHL'),
			error: result.run.data.resultData.error as unknown as IDataObject | undefined,
		};
	}

	/**
	 * A test of one catalogue operation, named by its key: the spec's operationId, or `api:operationId`
	 * where GHL's contract uses that operationId in two APIs (`locations:create-custom-field`; see
	 * sandbox/openapi.ts operationKey). Besides its own assertions it fails unless a node run in the
	 * test made a request to that operation, answered 2xx.
	 */
	function opTest(operationKey: string, title: string, fn: () => Promise<void>, timeout?: number): void {
		test(
			`${operationKey}: ${title}`,
			async () => {
				testRequests = [];
				await fn();
				const answered = testRequests.filter((request) => request.operationKey === operationKey);
				if (!answered.some((request) => request.status >= 200 && request.status < 300)) {
					const seen = testRequests.map((request) => `${request.operationKey ?? request.path} ${request.status}`);
					throw new Error(`The node made no successful ${operationKey} request in this test (it sent: ${seen.join(', ') || 'nothing'})`);
				}
			},
			timeout,
		);
	}

	/** A copy of the sandbox's data for the demo location now (contacts oldest first). */
	function seed(): SeedSnapshot {
		const snapshot = structuredClone(sandbox().snapshot()) as unknown as SeedSnapshot;
		const locationId = sandbox().demo.locationId;
		return {
			contacts: snapshot.contacts
				.filter((contact) => contact.locationId === locationId)
				.sort((a, b) => Date.parse(a.dateAdded) - Date.parse(b.dateAdded)),
			tasks: snapshot.tasks,
			notes: snapshot.notes,
			appointments: snapshot.appointments,
		};
	}

	/** A direct API call (setup and read-back), outside the node. */
	async function api(method: string, path: string, body?: unknown, version = CONTACTS_VERSION): Promise<IDataObject> {
		return await sandboxApi(sandbox())(method, path, body, version);
	}

	/**
	 * What a picker (a `loadOptionsMethod` of the GHL node) lists in the editor for a node with these
	 * parameters, as n8n asks for it; the requests go to the sandbox like any other.
	 */
	async function pickerOptions(method: string, parameters: INodeParameters, parameterPath: string): Promise<INodePropertyOptions[]> {
		const loaders = new Ghl().methods.loadOptions as Record<string, (this: LoadOptionsContext) => Promise<INodePropertyOptions[]>>;
		return await loaders[method].call(pickerContext(parameters, parameterPath));
	}

	/** What a resource locator's list (a `searchListMethod` of the GHL node) shows in the editor, searched for `filter`. */
	async function searchList(method: string, parameters: INodeParameters, parameterPath: string, filter?: string): Promise<INodeListSearchResult> {
		const searches = new Ghl().methods.listSearch as Record<string, (this: LoadOptionsContext, filter?: string) => Promise<INodeListSearchResult>>;
		return await searches[method].call(pickerContext(parameters, parameterPath), filter);
	}

	function pickerContext(parameters: INodeParameters, parameterPath: string): LoadOptionsContext {
		return loadOptionsContext(sandbox(), parameters, parameterPath);
	}

	return { sandbox, run, opTest, seed, api, pickerOptions, searchList };
}

/** The one request a run sent to this operation, by operationId or key (fails when there is not exactly one). */
export function only(run: NodeRun, operationId: string): RecordedRequest {
	const matching = run.requests.filter((request) => request.operationId === operationId || request.operationKey === operationId);
	expect(matching.map((request) => `${request.method} ${request.path}`)).toHaveLength(1);
	return matching[0];
}

/** Helper for the checks every operation test makes on the request GHL received. */
export function expectRequest(
	request: RecordedRequest,
	expected: {
		method: string;
		path: string;
		version?: string;
		status?: number;
		body?: unknown;
		/** The spec's empty `{}` body: n8n's HTTP helper sends no body for an empty object, GHL reads that as `{}`. */
		emptyBody?: boolean;
		query?: Record<string, unknown>;
	},
): void {
	expect(request.method).toBe(expected.method);
	expect(request.path).toBe(expected.path);
	expect(request.headers.version).toBe(expected.version ?? CONTACTS_VERSION);
	expect(request.status).toBe(expected.status ?? (expected.method === 'POST' ? 201 : 200));
	if ('body' in expected) expect(request.body).toEqual(expected.body);
	if (expected.emptyBody) expect(request.body ?? {}).toEqual({});
	if (expected.query) expect(request.query).toEqual(expected.query);
}

export type { Sandbox };

/**
 * docs/catalogue.json lists the GHL operations and events the package covers; it is generated from
 * the node code (scripts/catalogue/generate.ts), as are the OAuth2 scope presets. This test fails when
 *   1. the committed file or presets are out of step with the code;
 *   2. an operation's declared endpoint is not in GHL's contract (sandbox/contract) as declared:
 *      method, path, operationId, Version and scopes;
 *   3. a node operation does not call its declared endpoint: every node operation is run once
 *      against the sandbox with its own example parameters (`export const example` in its file)
 *      and the spec operationIds of the requests it made are read back;
 *   4. an operation has no workflow test: test/nodes/*.test.ts name what they cover with
 *      `opTest('<operation key>'` (the operationId, or `api:operationId` where GHL's contract uses
 *      that operationId in two APIs: sandbox/openapi.ts operationKey), and opTest itself fails
 *      unless the node really made that call, 2xx;
 *   5. where the project's reference catalogue (catalogue.json in the folder test/reference.ts points to) is present beside the
 *      repository, an operation or webhook event it lists is missing or declared differently.
 */
import * as fs from 'fs';
import * as path from 'path';
import { resourceList } from '../nodes/Ghl/actions';
import type { ExampleData } from '../nodes/Ghl/actions/types';
import { rateLimiter } from '../nodes/shared/transport';
import type { Sandbox } from '../sandbox';
import { loadSpecBundle, operationKey } from '../sandbox/openapi';
import {
	AGENCY_CREDENTIAL_FILE,
	agencyCredentialText,
	buildCatalogue,
	CATALOGUE_FILE,
	catalogueText,
	OAUTH_CREDENTIAL_FILE,
	oauthCredentialText,
} from '../scripts/catalogue/generate';
import { readReference, SCOPE_FILE, scopeText, type ScopeOperation } from '../scripts/catalogue/scope';
import { TRIGGERS_DOC_FILE, triggersDocText } from '../scripts/catalogue/triggers';
import { agencyCredential, pitCredential, useSandbox } from './harness/fixtures';
import { runWorkflow } from './harness/run';
import { ghlWorkflow } from './harness/workflows';
import type { SeedSnapshot } from './nodes/kit';
import { referencePath } from './reference';

const catalogue = buildCatalogue();
/** Each catalogue operation's key: its operationId, or `api:operationId` where GHL uses that operationId in two APIs. */
const keyOf = (operation: { api: string; operationId: string }) => operationKey(operation);

/** The reference catalogue beside the repository, where there is one (never needed to run). */
const REFERENCE_FILE = referencePath('catalogue.json');
const CRM_REFERENCE_FILE = referencePath('catalogue-crm.json');
const reference = REFERENCE_FILE
	? (JSON.parse(fs.readFileSync(REFERENCE_FILE, 'utf8')) as {
			operations: Array<{ method: string; path: string; operationId: string; api: string; version: string; scopes: string[] }>;
			webhookEvents: string[];
		})
	: undefined;

/** Requests GHL answers that are not catalogue operations: lookups some node operations make. */
const SUPPORTING = new Set(['get-custom-fields', 'get-user-by-location', 'get-calendars']);

const sandbox = useSandbox();

/** The input item each example runs on: empty JSON and a small file in its `data` binary field (for uploads). */
const EXAMPLE_ITEM = {
	$binary: { data: { data: Buffer.from('example file\n').toString('base64'), mimeType: 'text/plain', fileName: 'example.txt', fileExtension: 'txt' } },
};

/** The seeded demo data's IDs that operation examples (`export const example` in each operation file) use. */
function exampleData(sb: Sandbox, seed: SeedSnapshot): ExampleData {
	const [c0, c1] = seed.contacts;
	const appointment = seed.appointments[0];
	const { businessIds, calendarIds, campaignIds, workflowIds, userIds } = sb.demo;
	const records = (sb.snapshot() as { records: Record<string, Array<{ id: string; contactId: string; pipelineId: string; key?: string; locationId?: string }>> }).records;
	const opportunity = records['/opportunities'][0];
	const first = (collection: string) => records[collection][0];
	const conversationData = records as unknown as Record<string, Array<Record<string, string>>>;
	const conversation = conversationData['/conversations'].find((candidate) => candidate.contactId === c0.id)!;
	const messages = conversationData['/conversations/messages'];
	const ofFirst = messages.filter((message) => message.conversationId === conversation.id);
	const scheduled = messages.filter((message) => message.status === 'scheduled');
	const upload = conversationData['/conversations/messages/upload'][0];
	return {
		contact: {
			id: c0.id,
			email: c0.email!,
			tag: c0.tags[0],
			taskId: seed.tasks.find((candidate) => candidate.contactId === c0.id)!.id,
			noteId: seed.notes.find((candidate) => candidate.contactId === c0.id)!.id,
		},
		secondContactId: c1.id,
		thirdContactId: seed.contacts[3].id,
		conversation: {
			id: conversation.id,
			messageId: ofFirst.find((message) => message.messageType === 'TYPE_SMS')!.id,
			callMessageId: ofFirst.find((message) => message.messageType === 'TYPE_CALL')!.id,
			emailMessageId: ofFirst.find((message) => message.messageType === 'TYPE_EMAIL')!.emailMessageId,
			scheduledMessageId: scheduled.find((message) => message.messageType === 'TYPE_SMS')!.id,
			scheduledEmailMessageId: scheduled.find((message) => message.messageType === 'TYPE_EMAIL')!.emailMessageId,
			pendingUpload: { uploadId: upload.id, filePath: upload.filePath, filename: upload.filename },
			subtypeId: conversationData['/conversations/preferences/custom-subtypes'][0].id,
		},
		appointment: { id: appointment.id, contactId: appointment.contactId },
		opportunity: { id: opportunity.id, contactId: opportunity.contactId, pipelineId: opportunity.pipelineId },
		businessIds,
		calendarIds,
		calendarGroupId: records['/calendars/groups'].find((group) => group.locationId === sb.demo.locationId)!.id,
		blockedSlotId: records['/calendars/events/block-slots'][0].id,
		appointmentNoteId: records[`/calendars/appointments/${appointment.id}/notes`][0].id,
		roomId: records['/calendars/resources/rooms'][0].id,
		notificationId: records[`/calendars/${calendarIds[1]}/notifications`][0].id,
		scheduleId: records['/calendars/schedules'][0].id,
		campaignIds,
		workflowIds,
		userIds,
		location: {
			id: sb.demo.locationId,
			tagId: first(`/locations/${sb.demo.locationId}/tags`).id,
			customValueId: first(`/locations/${sb.demo.locationId}/customValues`).id,
			customFieldId: (sb.snapshot() as { customFields: Array<{ id: string; locationId: string }> }).customFields.find(
				(field) => field.locationId === sb.demo.locationId,
			)!.id,
			fileFieldId: (sb.snapshot() as { customFields: Array<{ id: string; locationId: string; dataType: string }> }).customFields.find(
				(field) => field.locationId === sb.demo.locationId && field.dataType === 'FILE_UPLOAD',
			)!.id,
			templateId: first(`/locations/${sb.demo.locationId}/templates`).id,
			recurringTaskId: first(`/locations/${sb.demo.locationId}/recurring-tasks`).id,
		},
		customObject: {
			key: String(first('/objects').key),
			folderId: first('/custom-fields/folders').id,
			fieldId: first('/custom-fields').id,
			recordId: first(`/objects/${String(first('/objects').key)}/records`).id,
		},
		subAccountIds: [sb.demo.locationId, sb.demo.otherLocationId, sb.demo.thirdLocationId],
		association: associationData(records),
	};
}

/** The seeded user-defined association (contact ↔ opportunity) and its relation. */
function associationData(records: Record<string, Array<Record<string, unknown>>>): ExampleData['association'] {
	const association = records['/associations'].find((candidate) => candidate.associationType === 'USER_DEFINED')!;
	const relation = records['/associations/relations'].find((candidate) => candidate.associationId === association.id)!;
	return {
		id: String(association.id),
		key: String(association.key),
		relationId: String(relation.id),
		contactId: String(relation.firstRecordId),
		opportunityId: String(relation.secondRecordId),
	};
}

function seedOf(sb: Sandbox): SeedSnapshot {
	const snapshot = structuredClone(sb.snapshot()) as unknown as SeedSnapshot;
	return {
		...snapshot,
		contacts: snapshot.contacts
			.filter((contact) => contact.locationId === sb.demo.locationId)
			.sort((a, b) => Date.parse(a.dateAdded) - Date.parse(b.dateAdded)),
	};
}

/** Operation keys the workflow tests under test/nodes claim with opTest('<key>', …). */
function claimedByTests(): Set<string> {
	const dir = path.resolve(__dirname, 'nodes');
	const claimed = new Set<string>();
	for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.test.ts'))) {
		const source = fs.readFileSync(path.join(dir, file), 'utf8');
		for (const match of source.matchAll(/\bopTest\(\s*['"]([A-Za-z0-9:-]+)['"]/g)) claimed.add(match[1]);
	}
	return claimed;
}

describe('catalogue coverage', () => {
	test('docs/catalogue.json is generated from the code (npx tsx scripts/catalogue/generate.ts)', () => {
		expect(fs.readFileSync(CATALOGUE_FILE, 'utf8')).toBe(catalogueText());
	});

	test('the event reference of docs/triggers.md is generated from the trigger code (npx tsx scripts/catalogue/generate.ts)', () => {
		expect(fs.readFileSync(TRIGGERS_DOC_FILE, 'utf8')).toBe(triggersDocText());
	});

	test('the OAuth2 scope presets are generated from the operation scopes (npx tsx scripts/catalogue/generate.ts)', () => {
		expect(fs.readFileSync(OAUTH_CREDENTIAL_FILE, 'utf8')).toBe(oauthCredentialText());
		expect(fs.readFileSync(AGENCY_CREDENTIAL_FILE, 'utf8')).toBe(agencyCredentialText());
	});

	test('operations are unique and each operation is declared as GHL\'s contract has it', () => {
		expect(new Set(catalogue.operations.map(keyOf)).size).toBe(catalogue.operations.length);
		const contract = loadSpecBundle().operations.filter((operation) => operation.fromSpec);
		for (const operation of catalogue.operations) {
			const spec = contract.find((candidate) => candidate.operationId === operation.operationId && candidate.api === operation.api);
			expect({ id: operation.operationId, found: !!spec }).toEqual({ id: operation.operationId, found: true });
			expect({ id: operation.operationId, method: operation.method, path: operation.path, version: operation.version }).toEqual({
				id: operation.operationId,
				method: spec!.method,
				path: spec!.path,
				version: spec!.version ?? null,
			});
			// The two bulk contact endpoints declare no security in the spec (so no scopes here); the
			// sandbox still needs a sub-account token with contacts.write for them. Other operations
			// without scopes (location tags by ID, …) declare `bearer: []`: no scope at all.
			// sandbox still needs a sub-account token with contacts.write for them.
			const expectedScopes = operation.scopes.length === 0 && operation.api === 'contacts' ? ['contacts.write'] : [...operation.scopes].sort();
			expect({ id: operation.operationId, scopes: expectedScopes }).toEqual({ id: operation.operationId, scopes: [...spec!.scopes].sort() });
		}
	});

	(reference ? test : test.skip)('covers every operation and webhook event of the reference catalogue, where present', () => {
		const ours = new Map(catalogue.operations.map((operation) => [keyOf(operation), operation]));
		for (const expected of reference!.operations) {
			const actual = ours.get(keyOf(expected));
			expect({ id: expected.operationId, method: actual?.method, path: actual?.path, api: actual?.api, version: actual?.version, scopes: actual?.scopes }).toEqual({
				id: expected.operationId,
				method: expected.method,
				path: expected.path,
				api: expected.api,
				version: expected.version,
				scopes: expected.scopes,
			});
		}
		expect(reference!.webhookEvents.filter((event) => !catalogue.webhookEvents.includes(event))).toEqual([]);
	});

	test('covers all of GHL\'s CRM-side API (docs/ghl-crm-scope.json): each operation declared as listed there, each webhook event', () => {
		const scope = JSON.parse(fs.readFileSync(SCOPE_FILE, 'utf8')) as { operations: ScopeOperation[]; webhookEvents: string[] };
		const ours = new Map(catalogue.operations.map((operation) => [keyOf(operation), operation]));
		const agencyOnly = (kinds: string[]) => kinds.length > 0 && kinds.every((kind) => kind.startsWith('Agency-Access'));
		const mismatched = scope.operations
			.map((expected) => {
				const actual = ours.get(keyOf(expected));
				const module = actual && resourceList.find((resource) => resource.value === actual.resource)?.operations[actual.operation];
				const agency = !!module?.meta.endpoint.agency;
				const wanted = { method: expected.method, path: expected.path, version: expected.version, scopes: expected.scopes };
				const got = actual && { method: actual.method, path: actual.path, version: actual.version, scopes: [...actual.scopes].sort() };
				// An operation only an agency token may call runs on the agency credential; one no agency token may call never does.
				const tokenOk = agencyOnly(expected.tokenKinds) ? agency : expected.tokenKinds.some((kind) => kind.startsWith('Agency-Access')) || !agency;
				return JSON.stringify(wanted) === JSON.stringify(got) && tokenOk ? undefined : { key: keyOf(expected), wanted, got, agency };
			})
			.filter(Boolean);
		expect(mismatched).toEqual([]);
		expect(scope.operations.length).toBeGreaterThanOrEqual(191);
		expect(scope.webhookEvents.filter((event) => !catalogue.webhookEvents.includes(event))).toEqual([]);
	});

	(CRM_REFERENCE_FILE ? test : test.skip)(
		'docs/ghl-crm-scope.json is the reference catalogue-crm.json beside the repository (npx tsx scripts/catalogue/scope.ts)',
		() => {
			expect(fs.readFileSync(SCOPE_FILE, 'utf8')).toBe(scopeText(readReference(CRM_REFERENCE_FILE!)));
		},
	);

	test('every catalogue operation is called by a node operation (found by running each one)', async () => {
		const nodeOperations = resourceList.flatMap((resource) =>
			Object.entries(resource.operations).map(([operation, module]) => ({ resource: resource.value, operation, module })),
		);
		const data = exampleData(sandbox(), seedOf(sandbox()));

		const calls: Record<string, string[]> = {};
		for (const { resource, operation, module } of nodeOperations) {
			const key = `${resource}.${operation}`;
			sandbox().reset();
			rateLimiter.forget();
			// Agency operations take only an agency token; the others run with the demo sub-account's.
			const credential = module.meta.endpoint.agency ? agencyCredential(sandbox()) : pitCredential(sandbox());
			const result = await runWorkflow(ghlWorkflow({ resource, operation, ...module.example(data) }, credential, { items: [EXAMPLE_ITEM] }), {
				credentials: [credential],
			});
			expect({ key, error: result.run.data.resultData.error?.message }).toEqual({ key, error: undefined });
			const requests = sandbox().requests.filter((request) => !request.path.startsWith('/_sandbox'));
			expect({ key, failed: requests.filter((request) => request.status >= 300).map((request) => request.operationKey) }).toEqual({
				key,
				failed: [],
			});
			calls[key] = [...new Set(requests.map((request) => request.operationKey ?? `${request.method} ${request.path}`))];
		}

		const called = new Set(Object.values(calls).flat());
		const missing = catalogue.operations
			.filter((operation) => !called.has(keyOf(operation)))
			.map((operation) => `${operation.operationId} (${operation.method} ${operation.path})`);
		expect(missing).toEqual([]);

		// Each node operation calls the endpoint it declares, and nothing else but known lookups.
		const known = new Set(catalogue.operations.map(keyOf));
		for (const [key, operationIds] of Object.entries(calls)) {
			const declared = keyOf(catalogue.operations.find((operation) => `${operation.resource}.${operation.operation}` === key)!);
			expect({ key, declared: operationIds.includes(declared) }).toEqual({ key, declared: true });
			expect({ key, other: operationIds.filter((id) => !known.has(id) && !SUPPORTING.has(id)) }).toEqual({ key, other: [] });
		}
	});

	test('every catalogue operation has a workflow test (opTest in test/nodes)', () => {
		const claimed = claimedByTests();
		const untested = catalogue.operations.map(keyOf).filter((id) => !claimed.has(id));
		expect(untested).toEqual([]);
		const known = new Set(catalogue.operations.map(keyOf));
		expect([...claimed].filter((id) => !known.has(id))).toEqual([]);
	});
});

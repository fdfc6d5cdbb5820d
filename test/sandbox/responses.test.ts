/**
 * The sandbox's answers are held to the spec's success response schemas: a mismatch is recorded
 * and fails the test that caused it (test/harness/fixtures.ts, and sandbox.test.ts, turn this on).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startSandbox } from '../../sandbox';
import { loadSpecBundle, resolveSpecDir, type OperationSpec } from '../../sandbox/openapi';
import { RESPONSE_SCHEMA_EXCEPTIONS, responseMismatches } from '../../sandbox/validation';
import { assertNoResponseMismatches } from '../harness/fixtures';

const bundle = loadSpecBundle();
const operation = (operationId: string): OperationSpec => {
	const found = bundle.operations.find((op) => op.operationId === operationId);
	if (!found) throw new Error(`no operation ${operationId} in the contract`);
	return found;
};

describe('response schemas from the contract', () => {
	test('success statuses carry their dereferenced application/json schema', () => {
		const getContact = operation('get-contact');
		expect(Object.keys(getContact.responses)).toEqual(['200']);
		expect(getContact.responses['200'].properties.contact.properties.tags).toMatchObject({ type: 'array' });
		expect(JSON.stringify(getContact.responses)).not.toContain('$ref');
		expect(Object.keys(operation('create-contact').responses)).toEqual(['201']);
		// Declared with no content at all: nothing to hold the answer to.
		expect(operation('search-contacts-advanced').responses).toEqual({});
	});

	test('a body of the wrong shape, or an undeclared success status, is a mismatch', () => {
		const getContact = operation('get-contact');
		expect(responseMismatches(getContact, 200, { contact: { id: 'abc', tags: ['vip'] } })).toEqual([]);
		expect(responseMismatches(getContact, 200, { contact: { id: 'abc', tags: 'vip' } })).toEqual(['contact.tags must be array']);
		expect(responseMismatches(getContact, 201, { contact: { id: 'abc' } })).toEqual([
			"status 201 is not the spec's success status (200)",
		]);
		// Errors are not success answers; their shapes are checked by the contract tests.
		expect(responseMismatches(getContact, 400, { statusCode: 400, message: 'Contact not found' })).toEqual([]);
		const bulkTags = operation('create-association');
		expect(responseMismatches(bulkTags, 201, { succeded: true, errorCount: 0 })).toEqual([
			"body must have required property 'responses'",
		]);
	});

	test.each(RESPONSE_SCHEMA_EXCEPTIONS.map((exception) => [exception.operationIds.join(', '), exception] as const))(
		'the exception for %s still corrects something in the contract',
		(_name, exception) => {
			expect(exception.reason.length).toBeGreaterThan(40);
			for (const operationId of exception.operationIds) {
				const schemas = Object.values(operation(operationId).responses);
				expect(schemas.length).toBeGreaterThan(0);
				const changed = schemas.some((schema) => {
					const patched = structuredClone(schema);
					exception.patch(patched);
					return JSON.stringify(patched) !== JSON.stringify(schema);
				});
				// An exception that changes nothing is stale: the contract was fixed, drop it.
				expect({ operationId, changed }).toEqual({ operationId, changed: true });
			}
		},
	);

	test('the exceptions loosen only what they name: a custom field value may be a list, a tag still may not be a string', () => {
		const getContact = operation('get-contact');
		const contact = { id: 'abc', customFields: [{ id: 'f1', value: ['Email', 'SMS'] }, { id: 'f2', value: 42 }] };
		expect(responseMismatches(getContact, 200, { contact })).toEqual([]);
		expect(responseMismatches(getContact, 200, { contact: { ...contact, tags: 'vip' } })).toEqual(['contact.tags must be array']);
		expect(responseMismatches(operation('get-appointment'), 200, { event: { startTime: 17 } })).toContain(
			'event.startTime must be string',
		);
	});
});

describe('validateResponses', () => {
	let specDir: string;
	const previousSpecDir = process.env.GHL_CONTRACT_DIR;

	beforeAll(() => {
		// A copy of the contract whose get-contact answer needs a field the sandbox never sends.
		specDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghl-contract-'));
		fs.cpSync(resolveSpecDir(), specDir, { recursive: true });
		const file = path.join(specDir, 'apps/contacts.json');
		const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
		doc.components.schemas.ContactsByIdSuccessfulResponseDto.required = ['contact', 'nickname'];
		fs.writeFileSync(file, JSON.stringify(doc));
	});
	afterAll(() => {
		fs.rmSync(specDir, { recursive: true, force: true });
	});

	async function sandboxOn(dir: string, validateResponses: boolean) {
		process.env.GHL_CONTRACT_DIR = dir;
		try {
			return await startSandbox({ port: 0, validateResponses });
		} finally {
			if (previousSpecDir === undefined) delete process.env.GHL_CONTRACT_DIR;
			else process.env.GHL_CONTRACT_DIR = previousSpecDir;
		}
	}

	async function getFirstContact(sb: Awaited<ReturnType<typeof startSandbox>>) {
		const contactId = (sb.snapshot().contacts as Array<{ id: string; locationId: string }>).find(
			(contact) => contact.locationId === sb.demo.locationId,
		)!.id;
		const res = await fetch(`${sb.url}/contacts/${contactId}`, {
			headers: { Authorization: `Bearer ${sb.demo.privateToken}`, Version: '2021-07-28' },
		});
		return { contactId, status: res.status };
	}

	test('records an answer the spec refuses, and the harness check fails with it', async () => {
		const sb = await sandboxOn(specDir, true);
		const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
		try {
			const { contactId, status } = await getFirstContact(sb);
			// The answer itself is sent as the handler made it.
			expect(status).toBe(200);
			expect(sb.responseMismatches).toEqual([
				{
					operationId: 'get-contact',
					method: 'GET',
					path: `/contacts/${contactId}`,
					status: 200,
					problems: ["body must have required property 'nickname'"],
				},
			]);
			expect(logged).toHaveBeenCalledWith(expect.stringContaining('sandbox response does not match spec'));
			expect(() => assertNoResponseMismatches(sb)).toThrow(
				`sandbox response does not match spec:\nGET /contacts/${contactId} → 200: body must have required property 'nickname'`,
			);
			// The check takes what it reports, so the next test starts clean; reset() clears too.
			expect(sb.responseMismatches).toEqual([]);
			await getFirstContact(sb);
			expect(sb.responseMismatches).toHaveLength(1);
			sb.reset();
			expect(sb.responseMismatches).toEqual([]);
		} finally {
			logged.mockRestore();
			await sb.close();
		}
	});

	test('is off unless asked for (the CLI sandbox does not check)', async () => {
		const sb = await sandboxOn(specDir, false);
		try {
			expect((await getFirstContact(sb)).status).toBe(200);
			expect(sb.responseMismatches).toEqual([]);
		} finally {
			await sb.close();
		}
	});

	test('the real contract accepts the real answer', async () => {
		const sb = await sandboxOn(resolveSpecDir(), true);
		try {
			expect((await getFirstContact(sb)).status).toBe(200);
			expect(sb.responseMismatches).toEqual([]);
		} finally {
			await sb.close();
		}
	});
});

/**
 * The sandbox reads GHL's contract from sandbox/contract/, generated from GHL's official OpenAPI files
 * by scripts/contract/generate.ts and committed. These tests fail when that folder is out of step with
 * the official files (where they are present beside the repository), when prose slipped into it, or
 * when the sandbox would read anything outside the repository.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildContract, CONTRACT_DIR, readCommittedContract } from '../scripts/contract/generate';
import { loadSpecBundle, resolveSpecDir } from '../sandbox/openapi';
import { referencePath } from './reference';

const officialDir = referencePath('ghl-openapi', 'apps') && referencePath('ghl-openapi');

describe('GHL contract (sandbox/contract)', () => {
	(officialDir ? test : test.skip)('is what the generator makes of GHL’s official OpenAPI files, where present', () => {
		const expected = buildContract(officialDir!);
		const committed = readCommittedContract();
		expect([...committed.keys()].sort()).toEqual([...expected.keys()].sort());
		const stale = [...expected].filter(([file, text]) => committed.get(file) !== text).map(([file]) => file);
		expect(stale).toEqual([]);
	});

	test('holds facts only: generating again from it changes nothing (no descriptions, examples, tags)', () => {
		const committed = readCommittedContract();
		expect(committed.size).toBeGreaterThan(15);
		const again = buildContract(CONTRACT_DIR);
		for (const [file, text] of again) expect({ file, same: committed.get(file) === text }).toEqual({ file, same: true });
		for (const [file, text] of committed) {
			for (const word of ['"summary"', '"example"', '"examples"', '"x-tagGroups"']) {
				expect({ file, word, found: text.includes(word) }).toEqual({ file, word, found: false });
			}
		}
	});

	test('the sandbox loads it from inside the repository, with Version values, scopes and success responses', () => {
		const repoRoot = path.resolve(__dirname, '..');
		const dir = resolveSpecDir();
		if (!process.env.GHL_CONTRACT_DIR) expect(dir).toBe(CONTRACT_DIR);
		expect(path.relative(repoRoot, dir).startsWith('..')).toBe(false);
		const bundle = loadSpecBundle(CONTRACT_DIR);
		const getContact = bundle.operations.find((operation) => operation.operationId === 'get-contact')!;
		expect(getContact).toMatchObject({ method: 'GET', path: '/contacts/{contactId}', version: '2021-07-28', scopes: ['contacts.readonly'] });
		const createAppointment = bundle.operations.find((operation) => operation.operationId === 'create-appointment')!;
		expect(createAppointment.version).toBe('2021-04-15');
		expect(createAppointment.body?.schema.properties?.calendarId?.type).toBe('string');
		expect(createAppointment.body?.schema.required).toEqual(expect.arrayContaining(['calendarId', 'locationId', 'contactId', 'startTime']));
		const raw = JSON.parse(fs.readFileSync(path.join(CONTRACT_DIR, 'apps/contacts.json'), 'utf8'));
		expect(Object.keys(raw.paths['/contacts/{contactId}'].get.responses)).toEqual(['200']);
	});
});

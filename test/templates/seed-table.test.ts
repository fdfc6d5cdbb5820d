/**
 * templates/README.md's "Seed by seed" table stays true: every promise has a status, every template
 * it names exists (and every template answers some promise), a "not possible" names its source, and
 * every seed brief has rows. The seed briefs themselves (in the folder test/reference.ts points to) are compared only where
 * they exist; the repository never needs them.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';
import { templates } from '../../templates/src/index';
import { referencePath } from '../reference';

const ROOT = path.resolve(__dirname, '../..');
const readme = readFileSync(path.join(ROOT, 'templates/README.md'), 'utf8');
const HEADER = '| Seed | Promise | Status | Template, or why not |';
const STATUSES = ['done', 'partly', 'not yet', 'not possible'];
const SEEDS = ['000', '001', '002', '003', '004'];

interface Row {
	seed: string;
	promise: string;
	status: string;
	where: string;
	templates: string[];
}

function seedRows(): Row[] {
	const start = readme.indexOf(HEADER);
	if (start < 0) return [];
	const lines = readme.slice(start).split('\n').slice(2);
	const end = lines.findIndex((line) => !line.startsWith('| '));
	return lines.slice(0, end < 0 ? lines.length : end).map((line) => {
		const [seed, promise, status, where] = line.split('|').slice(1, -1).map((cell) => cell.trim());
		return { seed, promise, status, where: where ?? '', templates: [...(where ?? '').matchAll(/`([a-z0-9-]+)\.json`/g)].map((m) => m[1]) };
	});
}

describe('templates/README.md: seed by seed', () => {
	const rows = seedRows();

	test('the table is there and every row has a seed, a promise and a known status', () => {
		expect(rows.length).toBeGreaterThan(10);
		for (const row of rows) {
			expect([row.promise, SEEDS.includes(row.seed), row.promise.length > 10, STATUSES.includes(row.status)]).toEqual([row.promise, true, true, true]);
		}
		for (const seed of SEEDS) expect([seed, rows.filter((r) => r.seed === seed).length > 0]).toEqual([seed, true]);
	});

	test('done and partly rows name templates that exist; every template answers a promise', () => {
		const files = templates.map((spec) => spec.file);
		for (const row of rows) {
			if (row.status === 'done' || row.status === 'partly') expect([row.promise, row.templates.length > 0]).toEqual([row.promise, true]);
			for (const name of row.templates) {
				expect([row.promise, name, files.includes(name) && existsSync(path.join(ROOT, 'templates', `${name}.json`))]).toEqual([row.promise, name, true]);
			}
		}
		const named = new Set(rows.filter((r) => r.status === 'done' || r.status === 'partly').flatMap((r) => r.templates));
		for (const file of files) expect([file, named.has(file)]).toEqual([file, true]);
	});

	test('a "partly" row says what is missing; a "not possible" row says why, with its source in brackets', () => {
		for (const row of rows.filter((r) => r.status === 'partly')) expect([row.promise, /;|not yet|missing/.test(row.where)]).toEqual([row.promise, true]);
		for (const row of rows.filter((r) => r.status === 'not possible')) {
			expect([row.promise, row.templates, /\([^)]{8,}\)$/.test(row.where)]).toEqual([row.promise, [], true]);
		}
	});

	// The seed briefs live outside the repository; compared only when they are there.
	const seedsDir = referencePath('seeds');
	(seedsDir ? test : test.skip)('every seed brief has rows (the reference seeds, when present)', () => {
		const briefs = readdirSync(seedsDir!).filter((name) => /^\d{3}_.*\.txt$/.test(name)).map((name) => name.slice(0, 3));
		expect(briefs.length).toBeGreaterThan(0);
		expect([...new Set(rows.map((r) => r.seed))].sort()).toEqual([...new Set(briefs)].sort());
	});
});

import * as fs from 'fs';
import * as path from 'path';
import { resourceList } from '../nodes/Ghl/actions';
import { buildCatalogue, readmeText } from '../scripts/catalogue/generate';

const readme = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
const catalogue = buildCatalogue();

/** The README's operations table rows: resource, operation label, "METHOD path", scope. */
const rows = readme
	.split('\n')
	.filter((line) => /^\| [A-Z][a-z]+(?: [A-Z][a-z]+)* \| .+ \| `(GET|POST|PUT|DELETE|PATCH) \//.test(line))
	.map((line) => line.split('|').map((cell) => cell.trim()));

describe('README tells the truth', () => {
	test('the operations table is generated from the operation files (npx tsx scripts/catalogue/generate.ts)', () => {
		expect(readme).toBe(readmeText(readme));
	});

	test.each(catalogue.operations.map((operation) => [`${operation.method} ${operation.path}`, operation] as const))(
		'the operations table lists %s with its scope',
		(endpoint, operation) => {
			const row = rows.find((cells) => cells[3] === `\`${endpoint}\``);
			expect(row).toBeDefined();
			for (const scope of operation.scopes) expect(row![4]).toContain(scope);
		},
	);

	test('every resource and operation name in the table exists in the node', () => {
		const names = new Map(resourceList.map((resource) => [resource.name, Object.values(resource.operations).map((op) => op.meta.name)]));
		for (const [, resource, label] of rows) {
			expect(names.has(resource)).toBe(true);
			expect(names.get(resource)!.some((name) => label === name || label.startsWith(`${name} (`) || label.startsWith(`${name}:`))).toBe(true);
		}
		expect(rows).toHaveLength(catalogue.operations.length);
	});
});

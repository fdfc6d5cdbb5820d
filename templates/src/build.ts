/**
 * Writes templates/*.json from the template modules in this folder.
 *   npx tsx templates/src/build.ts          # rebuild
 *   npx tsx templates/src/build.ts --check  # exit 1 when a JSON file differs from its source
 * test/templates.test.ts runs the same check, so the JSON and this source cannot drift apart.
 * It also writes each template's Least privilege line into templates/README.md (templates/src/scopes.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { buildWorkflow, type TemplateSpec } from './lib';
import { templates } from './index';
import { readmeWithScopes } from './scopes';

export const TEMPLATES_DIR = path.resolve(__dirname, '..');

export const TEMPLATES_README = path.join(TEMPLATES_DIR, 'README.md');

export function renderTemplate(spec: TemplateSpec): string {
	return `${JSON.stringify(buildWorkflow(spec), null, 2)}\n`;
}

export function templateFile(spec: TemplateSpec): string {
	return path.join(TEMPLATES_DIR, `${spec.file}.json`);
}

function main(): void {
	const check = process.argv.includes('--check');
	let stale = 0;
	for (const spec of templates) {
		const file = templateFile(spec);
		const rendered = renderTemplate(spec);
		const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
		if (current === rendered) continue;
		if (check) {
			console.error(`${path.relative(process.cwd(), file)} is out of date: run npx tsx templates/src/build.ts`);
			stale++;
		} else {
			writeFileSync(file, rendered);
			console.log(`wrote ${path.relative(process.cwd(), file)}`);
		}
	}
	const readme = readFileSync(TEMPLATES_README, 'utf8');
	const renderedReadme = readmeWithScopes(readme, templates);
	if (readme !== renderedReadme) {
		if (check) {
			console.error('templates/README.md: a Least privilege line is out of date: run npx tsx templates/src/build.ts');
			stale++;
		} else {
			writeFileSync(TEMPLATES_README, renderedReadme);
			console.log('wrote templates/README.md (Least privilege lines)');
		}
	}
	if (stale) process.exit(1);
}

if (require.main === module) main();

/**
 * Every TypeScript file in the repository is type-checked (`npm run typecheck`) and linted
 * (`npm run lint`): a new folder of .ts files that neither the tsconfig nor the ESLint config
 * reaches fails here instead of going unchecked.
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import path from 'path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const scripts: Record<string, string> = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;

const tracked = execFileSync('git', ['ls-files', '-z', '--', '*.ts'], { cwd: ROOT, encoding: 'utf8' })
	.split('\0')
	.filter(Boolean)
	.sort();

/** The non-option arguments of an npm script's command, e.g. the paths of `eslint --max-warnings 0 .`. */
function positionalArgs(script: string, command: string): string[] {
	const words = script.trim().split(/\s+/);
	expect(words[0]).toBe(command);
	const args: string[] = [];
	for (let i = 1; i < words.length; i++) {
		if (words[i] === '--max-warnings' || words[i] === '-p' || words[i] === '--project') i++;
		else if (!words[i].startsWith('-')) args.push(words[i]);
	}
	return args;
}

const isUnder = (file: string, dir: string) => {
	const relative = path.relative(path.resolve(ROOT, dir), path.resolve(ROOT, file));
	return !relative.startsWith('..') && !path.isAbsolute(relative);
};

describe('every tracked .ts file is checked', () => {
	test('git tracks .ts files in the folders the repository is made of', () => {
		const folders = new Set(tracked.map((file) => file.split('/')[0]));
		for (const folder of ['nodes', 'credentials', 'test', 'sandbox', 'scripts', 'bench', 'templates']) expect([folder, folders.has(folder)]).toEqual([folder, true]);
	});

	test('`npm run typecheck` covers each of them: its tsconfig includes the file', () => {
		const project = /(?:-p|--project)\s+(\S+)/.exec(scripts.typecheck)?.[1];
		expect(project).toBeDefined();
		const configFile = path.join(ROOT, project!);
		const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
		expect(error).toBeUndefined();
		const parsed = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(configFile), undefined, configFile);
		expect(parsed.errors).toEqual([]);
		// The files the include/exclude patterns match (the program's root files), not only those an included file imports.
		const included = new Set(parsed.fileNames.map((file) => path.relative(ROOT, file)));
		expect(tracked.filter((file) => !included.has(file))).toEqual([]);
	});

	test('`npm run lint` lints each of them: under a path it lints, not ignored, with typescript-eslint rules', () => {
		const targets = positionalArgs(scripts.lint, 'eslint');
		expect(targets.length).toBeGreaterThan(0);
		expect(scripts.lint).toMatch(/--max-warnings 0\b/);
		expect(tracked.filter((file) => !targets.some((target) => isUnder(file, target)))).toEqual([]);

		// ESLint loads its flat config (eslint.config.mjs) with import(), which jest's module sandbox
		// does not allow: ask it in a plain node process.
		const probe = `
			const { ESLint } = require('eslint');
			const files = JSON.parse(require('fs').readFileSync(0, 'utf8'));
			(async () => {
				const eslint = new ESLint({ cwd: process.cwd() });
				const verdicts = {};
				for (const file of files) {
					const config = await eslint.calculateConfigForFile(file);
					verdicts[file] = await eslint.isPathIgnored(file)
						? 'ignored'
						: Object.entries(config.rules ?? {}).filter(([name, setting]) => name.startsWith('@typescript-eslint/') && [].concat(setting)[0] !== 0 && [].concat(setting)[0] !== 'off').length;
				}
				process.stdout.write(JSON.stringify(verdicts));
			})().catch((err) => { console.error(err); process.exit(1); });
		`;
		const verdicts: Record<string, 'ignored' | number> = JSON.parse(
			execFileSync(process.execPath, ['-e', probe], { cwd: ROOT, input: JSON.stringify(tracked), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }),
		);
		expect(Object.keys(verdicts).sort()).toEqual(tracked);
		expect(Object.entries(verdicts).filter(([, verdict]) => verdict === 'ignored')).toEqual([]);
		expect(Object.entries(verdicts).filter(([, verdict]) => verdict === 0)).toEqual([]);
	}, 60_000);
});

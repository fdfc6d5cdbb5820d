/**
 * Our package as n8n users get it: `npm pack` of the built package, extracted as a
 * community package into `<N8N_USER_FOLDER>/.n8n/nodes/node_modules/n8n-nodes-ghl`
 * (n8n scans that folder at boot; n8n-workflow resolves through n8n's NODE_PATH).
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'fs';
import path from 'path';
import { E2E_CACHE, PACKAGE_NAME, ROOT, ensureDir } from './runtime';

let packed: string | undefined;

/**
 * Path of the package tarball: $E2E_PACKAGE_TGZ (scripts/e2e.sh packs once per run), or a
 * fresh `npm pack` of the current dist/ (built first when dist/ is missing).
 */
export function packageTarball(): string {
	const fromEnv = process.env.E2E_PACKAGE_TGZ;
	if (fromEnv && existsSync(fromEnv)) return fromEnv;
	if (packed && existsSync(packed)) return packed;
	if (!existsSync(path.join(ROOT, 'dist/nodes/Ghl/Ghl.node.js'))) {
		execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
	}
	const dest = ensureDir(path.join(E2E_CACHE, `pack-${process.pid}`));
	for (const old of readdirSync(dest)) rmSync(path.join(dest, old), { force: true });
	const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', dest], { cwd: ROOT, encoding: 'utf8' });
	const name = out.trim().split('\n').pop()!.trim();
	packed = path.join(dest, name);
	if (!existsSync(packed) || !statSync(packed).size) throw new Error(`npm pack did not produce ${packed}`);
	return packed;
}

/** Extracts the tarball into the user folder's community-package directory (replacing an older copy). */
export function installPackage(userFolder: string, tarball = packageTarball()): string {
	const nodesDir = ensureDir(path.join(userFolder, '.n8n/nodes/node_modules'));
	const target = path.join(nodesDir, PACKAGE_NAME);
	const staging = path.join(nodesDir, `.staging-${process.pid}`);
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', staging]);
	rmSync(target, { recursive: true, force: true });
	renameSync(path.join(staging, 'package'), target);
	rmSync(staging, { recursive: true, force: true });
	return target;
}

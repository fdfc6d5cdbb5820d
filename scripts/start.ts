/**
 * `npm start` (via scripts/start.sh, which installs the runtime and builds first):
 * the GHL sandbox on :8787, the partner simulators on :8788, our packed package installed as a
 * community package, credentials pointing at the sandbox, every template imported, an owner,
 * and n8n on http://localhost:5678. Ctrl-C stops everything this started.
 *
 * Environment: N8N_USER_FOLDER (default .cache/n8n-home), N8N_PORT (5678),
 * N8N_RUNNERS_BROKER_PORT (N8N_PORT+1), GHL_SANDBOX_PORT (8787), PARTNERS_PORT (8788).
 * Tokens are the sandbox's demo tokens; nothing is written into committed files.
 */
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import path from 'path';
import { startSandbox } from '../sandbox';
import { N8nClient, n8nCliOk, n8nEnv, waitReady, writeJsonFile } from '../test/e2e/lib/n8n';
import { installPackage, packageTarball } from '../test/e2e/lib/package';
import { portInUse, startProcess, waitFor, type Managed } from '../test/e2e/lib/processes';
import { CACHE, OWNER, n8nEntry, nodeBinary } from '../test/e2e/lib/runtime';
import { startPartners } from '../sandbox/partners';
import { sandboxCredentials } from '../test/e2e/lib/stack';
import { listTemplates, localTemplate, partnerCredentials } from '../test/e2e/lib/templates';
import { editorDefaultTrigger } from '../templates/src/lib';

/** The template the banner's next steps open first. */
const TOUR_TEMPLATE = 'leadsquared-lead-to-ghl-contact';

const userFolder = path.resolve(process.env.N8N_USER_FOLDER ?? path.join(CACHE, 'n8n-home'));
const n8nPort = Number(process.env.N8N_PORT ?? 5678);
const brokerPort = Number(process.env.N8N_RUNNERS_BROKER_PORT ?? n8nPort + 1);
const sandboxPort = Number(process.env.GHL_SANDBOX_PORT ?? 8787);
const partnersPort = Number(process.env.PARTNERS_PORT ?? 8788);
const pidFile = process.env.START_PID_FILE;

function say(message: string): void {
	console.log(`[start] ${message}`);
}

async function main(): Promise<void> {
	const busy: number[] = [];
	for (const port of [n8nPort, brokerPort, sandboxPort, partnersPort]) if (await portInUse(port)) busy.push(port);
	if (busy.length) throw new Error(`Port(s) ${busy.join(', ')} already in use: stop what runs there, or set N8N_PORT / GHL_SANDBOX_PORT / PARTNERS_PORT`);

	const stops: (() => Promise<void>)[] = [];
	let stopping = false;
	const stopAll = async (code: number) => {
		if (stopping) return;
		stopping = true;
		say('stopping…');
		for (const stop of stops.reverse()) await stop().catch(() => undefined);
		process.exit(code);
	};
	process.on('SIGINT', () => void stopAll(0));
	process.on('SIGTERM', () => void stopAll(0));

	try {
		const sandbox = await startSandbox({ port: sandboxPort, refreshGraceMs: 120_000 });
		stops.push(() => sandbox.close());
		say(`GHL sandbox on ${sandbox.url} (admin API: ${sandbox.url}/_sandbox/info)`);
		const partners = await startPartners({ port: partnersPort });
		stops.push(() => partners.close());
		say(`partner simulators on ${partners.url}`);

		const installed = installPackage(userFolder, packageTarball());
		say(`installed ${path.relative(process.cwd(), packageTarball())} → ${installed}`);

		const env = n8nEnv({ userFolder, port: n8nPort, brokerPort, webhookUrl: `http://localhost:${n8nPort}/` });
		env.N8N_EDITOR_BASE_URL = `http://localhost:${n8nPort}/`;
		env.N8N_HOST = 'localhost';
		env.N8N_LISTEN_ADDRESS = process.env.N8N_LISTEN_ADDRESS ?? '127.0.0.1';
		const importDir = path.join(userFolder, 'import');
		mkdirSync(importDir, { recursive: true });

		// Fresh sandbox → fresh OAuth tokens; re-importing the same ids overwrites last run's credentials.
		const oauthTokens = sandbox.issueOAuthTokens();
		const agencyTokens = sandbox.issueOAuthTokens({ userType: 'Company' });
		const credentials = [...sandboxCredentials(sandbox, oauthTokens, agencyTokens), ...(partners ? partnerCredentials() : [])];
		const credFile = writeJsonFile(importDir, 'credentials.json', credentials);
		try {
			await n8nCliOk(env, ['import:credentials', `--input=${credFile}`], 300_000);
		} finally {
			rmSync(credFile, { force: true });
		}
		say(`credentials: ${credentials.map((c) => `${c.name} [${c.type}]`).join(', ')}`);

		const templates = listTemplates();
		if (templates.length) {
			const dir = path.join(importDir, 'templates');
			rmSync(dir, { recursive: true, force: true });
			mkdirSync(dir, { recursive: true });
			for (const t of templates) {
				// Triggers must trust this sandbox's signing keys (they are made anew at every start).
				const json = localTemplate(t.json, { partnersUrl: partners?.url, publicKeys: sandbox.publicKeys });
				writeFileSync(path.join(dir, path.basename(t.file)), JSON.stringify(json));
			}
			await n8nCliOk(env, ['import:workflow', '--separate', `--input=${dir}`], 300_000);
			rmSync(dir, { recursive: true, force: true });
			say(`imported ${templates.length} template(s): ${templates.map((t) => t.json.name).join(' | ')}`);
		}

		say('starting n8n…');
		const n8n: Managed = startProcess('n8n', nodeBinary(), [n8nEntry(), 'start'], { env, cwd: userFolder });
		stops.push(async () => {
			await n8n.stop();
			if (pidFile) rmSync(pidFile, { force: true });
		});
		if (pidFile) writeFileSync(pidFile, `${n8n.child.pid}\n`);
		const url = `http://localhost:${n8nPort}`;
		await waitFor(
			'n8n to be ready',
			async () => {
				if (n8n.exitCode !== undefined) throw new Error(`n8n exited with ${n8n.exitCode}`);
				return await waitReady(`http://127.0.0.1:${n8nPort}`);
			},
			{ timeoutMs: 300_000, intervalMs: 500 },
		);
		await new N8nClient(`http://127.0.0.1:${n8nPort}`).ensureOwner(OWNER);
		const tour = templates.find((t) => t.file.endsWith(`${TOUR_TEMPLATE}.json`))?.json;
		const tourTrigger = tour ? editorDefaultTrigger(tour.nodes) : undefined;

		console.log(
			[
				'',
				'================================================================',
				` n8n with n8n-nodes-ghl is running: ${url}`,
				` Login:    ${OWNER.email}`,
				` Password: ${OWNER.password}`,
				` GHL sandbox: ${sandbox.url}  (location ${sandbox.demo.locationId})`,
				partners ? ` Partner simulators: ${partners.url}` : '',
				` Credentials "${credentials[0].name}" and "${credentials[1].name}" point at the sandbox.`,
				' Press Ctrl-C to stop everything.',
				tour ? ' Next steps:' : '',
				tour ? `  1. Open the template "${tour.name}": ${url}/workflow/${tour.id}` : '',
				tour ? `  2. Press "Execute workflow" (below the canvas): it runs "${tourTrigger?.name}" on a sample lead.` : '',
				tour ? `  3. See the contact and note it wrote, and every API call, in the sandbox console: ${sandbox.url}/` : '',
				tour ? `     (partner records: ${partners.url}/)` : '',
				'================================================================',
				'',
			]
				.filter((line) => line !== '')
				.join('\n'),
		);
		const code = await n8n.exited;
		if (!stopping) {
			say(`n8n exited (${code})`);
			await stopAll(code ?? 1);
		}
	} catch (err) {
		console.error(`[start] ${(err as Error).message}`);
		await stopAll(1);
	}
}

void main();

/**
 * This package against n8n's built-in HighLevel node, each scenario in a real n8n 2.41.1 against
 * the same GHL sandbox, limit and latency. `npm run bench` (with goals.bench.ts); writes
 * docs/benchmarks.md and docs/benchmarks.json. Scale and repetitions from the environment
 * (bench/realN8n/scenarios.ts, settingsFromEnv): BENCH_RECORDS, BENCH_RUNS, BENCH_SCALE=full, …
 * BENCH_SCENARIOS=bulk,returnAll,overhead,trigger,polling picks some; BENCH_NODES=ours leaves the built-in
 * node out; BENCH_TAGS=no|yes picks the bulk writes without/with a tag; BENCH_APPEND=1 adds to the report in
 * BENCH_OUT; BENCH_SKIP_COMPARE=1 skips this file.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import type { IDataObject } from 'n8n-workflow';
import { startStack } from '../test/e2e/lib';
import type { Stack } from '../test/e2e/lib';
import { pitCredential } from '../test/harness/fixtures';
import { Poller } from '../test/triggers/helpers';
import { startRedirect } from './realN8n/redirect';
import type { Redirect } from './realN8n/redirect';
import {
	again,
	bulkWrite,
	execute,
	fillLocation,
	GHL_INTERVAL_MS,
	GHL_MAX,
	importBulkWrite,
	importOverhead,
	importReturnAll,
	importReturnAllReference,
	outputData,
	prepareSandbox,
	settingsFromEnv,
	triggerThroughput,
} from './realN8n/scenarios';
import type { BenchContext, BulkWriteRun, NodeKind, RunFigures, TriggerFigures } from './realN8n/scenarios';
import { renderReport } from './realN8n/report';
import type { BenchReport } from './realN8n/report';

const ROOT = path.resolve(__dirname, '..');
const skip = process.env.BENCH_SKIP_COMPARE === '1';

/**
 * The package tarball n8n installs: built from the last commit (`git archive HEAD`), so the figures
 * belong to a commit and not to whatever is being edited; BENCH_SOURCE=worktree builds the working tree.
 */
function packPackage(workDir: string): string {
	let source = ROOT;
	if (process.env.BENCH_SOURCE !== 'worktree') {
		source = path.join(workDir, 'source');
		mkdirSync(source, { recursive: true });
		execFileSync('bash', ['-c', `git archive HEAD | tar -x -C "${source}"`], { cwd: ROOT });
		symlinkSync(path.join(ROOT, 'node_modules'), path.join(source, 'node_modules'));
	}
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: source, stdio: 'inherit' });
	const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', workDir], { cwd: source, encoding: 'utf8' }).trim().split('\n').pop()!;
	return path.join(workDir, name.trim());
}

const BUILT_IN_CREDENTIAL = { id: 'BenchHighLevelBuiltIn', name: 'HighLevel built-in (bench)' };

async function timedPoll(trigger: Poller): Promise<{ items: IDataObject[]; ms: number }> {
	const started = performance.now();
	const items = (await trigger.poll()) ?? [];
	return { items, ms: performance.now() - started };
}

(skip ? test.skip : test)(
	'real n8n: this package and the built-in HighLevel node, same sandbox, limit and latency',
	async () => {
		const settings = settingsFromEnv();
		const workDir = path.join(ROOT, '.cache', `bench-${process.pid}`);
		mkdirSync(workDir, { recursive: true });
		process.env.E2E_PACKAGE_TGZ = packPackage(workDir);
		let sandboxUrl = '';
		let redirect: Redirect | undefined;
		let stack: Stack | undefined;
		const started = new Date();
		try {
			redirect = await startRedirect(() => sandboxUrl, workDir);
			stack = await startStack({ partners: false, portBase: Number(process.env.BENCH_PORT_BASE ?? 5750), env: redirect.env });
			sandboxUrl = stack.sandbox.url;
			await stack.importCredential({
				...BUILT_IN_CREDENTIAL,
				type: 'highLevelOAuth2Api',
				data: {
					clientId: stack.sandbox.demo.oauthClientId,
					clientSecret: stack.sandbox.demo.oauthClientSecret,
					grantType: 'authorizationCode',
					authUrl: 'https://marketplace.leadconnectorhq.com/oauth/chooselocation',
					accessTokenUrl: 'https://services.leadconnectorhq.com/oauth/token',
					scope: stack.sandbox.demo.scopes.join(' '),
					authentication: 'body',
					oauthTokenData: stack.sandbox.issueOAuthTokens(),
				},
			});
			const ctx: BenchContext = { stack, redirect, builtIn: BUILT_IN_CREDENTIAL, settings };
			const log = (line: string) => process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
			// BENCH_NODES=ours leaves the built-in node out (at full scale and 500 ms it writes 2 per second: 42 min a run).
			const kinds = (process.env.BENCH_NODES ?? 'ours,builtIn').split(',') as NodeKind[];
			const wanted = (name: string) => !process.env.BENCH_SCENARIOS || process.env.BENCH_SCENARIOS.split(',').includes(name);

			const out = process.env.BENCH_OUT ?? path.join(ROOT, 'docs');
			// BENCH_APPEND=1 continues the report in BENCH_OUT: its bulk rows are kept and this run's added
			// (a long full-scale series in parts, e.g. after the machine had to be restarted).
			const previous: BenchReport | undefined =
				process.env.BENCH_APPEND === '1' && existsSync(path.join(out, 'benchmarks.json'))
					? (JSON.parse(readFileSync(path.join(out, 'benchmarks.json'), 'utf8')) as BenchReport)
					: undefined;
			const bulk: BenchReport['bulk'] = previous ? [...previous.bulk] : [];
			const returnAll: BenchReport['returnAll'] = [];
			const returnAllReferences: NonNullable<BenchReport['returnAllReferences']> = [];
			const overhead: BenchReport['overhead'] = [];
			const trigger: TriggerFigures[] = [];
			const webhookReference: TriggerFigures[] = [];
			const polling: BenchReport['polling'] = [];
			/** Writes what is measured so far (a long run that fails late keeps its figures). */
			const save = () => {
				mkdirSync(out, { recursive: true });
				const report: BenchReport = {
					started: previous?.started ?? started.toISOString(),
					finished: new Date().toISOString(),
					machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, shared with other work`,
					// An appended report keeps its notes and lists every latency its rows were measured at.
					settings: previous
						? { ...settings, latenciesMs: [...new Set([...previous.settings.latenciesMs, ...settings.latenciesMs])].sort((a, b) => a - b) }
						: settings,
					...(previous?.notes || process.env.BENCH_NOTE
						? { notes: [...(previous?.notes ?? []), ...(process.env.BENCH_NOTE ? [process.env.BENCH_NOTE] : [])] }
						: {}),
					limit: { max: GHL_MAX, intervalMs: GHL_INTERVAL_MS },
					proxyForwarded: (previous?.proxyForwarded ?? 0) + redirect!.forwarded,
					bulk,
					returnAll,
					returnAllReferences,
					overhead,
					trigger,
					webhookReference,
					polling,
				};
				writeFileSync(path.join(out, 'benchmarks.json'), `${JSON.stringify(report, null, '\t')}\n`);
				writeFileSync(path.join(out, 'benchmarks.md'), renderReport(report));
			};

			// 5. Polling (first: short, and its figure is a target): one poll after 10,000 new contacts (n8n-core's PollContext, this package only)
			save();
			for (let index = 0; wanted('polling') && index < settings.runs; index++) {
				prepareSandbox(ctx, { latencyMs: 0, limit: true });
				const poller = new Poller({ event: 'contactCreated' } as never, pitCredential(stack.sandbox));
				await poller.poll();
				await fillLocationAfterBaseline(stack, 10_000);
				stack.sandbox.requests.length = 0;
				const { items, ms } = await timedPoll(poller);
				const calls = stack.sandbox.requests.filter((request) => request.path === '/contacts/search').length;
				const ids = items.map((item) => String(item.id));
				polling.push({ calls, ms, items: items.length, duplicates: ids.length - new Set(ids).size });
				log(`polling: ${items.length} items, ${calls} calls, ${(ms / 1000).toFixed(2)} s`);
			}

			save();

			// 1. Bulk write
			// BENCH_TAGS=no,yes: the bulk writes without and with a tag.
			const tagChoices = (process.env.BENCH_TAGS ?? 'no,yes').split(',').map((choice) => choice.trim() === 'yes');
			for (const tagged of wanted('bulk') ? tagChoices : []) {
				const ids = { ours: await importBulkWrite(ctx, 'ours', tagged), builtIn: kinds.includes('builtIn') ? await importBulkWrite(ctx, 'builtIn', tagged) : '' };
				for (const latencyMs of settings.latenciesMs) {
					for (const node of kinds) {
						const runs: BulkWriteRun[] = [];
						for (let index = 0; index < settings.runs; index++) {
							runs.push(await again(() => bulkWrite(ctx, ids[node], tagged, latencyMs), log));
							const last = runs[runs.length - 1];
							log(`bulk ${node} tag=${tagged} latency=${latencyMs}: ${last.status} ${last.written} written, ${last.calls} calls, ${last.rateLimited}×429, ${(last.nodeMs / 1000).toFixed(1)} s${last.error ? `: ${last.error.slice(0, 120)}` : ''}`);
						}
						bulk.push({ node, tagged, latencyMs, runs });
						save();
					}
				}
			}

			// 2. Return All
			if (wanted('returnAll') || wanted('overhead')) await fillLocation(ctx, settings.returnAllContacts);
			/** Runs a stored Return All workflow `settings.runs` times; `nestedKey` reads contacts nested in page items. */
			const readAll = async (id: string, label: string, nestedKey?: string): Promise<RunFigures[]> => {
				const runs: RunFigures[] = [];
				for (let index = 0; index < settings.runs; index++) {
					const { run, ...figures } = await again(async () => {
						prepareSandbox(ctx, { latencyMs: 0, limit: true, keepData: true });
						return await execute(ctx, id, 'GHL');
					}, log);
					runs.push({ ...figures, ...outputData(run, 'GHL', nestedKey) });
					log(`return all ${label}: ${figures.status} ${runs[runs.length - 1].records} contacts, ${figures.calls} calls, ${(figures.nodeMs / 1000).toFixed(2)} s, ${figures.peakRssMb?.toFixed(0)} MB${figures.error ? `: ${figures.error.slice(0, 120)}` : ''}`);
				}
				return runs;
			};
			for (const node of wanted('returnAll') ? kinds : []) {
				returnAll.push({ node, runs: await readAll(await importReturnAll(ctx, node), node) });
				save();
			}
			// The memory references: n8n's own HTTP Request node reading the same contacts, a page an
			// item (each contact held once), and followed by n8n's Split Out node (an item a contact).
			for (const shape of wanted('returnAll') ? (['pages', 'splitOut'] as const) : []) {
				const id = await importReturnAllReference(ctx, shape === 'splitOut');
				returnAllReferences.push({ shape, runs: await readAll(id, `n8n reference ${shape}`, shape === 'pages' ? 'contacts' : undefined) });
				save();
			}

			// 3. Node overhead (CPU per item: N items less 1 item, same workflow shape)
			const contactId = (stack.sandbox.snapshot().contacts as Array<{ id: string; locationId: string }>).find(
				(contact) => contact.locationId === stack!.sandbox.demo.locationId,
			)!.id;
			for (const node of wanted('overhead') ? kinds : []) {
				const many = await importOverhead(ctx, node, settings.overheadItems, contactId);
				const one = await importOverhead(ctx, node, 1, contactId);
				const runs: Array<{ many: RunFigures; one: RunFigures }> = [];
				for (let index = 0; index < settings.runs; index++) {
					prepareSandbox(ctx, { latencyMs: 0, limit: false, keepData: true });
					const { run: _m, ...manyFigures } = await again(() => execute(ctx, many, 'GHL'), log);
					const { run: _o, ...oneFigures } = await again(() => execute(ctx, one, 'GHL'), log);
					void _m;
					void _o;
					runs.push({ many: manyFigures, one: oneFigures });
					log(`overhead ${node}: ${manyFigures.status} ${manyFigures.outputItems} items in ${(manyFigures.nodeMs / 1000).toFixed(2)} s, cpu ${manyFigures.cpuMs?.toFixed(0)} ms vs ${oneFigures.cpuMs?.toFixed(0)} ms for 1${manyFigures.error ? `: ${manyFigures.error.slice(0, 120)}` : ''}`);
				}
				overhead.push({ node, items: settings.overheadItems, runs });
				save();
			}

			// 4. Trigger (this package only: n8n has no HighLevel trigger node)
			for (let index = 0; wanted('trigger') && index < settings.runs; index++) {
				trigger.push(await triggerThroughput(ctx, settings.deliveries));
				const last = trigger[trigger.length - 1];
				webhookReference.push(await triggerThroughput(ctx, settings.deliveries, 4, 8, 'n8nWebhook'));
				log(`n8n Webhook node (reference): ${webhookReference[webhookReference.length - 1].perSecond.toFixed(1)}/s`);
				log(`trigger: ${last.accepted}/${last.deliveries} in ${last.seconds.toFixed(1)} s, batches ${last.batchMedianMs.map((ms) => ms.toFixed(1)).join('/')} ms, replays that started an execution ${last.replayExecutions}/${last.replays}`);
			}

			save();
			log(`wrote ${path.join(out, 'benchmarks.md')}`);
			// This package loses nothing, in any run.
			expect(bulk.filter((row) => row.node === 'ours').flatMap((row) => row.runs.map((run) => run.lost)).filter((lost) => lost > 0)).toEqual([]);
		} finally {
			await stack?.stop();
			await redirect?.close();
			rmSync(workDir, { recursive: true, force: true });
		}
	},
	8 * 60 * 60_000,
);

/** Adds `count` new contacts through the API, after the poller's baseline (no limit meanwhile). */
async function fillLocationAfterBaseline(stack: Stack, count: number): Promise<void> {
	const { sandbox } = stack;
	const limit = { max: 1_000_000_000, intervalMs: 1000, daily: 1_000_000_000 };
	sandbox.setRateLimit(limit);
	await new Promise((resolve) => setTimeout(resolve, 5));
	let next = 0;
	await Promise.all(
		Array.from({ length: 32 }, async () => {
			while (next < count) {
				const index = next++;
				const response = await fetch(`${sandbox.url}/contacts/`, {
					method: 'POST',
					headers: { Authorization: `Bearer ${sandbox.demo.privateToken}`, Version: '2021-07-28', 'Content-Type': 'application/json' },
					body: JSON.stringify({ locationId: sandbox.demo.locationId, firstName: `Changed${index}`, email: `changed${index}@bench.example.com` }),
				});
				await response.arrayBuffer();
			}
		}),
	);
	sandbox.setRateLimit({ max: GHL_MAX, intervalMs: GHL_INTERVAL_MS / settingsFromEnv().timeScale, daily: 10_000_000 });
}


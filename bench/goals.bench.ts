/**
 * Speed and memory goals of the package, measured through n8n-core's real engine against the GHL
 * sandbox on 127.0.0.1. `npm run bench` (run by jest so TypeScript resolves as in the tests);
 * fails when a goal is missed.
 */
import { startSandbox } from '../sandbox';
import type { Sandbox } from '../sandbox';
import { rateLimiter } from '../nodes/shared/transport';
import { runWorkflow } from '../test/harness/run';
import { ghlWorkflow } from '../test/harness/workflows';
import { pitCredential } from '../test/harness/fixtures';

interface Result {
	name: string;
	measured: string;
	goal: string;
	ok: boolean;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
	const start = performance.now();
	const value = await work();
	return { value, ms: performance.now() - start };
}

function apiCalls(sandbox: Sandbox) {
	return sandbox.requests.filter((request) => !request.path.startsWith('/_sandbox'));
}

async function upserts(sandbox: Sandbox, count: number, prefix: string) {
	const credential = pitCredential(sandbox);
	const items = Array.from({ length: count }, (_, index) => ({ email: `${prefix}${index}@bench.example.com` }));
	return await runWorkflow(
		ghlWorkflow({ resource: 'contact', operation: 'upsert', email: '={{ $json.email }}' }, credential, { items }),
		{ credentials: [credential] },
	);
}

async function pacing(sandbox: Sandbox): Promise<Result> {
	// GHL's 100 requests / 10 s, with the window scaled to 1 s so the run takes seconds, not minutes.
	sandbox.reset();
	rateLimiter.forget();
	sandbox.setRateLimit({ max: 100, intervalMs: 1000, daily: 200000 });
	const { value, ms } = await timed(() => upserts(sandbox, 500, 'pace'));
	const calls = apiCalls(sandbox);
	const refused = calls.filter((call) => call.status === 429).length;
	const ceiling = (calls.length / 100) * 1000; // ms the limit allows at best
	const utilisation = ceiling / ms;
	return {
		name: 'pacing: 500 upserts at 100 req / 1 s',
		measured: `${(ms / 1000).toFixed(2)} s, ${refused} × 429, ${(utilisation * 100).toFixed(0)} % of the limit's ceiling, status ${value.run.status}`,
		goal: '0 × 429, ≥ 80 % of ceiling',
		ok: refused === 0 && utilisation >= 0.8 && value.run.status === 'success',
	};
}

/**
 * GHL's 100 requests / 10 s with the sandbox answering after 0, 200 and 500 ms, window and latency
 * both scaled ÷ 10 (what reaching the ceiling depends on is latency ÷ window). Counted as GHL counts:
 * each request when the sandbox counted it (after its latency), per window of the limit.
 */
async function pacingUnderLatency(sandbox: Sandbox): Promise<Result> {
	const scale = 10;
	const intervalMs = 10_000 / scale;
	const shares: string[] = [];
	let ok = true;
	for (const latencyMs of [0, 200, 500]) {
		sandbox.reset();
		rateLimiter.forget();
		sandbox.setRateLimit({ max: 100, intervalMs, daily: 10_000_000 });
		if (latencyMs) sandbox.injectFault({ kind: 'latency', ms: latencyMs / scale, count: 1_000_000 });
		const { value } = await timed(() => upserts(sandbox, 1000, `latency${latencyMs}-`));
		const calls = apiCalls(sandbox);
		const refused = calls.filter((call) => call.status === 429).length;
		const counted = calls.map((call) => call.at + latencyMs / scale).sort((a, b) => a - b);
		const busiest = Math.max(...counted.map((start) => counted.filter((at) => at >= start && at < start + intervalMs).length));
		// Requests counted per window, from the first counted after the opening burst's window to the last.
		const steady = counted.filter((at) => at >= counted[0] + intervalMs);
		const share = ((steady.length - 1) / (steady[steady.length - 1] - steady[0])) * (intervalMs / 100);
		shares.push(`${latencyMs} ms: ${(share * 100).toFixed(0)} % (${refused} × 429, busiest window ${busiest})`);
		ok &&= refused === 0 && busiest <= 100 && share >= 0.9 && value.run.status === 'success';
	}
	return {
		name: 'pacing under latency: 1,000 upserts at 100 req / 1 s, latency 0 / 20 / 50 ms (GHL 0 / 200 / 500 ms ÷ 10)',
		measured: shares.join('; '),
		goal: '0 × 429, ≤ 100 counted per window, ≥ 90 % of the ceiling at every latency',
		ok,
	};
}

async function returnAll(sandbox: Sandbox): Promise<Result> {
	sandbox.reset();
	rateLimiter.forget();
	sandbox.setRateLimit({ max: 1_000_000, intervalMs: 1000, daily: 10_000_000 });
	await upserts(sandbox, 5000, 'page');
	sandbox.requests.length = 0;
	const credential = pitCredential(sandbox);
	global.gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	const { value, ms } = await timed(() =>
		runWorkflow(ghlWorkflow({ resource: 'contact', operation: 'getAll', returnAll: true }, credential), {
			credentials: [credential],
		}),
	);
	const heapDelta = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
	const contacts = value.json('GHL').length;
	const pages = apiCalls(sandbox).length;
	return {
		name: 'search Return All over 5,000+ contacts',
		measured: `${contacts} contacts in ${pages} pages, ${(ms / 1000).toFixed(2)} s, heap +${heapDelta.toFixed(0)} MB`,
		goal: '≥ 5,000 contacts, ≤ 500 per page, < 10 s, heap < 200 MB',
		ok: contacts >= 5000 && pages <= Math.ceil(contacts / 500) + 1 && ms < 10_000 && heapDelta < 200,
	};
}

async function overhead(sandbox: Sandbox): Promise<Result> {
	sandbox.reset();
	rateLimiter.forget();
	sandbox.setRateLimit({ max: 1_000_000, intervalMs: 1000, daily: 10_000_000 });
	const credential = pitCredential(sandbox);
	const contacts = Object.values((sandbox.snapshot().contacts ?? {}) as Record<string, { id: string; locationId: string }>);
	const contactId = String(contacts.find((contact) => contact.locationId === sandbox.demo.locationId)?.id);
	const items = Array.from({ length: 2000 }, () => ({}));
	const { value, ms } = await timed(() =>
		runWorkflow(ghlWorkflow({ resource: 'contact', operation: 'get', contactId: { mode: 'id', value: contactId } }, credential, { items }), {
			credentials: [credential],
		}),
	);
	const rate = (items.length / ms) * 1000;
	return {
		name: 'per-item overhead: 2,000 gets, no rate limit',
		measured: `${rate.toFixed(0)} items/s, status ${value.run.status}`,
		goal: '≥ 200 items/s (GHL allows 10/s)',
		ok: rate >= 200 && value.run.status === 'success',
	};
}

test('speed and memory goals', async () => {
	const sandbox = await startSandbox({ port: 0 });
	const results: Result[] = [];
	try {
		for (const scenario of [pacing, pacingUnderLatency, returnAll, overhead]) results.push(await scenario(sandbox));
	} finally {
		await sandbox.close();
	}
	const report = results.map(
		(result) => `${result.ok ? 'PASS' : 'MISS'}  ${result.name}\n      measured: ${result.measured}\n      goal:     ${result.goal}`,
	);
	process.stdout.write(`\n${report.join('\n')}\n`);
	expect(results.filter((result) => !result.ok).map((result) => result.name)).toEqual([]);
});

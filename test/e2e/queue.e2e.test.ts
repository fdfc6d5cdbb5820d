/**
 * Queue mode: Redis + one n8n main + two workers (EXECUTIONS_MODE=queue). The resource
 * workflows (and the templates' sample paths) are started through production webhooks,
 * so the main only enqueues and the workers run them; results must be the same as in
 * regular mode, in the node outputs and in the sandbox.
 */
import path from 'path';
import { listTemplates, resourceCases, localTemplate, retrigger, runError, useStack, type ResourceContext } from './lib';
import { manualToWebhook } from './lib/workflows';

const stackRef = useStack({ queueMode: true });
const suffix = `q${Date.now().toString(36)}`;

/** Execution ids each worker's log says it ran. */
function executionsByWorker(logs: string[]): Set<string>[] {
	return logs.map((log) => new Set([...log.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1])));
}

async function post(url: string, body: unknown): Promise<{ status: number; text: string }> {
	const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return { status: res.status, text: await res.text() };
}

describe('queue mode (1 main + 2 workers + Redis)', () => {
	test('every resource workflow runs on a worker, with the same results as in regular mode', async () => {
		const stack = stackRef();
		expect(stack.workers).toHaveLength(2);
		const ctx: ResourceContext = { credentials: stack.credentials, demo: stack.sandbox.demo, suffix };
		const workflows = resourceCases.map((c) => retrigger(c.workflow(ctx), 'webhook', `e2e-queue-${c.resource}-${suffix}`));
		const ids = await stack.importWorkflows(workflows);
		for (const id of ids) await stack.activate(id);

		// All at once, so both workers get jobs.
		const responses = await Promise.all(resourceCases.map((c) => post(stack.webhookUrl(`e2e-queue-${c.resource}-${suffix}`), { from: 'e2e' })));
		expect(responses.map((r) => r.status)).toEqual(resourceCases.map(() => 200));

		const runs = await Promise.all(ids.map((id) => stack.waitForExecutions(id, 1, 90_000)));
		const byWorker = executionsByWorker(stack.logs().workers);
		for (const [i, resourceCase] of resourceCases.entries()) {
			const [execution] = runs[i];
			expect(execution.mode).toBe('webhook');
			resourceCase.check(execution, stack.sandbox, ctx);
			// Run by exactly one worker, not by the main process.
			expect(byWorker.filter((ran) => ran.has(String(execution.id)))).toHaveLength(1);
		}
		// Work was spread: each worker ran at least one of them.
		const allIds = runs.map(([execution]) => String(execution.id));
		expect(byWorker.map((ran) => allIds.filter((id) => ran.has(id)).length).every((n) => n >= 1)).toBe(true);
		expect(stack.logs().main).toMatch(/Enqueued execution \d+/);
	});

	const templates = listTemplates().filter((t) => t.json.nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger'));

	test(`the ${templates.length} template(s) run on workers (sample path behind a webhook)`, async () => {
		const stack = stackRef();
		const converted = templates.map((t) =>
			manualToWebhook(localTemplate(t.json, { partnersUrl: stack.partners?.url, publicKeys: stack.sandbox.publicKeys }), `e2e-queue-template-${t.json.id}-${suffix}`),
		);
		const ids = await stack.importWorkflows(converted.map((c) => c.workflow));
		for (const id of ids) await stack.activate(id);
		const responses = await Promise.all(converted.map((c) => post(stack.webhookUrl(c.path), {})));
		expect(responses.map((r) => r.status)).toEqual(converted.map(() => 200));
		const failures: string[] = [];
		await Promise.all(ids.map((id) => stack.waitForExecutions(id, 1, 90_000)));
		const byWorker = executionsByWorker(stack.logs().workers);
		for (const [i, id] of ids.entries()) {
			const [execution] = await stack.executions(id);
			const error = runError(execution);
			if (error || execution.status !== 'success') failures.push(`${path.basename(templates[i].file)}: ${error ?? execution.status}`);
			if (!byWorker.some((ran) => ran.has(String(execution.id)))) failures.push(`${path.basename(templates[i].file)}: not run by a worker`);
		}
		expect(failures).toEqual([]);
	});
});

/**
 * "Execute workflow" in n8n's editor runs each template's demo at once (issue 16): lib.ts predicts
 * the trigger the editor picks (n8n 2.41.1's findTriggerNodeToAutoSelect) and pins a sample on it
 * when it would otherwise wait for a call; the About note says which button to press. The browser
 * test (test/e2e/tour.e2e.test.ts) presses the button in a real n8n.
 */
import { startSandbox, type Sandbox } from '../sandbox';
import { templates as specs } from '../templates/src/index';
import { buildWorkflow, editorDefaultTrigger, waitsForACall, type N8nNode } from '../templates/src/lib';

const node = (type: string, name: string, disabled = false) => ({ type, name, disabled });

describe("the editor's default trigger (n8n 2.41.1's rule)", () => {
	test.each([
		['a Webhook outranks a Manual Trigger', [node('n8n-nodes-base.manualTrigger', 'M'), node('n8n-nodes-base.webhook', 'W')], 'W'],
		['an app trigger (ours) outranks a Manual Trigger', [node('n8n-nodes-base.manualTrigger', 'M'), node('n8n-nodes-ghl.ghlTrigger', 'G')], 'G'],
		['a Webhook outranks an app trigger', [node('n8n-nodes-ghl.ghlTrigger', 'G'), node('n8n-nodes-base.webhook', 'W')], 'W'],
		['an app trigger outranks a Schedule Trigger', [node('n8n-nodes-base.scheduleTrigger', 'S'), node('n8n-nodes-ghl.ghlPollingTrigger', 'P')], 'P'],
		['a Schedule Trigger outranks a Manual Trigger', [node('n8n-nodes-base.manualTrigger', 'M'), node('n8n-nodes-base.scheduleTrigger', 'S')], 'S'],
		['disabled triggers are passed over', [node('n8n-nodes-base.webhook', 'W', true), node('n8n-nodes-base.manualTrigger', 'M')], 'M'],
		['among equals, the first in node order', [node('n8n-nodes-ghl.ghlTrigger', 'G1'), node('n8n-nodes-ghl.ghlPollingTrigger', 'G2')], 'G1'],
		['non-trigger nodes are not candidates', [node('n8n-nodes-base.code', 'C'), node('n8n-nodes-base.manualTrigger', 'M')], 'M'],
	])('%s', (_case, nodes, expected) => {
		expect(editorDefaultTrigger(nodes)?.name).toBe(expected);
	});

	test('a core trigger it has no priority for is refused, not guessed', () => {
		expect(() => editorDefaultTrigger([node('n8n-nodes-base.emailReadImapTrigger', 'E')])).toThrow(/EDITOR_TRIGGER_PRIORITY/);
	});
});

describe('every template', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});
	afterAll(async () => {
		await sandbox.close();
	});

	test.each(specs.map((spec) => [spec.file, spec] as const))('%s: Execute workflow runs without waiting, and its note says so', (_file, spec) => {
		const json = buildWorkflow(spec) as { nodes: N8nNode[]; pinData?: Record<string, Array<{ json: Record<string, unknown> }>> };
		const target = editorDefaultTrigger(json.nodes);
		expect(target).toBeDefined();
		const about = json.nodes.find((n) => n.name === 'About this template')?.parameters.content as string;
		expect(about).toContain(`**To try it: press Execute workflow.** It starts at "${target!.name}"`);
		if (!waitsForACall(target!)) {
			expect(json.pinData).toBeUndefined();
			return;
		}
		// Pinned: exactly the template's sample, on that trigger only.
		expect(Object.keys(json.pinData ?? {})).toEqual([target!.name]);
		expect(json.pinData![target!.name].map((item) => item.json)).toEqual(spec.editorSample);
		expect(about).toContain('with the sample pinned on it');
		// Without a sample the build refuses, so a new template cannot leave the button waiting.
		expect(() => buildWorkflow({ ...spec, editorSample: undefined })).toThrow(/would wait for a call/);
	});

	test('pinned HighLevel Trigger samples are about records a fresh sandbox holds', () => {
		const snapshot = sandbox.snapshot() as Record<string, Array<{ id: string; locationId: string }>>;
		const pinned = specs.flatMap((spec) => {
			const json = buildWorkflow(spec) as { nodes: N8nNode[]; pinData?: Record<string, Array<{ json: Record<string, unknown> }>> };
			const target = editorDefaultTrigger(json.nodes);
			return target?.type === 'n8n-nodes-ghl.ghlTrigger' ? json.pinData![target.name].map((item) => item.json) : [];
		});
		expect(pinned.length).toBeGreaterThanOrEqual(3);
		for (const item of pinned) {
			const ids = item.ids as Record<string, string>;
			expect(item.locationId).toBe(sandbox.demo.locationId);
			expect(snapshot.contacts.map((c) => c.id)).toContain(ids.contactId);
			if (ids.appointmentId) expect(snapshot.appointments.map((a) => a.id)).toContain(ids.appointmentId);
		}
	});
});

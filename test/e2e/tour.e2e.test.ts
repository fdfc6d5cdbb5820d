/**
 * The tour `npm start`'s banner promises, done as a user in headless Chromium against a real n8n
 * 2.41.1: log in, open each template, press "Execute workflow" (whatever trigger n8n's editor
 * picks for it), and find the records it wrote in the sandbox console or the partner console,
 * in the browser. Then send a signed event from the sandbox console to an active HighLevel
 * Trigger workflow and find its execution in n8n. Screenshots: test-results/screenshots/tour-*.png
 * (copied to docs/screenshots/ for the README with E2E_UPDATE_DOCS_SCREENSHOTS=1).
 */
import type { Browser, Page } from 'playwright-core';
import { editorDefaultTrigger } from '../../templates/src/lib';
import { launchChromium, newEditorPage, publishScreenshots, screenshot, signIn } from './lib/browser';
import { useStack } from './lib/jest';
import type { Stack } from './lib/stack';
import { listTemplates, localTemplate } from './lib/templates';
import { GHL_TRIGGER, runError, type WorkflowJson } from './lib/workflows';

const stackRef = useStack();

/** Where each template's run shows up: console (sandbox or partners), table, and a text of the row. */
/**
 * Templates whose tour step (what their manual run shows in a console) is not written yet; each
 * runs end to end elsewhere (test/templates/*.test.ts, the other e2e files).
 */
const NOT_IN_TOUR_YET = ['ghl-agency-fan-out'];

const EXPECTED: Record<string, { console: 'sandbox' | 'partners'; table: string; text: string }> = {
	'leadsquared-lead-to-ghl-contact': { console: 'sandbox', table: 'contacts', text: 'priya.raman@example.com' },
	'leadsquared-activity-to-ghl-task': { console: 'sandbox', table: 'tasks', text: 'LeadSquared: Site Visit Scheduled' },
	'dpd-ipn-to-ghl-contact': { console: 'sandbox', table: 'contacts', text: 'maya.ortiz@example.com' },
	'dpd-purchases-poll-to-ghl': { console: 'sandbox', table: 'contacts', text: 'noah.becker@example.com' },
	'leadpops-leads-poll-to-ghl': { console: 'sandbox', table: 'contacts', text: 'derek.simmons@example.com' },
	'leadcars-leads-to-ghl': { console: 'sandbox', table: 'contacts', text: 'lucia.fernandez@example.es' },
	'ghl-contact-to-leadsquared': { console: 'partners', table: 'leadsquared-leads', text: 'ada.lovelace@example.com' },
	'ghl-appointment-to-leadsquared': { console: 'partners', table: 'leadsquared-tasks', text: 'Discovery call with Ada' },
	'ghl-contact-to-leadcars': { console: 'partners', table: 'leadcars-leads', text: 'grace.hopper@example.com' },
	'ghl-contacts-to-any-app': { console: 'partners', table: 'anyapp-records', text: 'ada.lovelace@example.com' },
	'any-app-to-ghl': { console: 'sandbox', table: 'contacts', text: 'noor.haddad@example.org' },
	'ghl-contacts-bulk-update': { console: 'sandbox', table: 'contacts', text: 'reviewed' },
	// Read-only: what shows is its search of the tagged contacts.
	'ghl-follow-ups-list-complete': { console: 'sandbox', table: 'requests', text: '/contacts/search' },
	'ghl-contact-360-to-leadcars': { console: 'sandbox', table: 'requests', text: '/contacts/search' },
	// From the Schedule Trigger: the simulator's purchases of the import window.
	'dpd-purchases-import-to-ghl': { console: 'sandbox', table: 'contacts', text: 'noah.becker@example.com' },
	// The pinned TaskComplete of Ada's GHL-only task: a LeadSquared to-do, created and completed.
	'ghl-task-complete-to-leadsquared': { console: 'partners', table: 'leadsquared-tasks', text: 'Send onboarding pack' },
	'leadsquared-meeting-to-ghl-appointment': { console: 'sandbox', table: 'appointments', text: 'Site visit with Priya' },
	'leadsquared-task-to-ghl-task': { console: 'sandbox', table: 'tasks', text: 'Call Priya about the loan documents' },
	// The pinned update of the app's record crm-ada: Ada's GHL notes, now notes of that record in the app.
	'any-app-record-updated-round-trip': { console: 'partners', table: 'anyapp-notes', text: 'Budget approved for Q3.' },
};

const templates = listTemplates().map((t) => ({ name: t.file.replace(/^.*\//, '').replace(/\.json$/, ''), json: t.json }));
const ids: Record<string, string> = {};
let browser: Browser;
let editor: Page;
let consolePage: Page;

beforeAll(async () => {
	const stack = stackRef();
	const jsons = templates.map((t) => localTemplate(t.json, { partnersUrl: stack.partners?.url, publicKeys: stack.sandbox.publicKeys }));
	const imported = await stack.importWorkflows(jsons);
	templates.forEach((t, i) => (ids[t.name] = imported[i]));
	browser = await launchChromium();
	editor = await newEditorPage(browser);
	await signIn(editor, stack.n8nUrl);
	consolePage = await editor.context().newPage();
}, 180_000);

afterAll(async () => {
	await browser?.close();
});

function consoleUrl(stack: Stack, which: 'sandbox' | 'partners'): string {
	return which === 'sandbox' ? `${stack.sandbox.url}/` : `${stack.partners!.url}/`;
}

/** Opens a console, searches one table and waits until a row with `text` is listed there. */
async function findInConsole(stack: Stack, which: 'sandbox' | 'partners', table: string, text: string): Promise<void> {
	await consolePage.goto(consoleUrl(stack, which));
	await consolePage.getByTestId(`search-${table}`).fill(text);
	await consolePage.getByTestId(`row-${table}`).filter({ hasText: text }).first().waitFor({ timeout: 15_000 });
	await consolePage.getByTestId(`section-${table}`).scrollIntoViewIfNeeded();
}

/** Waits for the workflow's executions to reach `count` and fails with the node error of the newest one. */
async function newestRun(stack: Stack, id: string, count: number): Promise<void> {
	const list = await stack.waitForExecutions(id, count, 90_000);
	const newest = list[list.length - 1];
	const error = runError(newest);
	if (error || newest.status !== 'success') throw new Error(`execution ${newest.id}: ${error ?? newest.status}`);
}

describe('tour: npm start → a template → Execute workflow → the records in the console', () => {
	test('every template runs from "Execute workflow" and its records show in the console', async () => {
		const stack = stackRef();
		expect([...Object.keys(EXPECTED), ...NOT_IN_TOUR_YET].sort()).toEqual(templates.map((t) => t.name).sort());
		const failures: string[] = [];
		for (const template of templates.filter((candidate) => !NOT_IN_TOUR_YET.includes(candidate.name))) {
			stack.sandbox.reset();
			stack.partners!.reset();
			const id = ids[template.name];
			const expected = EXPECTED[template.name];
			const target = editorDefaultTrigger(template.json.nodes);
			const first = template.name === 'leadsquared-lead-to-ghl-contact';
			try {
				await editor.goto(`${stack.n8nUrl}/workflow/${id}`);
				await editor.getByTestId('canvas-node').first().waitFor();
				const button = editor.getByTestId('execute-workflow-button');
				// The button names the trigger it runs ("from <name>", long names cut in the middle): the one lib.ts predicts.
				const label = await button.textContent();
				expect([label, label?.includes(target!.name.slice(0, 15)) && label.includes(target!.name.slice(-5))]).toEqual([label, true]);
				if (first) {
					await editor.getByTestId('zoom-to-fit').click();
					await screenshot(editor, 'tour-1-template');
				}
				const before = (await stack.executions(id)).length;
				await button.click();
				await newestRun(stack, id, before + 1);
				if (first) await screenshot(editor, 'tour-2-executed');
				await findInConsole(stack, expected.console, expected.table, expected.text);
				if (first) await screenshot(consolePage, 'tour-3-console');
			} catch (err) {
				await screenshot(editor, `tour-failed-${template.name}`).catch(() => undefined);
				failures.push(`${template.name}: ${(err as Error).message.replace(/\s+/g, ' ').slice(0, 400)}`);
			}
		}
		expect(failures).toEqual([]);
	}, 600_000);

	test('a signed event sent from the sandbox console starts the active HighLevel Trigger workflow', async () => {
		const stack = stackRef();
		stack.sandbox.reset();
		stack.partners!.reset();
		const name = 'ghl-contact-to-leadsquared';
		const id = ids[name];
		const json = templates.find((t) => t.name === name)!.json as WorkflowJson;
		const webhookId = json.nodes.find((n) => n.type === GHL_TRIGGER)?.webhookId;
		await stack.activate(id);
		try {
			const before = (await stack.executions(id)).length;
			await consolePage.goto(consoleUrl(stack, 'sandbox'));
			// The newest contact of the demo location (the console's first row): what the event is about.
			const newest = stack.sandbox.snapshot().contacts as Array<{ id: string; email: string; locationId: string; dateUpdated: string }>;
			const contact = newest.filter((c) => c.locationId === stack.sandbox.demo.locationId).sort((a, b) => b.dateUpdated.localeCompare(a.dateUpdated))[0];
			await consolePage.getByTestId('event-url').fill(stack.webhookUrl(`${webhookId}/webhook`));
			await consolePage.getByTestId('event-type').selectOption('ContactCreate');
			await consolePage.getByTestId('event-record').fill(contact.id);
			await consolePage.getByTestId('event-send').click();
			await consolePage.getByTestId('event-result').filter({ hasText: 'the trigger answered 200' }).waitFor();
			await consolePage.getByTestId('section-send-event').scrollIntoViewIfNeeded();
			await screenshot(consolePage, 'tour-4-send-event');
			await consolePage.getByTestId('row-deliveries').filter({ hasText: 'ContactCreate' }).first().waitFor();

			await newestRun(stack, id, before + 1);
			await editor.goto(`${stack.n8nUrl}/workflow/${id}/executions`);
			await editor.getByText(/^Succeeded/).first().waitFor();
			// The run's canvas, drawn next to the list.
			await editor.getByTestId('canvas-node').first().waitFor();
			await screenshot(editor, 'tour-5-execution');
			await findInConsole(stack, 'partners', 'leadsquared-leads', contact.email);
			await screenshot(consolePage, 'tour-6-partners-console');
		} finally {
			await stack.deactivate(id);
		}
		publishScreenshots(['tour-1-template', 'tour-2-executed', 'tour-3-console', 'tour-4-send-event', 'tour-5-execution']);
	}, 300_000);
});

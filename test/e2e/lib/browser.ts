/**
 * Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, against the
 * stack's n8n editor. n8n's own UI tests select by `data-test-id`, so do we.
 */
import { copyFileSync, existsSync, statSync } from 'fs';
import path from 'path';
import { chromium, selectors, type Browser, type Page } from 'playwright-core';
import { OWNER, RESULTS, ROOT, chromiumPath, ensureDir } from './runtime';

export const SCREENSHOTS = path.join(RESULTS, 'screenshots');
export const DOCS_SCREENSHOTS = path.join(ROOT, 'docs/screenshots');

let testIdSet = false;

export async function launchChromium(): Promise<Browser> {
	const executablePath = chromiumPath();
	if (!executablePath) throw new Error('Chromium not found: run `bash scripts/lib/runtime.sh chromium` (apt-get install chromium)');
	if (!testIdSet) {
		selectors.setTestIdAttribute('data-test-id');
		testIdSet = true;
	}
	return await chromium.launch({
		executablePath,
		headless: true,
		// Root on a closed network: no sandbox, no background calls to Google.
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

export async function newEditorPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
	const page = await context.newPage();
	page.setDefaultTimeout(30_000);
	return page;
}

export async function signIn(page: Page, baseUrl: string, owner = OWNER): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(owner.email);
	await page.getByTestId('password').locator('input').fill(owner.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.includes('/signin'), { timeout: 30_000 });
}

/** Saves a full-page screenshot under test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
	const file = path.join(ensureDir(SCREENSHOTS), `${name}.png`);
	// Let panel slide-ins and dropdown animations finish.
	await page.waitForTimeout(600);
	await page.screenshot({ path: file });
	return file;
}

/**
 * With E2E_UPDATE_DOCS_SCREENSHOTS=1, copies the named screenshots into docs/screenshots/ for
 * the README (kept out of normal runs so tests never dirty the working tree). Each must stay < 300 KB.
 */
export function publishScreenshots(names: string[]): void {
	if (!process.env.E2E_UPDATE_DOCS_SCREENSHOTS) return;
	ensureDir(DOCS_SCREENSHOTS);
	for (const name of names) {
		const from = path.join(SCREENSHOTS, `${name}.png`);
		if (!existsSync(from)) continue;
		if (statSync(from).size > 300 * 1024) throw new Error(`${name}.png is over 300 KB`);
		copyFileSync(from, path.join(DOCS_SCREENSHOTS, `${name}.png`));
	}
}

/** Item titles currently listed by the node creator (node panel). */
export async function nodeCreatorItems(page: Page): Promise<string[]> {
	return (await page.getByTestId('node-creator-item-name').allTextContents()).map((t) => t.trim());
}

/** Types into the node creator's search bar and waits until `expected` is listed. */
export async function searchNodeCreator(page: Page, query: string, expected: string): Promise<string[]> {
	await page.getByTestId('node-creator-search-bar').fill(query);
	await page.getByTestId('node-creator-item-name').getByText(expected, { exact: true }).first().waitFor();
	return await nodeCreatorItems(page);
}

/** Opens an options parameter's dropdown in the node details view and returns the option titles. */
export async function openOptions(page: Page, parameter: string): Promise<string[]> {
	await page.getByTestId(`parameter-input-${parameter}`).click();
	const options = page.getByRole('option');
	await options.first().waitFor();
	return await options.allTextContents();
}

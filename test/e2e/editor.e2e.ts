import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, selectors } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

import { n8nUrl } from './n8nApi';

/**
 * The package in n8n's editor, in Debian's Chromium: each node opens on the canvas and in its
 * parameter panel without a console error from the package, and leaves a screenshot behind.
 */

const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'editor');
/** Each node on the test workflow, and a parameter its panel shows. */
const NODES = [
	{ name: 'Afosto Catalog', parameter: 'Resource' },
	{ name: 'Afosto Contacts', parameter: 'Resource' },
	{ name: 'Afosto Content', parameter: 'Resource' },
	{ name: 'Afosto Fulfilment', parameter: 'Resource' },
	{ name: 'Afosto IAM', parameter: 'Resource' },
	{ name: 'Afosto Messaging', parameter: 'Resource' },
	{ name: 'Afosto Orders', parameter: 'Return All' },
	{ name: 'Afosto Platform', parameter: 'Resource' },
	{ name: 'Afosto Trigger', parameter: 'Signature Header' },
	{ name: 'Afosto WMS', parameter: 'Resource' },
	{ name: 'Bolttech', parameter: 'Product Code' },
	{ name: 'Bolttech Waiting for Callback', parameter: 'Timeout (Minutes)' },
	{ name: 'Bolttech Trigger', parameter: 'Actions' },
	{ name: 'MasStack', parameter: 'Movement Type' },
	{ name: 'MasStack Waiting for Callback', parameter: 'Timeout (Minutes)' },
	{ name: 'MasStack Trigger', parameter: 'Operations' },
];
/** What marks a browser error as coming from this package. */
const OURS = /bolttech|masstack|afosto/i;
/**
 * The editor asks every node type for an optional output schema (`/schemas/<type>/<version>.json`)
 * and treats 404 as "none"; community packages have no way to ship one. Not an error of the nodes.
 */
const OPTIONAL_SCHEMA_PROBE = /\/schemas\/n8n-nodes-(afosto|bolttech|masstack)\.[A-Za-z]+\/[\d.]+\.json$/;

let browser: Browser;
let page: Page;
const packageErrors: string[] = [];

beforeAll(async () => {
	mkdirSync(SCREENSHOTS, { recursive: true });
	// n8n's editor marks its elements with data-test-id.
	selectors.setTestIdAttribute('data-test-id');
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const [name, value] = (process.env.E2E_N8N_COOKIE as string).split(';')[0].split('=');
	await context.addCookies([{ name, value, url: n8nUrl() }]);
	page = await context.newPage();
	page.on('console', (message) => {
		const source = message.location().url;
		if (OPTIONAL_SCHEMA_PROBE.test(source)) return;
		if (message.type() === 'error' && OURS.test(`${message.text()} ${source}`)) {
			packageErrors.push(message.text());
		}
	});
	page.on('pageerror', (error) => {
		if (OURS.test(`${error.message} ${error.stack ?? ''}`)) packageErrors.push(error.message);
	});
	page.on('response', (response) => {
		const url = response.url();
		if (response.status() === 404 && OPTIONAL_SCHEMA_PROBE.test(url)) return;
		if (response.status() >= 400 && OURS.test(url)) packageErrors.push(`${response.status()} ${url}`);
	});
});

const canvasNode = (name: string) => page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);

afterAll(async () => {
	await browser?.close();
});

it('shows every node of the package on the canvas with its icon', async () => {
	await page.goto(`${n8nUrl()}/workflow/e2eEditorAllNodes`);
	for (const { name } of NODES) {
		await canvasNode(name).waitFor({ timeout: 60_000 });
	}
	await page.screenshot({ path: join(SCREENSHOTS, 'canvas.png') });
	expect(packageErrors).toEqual([]);
});

it.each(NODES)('opens the parameters of $name without errors from the package', async ({ name, parameter }) => {
	await canvasNode(name).dblclick();
	const panel = page.getByTestId('ndv');
	await panel.waitFor({ timeout: 30_000 });
	await panel.getByText(parameter, { exact: true }).first().waitFor({ timeout: 30_000 });
	await page.screenshot({ path: join(SCREENSHOTS, `${name.replace(/\W+/g, '-').toLowerCase()}.png`) });
	await page.keyboard.press('Escape');
	await panel.waitFor({ state: 'hidden', timeout: 30_000 });
	expect(packageErrors).toEqual([]);
});

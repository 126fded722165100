#!/usr/bin/env node
// `npm run test:e2e` (screenshots part): every workflow in examples/, imported with the sandbox
// credentials as `npm run dev` does, opened in the real n8n editor (headless Debian Chromium driven
// by playwright-core), fitted to the view and saved as test/e2e/screenshots/example-<n>.png (n from
// the file name; these PNGs are committed and shown in README's "Examples" section). Checks that
// each canvas shows every node of the example by name with no unknown-node placeholder.
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { loadExamples, sandboxCredentials } from './fixtures.mjs';
import { checks, packPackage, repo, startEmulators } from './lib.mjs';
import { startN8n } from './n8n-server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshots = path.join(repo, 'test', 'e2e', 'screenshots');
const { check, finish } = checks('screenshots e2e');

async function main() {
	if (!existsSync(CHROMIUM))
		throw new Error(
			`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium chromium-driver)`,
		);
	mkdirSync(screenshots, { recursive: true });
	const packed = packPackage();
	const emulators = await startEmulators();
	const examples = loadExamples();
	const importDir = mkdtempSync(path.join(os.tmpdir(), 'n8n-screenshots-'));
	writeFileSync(
		path.join(importDir, 'credentials.json'),
		JSON.stringify(sandboxCredentials(emulators.baseUrls, emulators.keys)),
	);
	writeFileSync(
		path.join(importDir, 'workflows.json'),
		JSON.stringify(examples.map(({ workflow }) => workflow)),
	);
	let n8n;
	let browser;
	let page;
	try {
		n8n = await startN8n({
			packageTarball: packed.tarball,
			beforeStart: async (cli) => {
				for (const [kind, file] of [
					['credentials', 'credentials.json'],
					['workflow', 'workflows.json'],
				]) {
					const result = await cli([`import:${kind}`, `--input=${path.join(importDir, file)}`]);
					if (result.code !== 0) throw new Error(`importing ${kind} failed:\n${result.failure()}`);
				}
			},
		});
		// Flags from this machine's notes: no background networking (the network is closed), no GPU.
		browser = await chromium.launch({
			executablePath: CHROMIUM,
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
		page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
		page.setDefaultTimeout(20_000);
		// The owner, through the setup form a new n8n shows (as browser.mjs does); the editor stays signed in.
		await page.goto(n8n.url);
		await page.waitForURL(/\/setup/);
		await page.fill('input[name=email]', 'owner@example.com');
		await page.fill('input[name=firstName]', 'Test');
		await page.fill('input[name=lastName]', 'Owner');
		await page.fill('input[name=password]', 'Password1234');
		await page.click('[data-test-id=form-submit-button]');
		await page.waitForURL((url) => !url.pathname.startsWith('/setup'));

		for (const { file, workflow } of examples) {
			const number = Number(/^(\d+)-/.exec(file)?.[1] ?? 0);
			const target = path.join(screenshots, `example-${number}.png`);
			await page.goto(`${n8n.url}/workflow/${workflow.id}`);
			await page.waitForSelector('[data-test-id=canvas-node]');
			// Let the canvas lay out (sticky notes, edges), then fit everything into the view.
			await page.waitForTimeout(1_000);
			const fit = page.locator('[data-test-id=zoom-to-fit]');
			if (await fit.count()) await fit.first().click();
			else await page.keyboard.press('1');
			await page.mouse.move(0, 0);
			await page.waitForTimeout(800);
			const shown = await page.$$eval('[data-test-id=canvas-node]', (nodes) =>
				nodes.map((node) => node.textContent ?? ''),
			);
			const missing = workflow.nodes
				.filter((node) => node.type !== 'n8n-nodes-base.stickyNote')
				.filter((node) => !shown.some((text) => text.includes(node.name)))
				.map((node) => node.name);
			const unknown = await page
				.locator('text=/Install this node|node is not currently installed/i')
				.count();
			await page.screenshot({ path: target });
			const size = existsSync(target) ? statSync(target).size : 0;
			check(
				`${file}: the editor shows every node by name, none unknown; saved example-${number}.png`,
				missing.length === 0 && unknown === 0 && size > 10_000,
				missing.length
					? `missing: ${missing.join(', ')}`
					: unknown
						? `${unknown} unknown-node placeholders`
						: `${(size / 1024).toFixed(0)} KiB`,
			);
		}
	} catch (error) {
		if (page)
			await page
				.screenshot({ path: path.join(os.tmpdir(), 'screenshots-failure.png') })
				.catch(() => {});
		check('screenshots run completed', false, String(error?.stack ?? error));
	} finally {
		if (browser) await browser.close();
		if (n8n) await n8n.stop();
		emulators.stop();
	}
	console.log(`screenshots: ${screenshots}`);
	process.exit(finish());
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});

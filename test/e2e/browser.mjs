#!/usr/bin/env node
// `npm run test:e2e` (browser part): headless Debian Chromium driven by playwright-core opens the
// real n8n editor with the packed package installed, sets up the owner through the form, creates
// a credential of each type through the credential form (n8n tests it on save), the HeyGen OAuth2
// credential connected through n8n's Connect popup, adds each node
// from the node panel, executes it, and runs a demo workflow. Screenshots go to
// test/e2e/screenshots/ (git-ignored; the committed example-<n>.png there come from screenshots.mjs).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { SERVICES, workflowFor } from './fixtures.mjs';
import { checks, packPackage, repo, startEmulators } from './lib.mjs';
import { startN8n } from './n8n-server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshots = path.join(repo, 'test', 'e2e', 'screenshots');
const { check, finish } = checks('browser e2e');

/** Per service: the names the editor shows, the action picked in the node panel, and a value its output must show. */
const UI = {
	sync: {
		credentialName: 'Sync API',
		nodeName: 'Sync',
		action: 'Get many models',
		expectText: 'lipsync-2',
	},
	heygen: {
		credentialName: 'HeyGen API',
		nodeName: 'HeyGen',
		action: 'Get the current user',
		expectText: 'emulator@example.com',
	},
	viralsync: {
		credentialName: 'ViralSync API',
		nodeName: 'ViralSync',
		action: 'Get the account',
		expectText: 'pro@example.com',
	},
	socialsyncer: {
		credentialName: 'SocialSyncer API',
		nodeName: 'SocialSyncer',
		action: 'Get many accounts',
		expectText: 'emulatorbrand',
	},
	synaptiq: {
		credentialName: 'Synaptiq API',
		nodeName: 'Synaptiq',
		action: 'Get many leads',
		expectText: 'browser@example.com',
	},
};

/** Fills a form input and checks it kept exactly that value (the credential form can re-render a default into it while it is being filled). */
async function fillExactly(page, selector, value) {
	for (let attempt = 0; attempt < 5; attempt++) {
		await page.fill(selector, value);
		await page.waitForTimeout(150);
		if ((await page.inputValue(selector)) === value) return;
	}
	throw new Error(`${selector} did not keep the value ${value}`);
}

async function main() {
	if (!existsSync(CHROMIUM))
		throw new Error(
			`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium chromium-driver)`,
		);
	mkdirSync(screenshots, { recursive: true });
	const packed = packPackage();
	const emulators = await startEmulators();
	await emulators
		.control('synaptiq')
		.api('POST', '/leads', { email: 'browser@example.com', name: 'Browser Lead' });
	const n8n = await startN8n({ packageTarball: packed.tarball });
	// Flags from this machine's notes: no background networking (the network is closed), no GPU.
	const browser = await chromium.launch({
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
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	page.setDefaultTimeout(20_000);
	const shot = async (name) =>
		await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
	const pageErrors = [];
	page.on('pageerror', (error) => pageErrors.push(String(error)));
	try {
		// The owner account, through the setup form a new n8n shows.
		await page.goto(n8n.url);
		await page.waitForURL(/\/setup/);
		await page.fill('input[name=email]', 'owner@example.com');
		await page.fill('input[name=firstName]', 'Test');
		await page.fill('input[name=lastName]', 'Owner');
		await page.fill('input[name=password]', 'Password1234');
		await shot('01-owner-setup');
		await page.click('[data-test-id=form-submit-button]');
		await page.waitForURL((url) => !url.pathname.startsWith('/setup'));
		check("the owner is set up through the editor's form", true, new URL(page.url()).pathname);
		await n8n.setupOwnerAndLogin();

		for (const [service, ui] of Object.entries(UI)) {
			// A credential through the form: n8n tests it when it is saved.
			await page.goto(`${n8n.url}/home/credentials/create`);
			await page.click(
				`[data-test-id=new-credential-type-select-option]:has-text("${ui.credentialName}")`,
			);
			await page.click('[data-test-id=new-credential-type-button]');
			await fillExactly(
				page,
				'[data-test-id=parameter-input-apiKey] input',
				emulators.keys[service],
			);
			await fillExactly(
				page,
				'[data-test-id=parameter-input-baseUrl] input',
				emulators.baseUrls[service],
			);
			await page.click('[data-test-id=credential-save-button]');
			const tested = await page
				.waitForSelector('[data-test-id=credentials-config-container-test-success]', {
					timeout: 15_000,
				})
				.then(() => true)
				.catch(() => false);
			const icon = await page.evaluate(
				() =>
					[...document.querySelectorAll('img')].find((img) =>
						img.src.includes('/icons/n8n-nodes-creator-suite/'),
					)?.naturalWidth ?? 0,
			);
			await shot(`02-credential-${service}`);
			check(
				`${service}: a ${ui.credentialName} credential created in the form passes n8n's test`,
				tested,
			);
			check(`${service}: the credential's icon renders`, icon > 0, `${icon} px wide`);
			await page.keyboard.press('Escape');

			// The node from the node panel, into a workflow that starts with a Manual Trigger.
			const workflow = await n8n.createWorkflow({
				name: `Browser ${service}`,
				connections: {},
				nodes: [
					{
						id: 'start',
						name: 'Start',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
				],
			});
			await page.goto(`${n8n.url}/workflow/${workflow.id}`);
			await page.click('[data-test-id=node-creator-plus-button]');
			await page.fill('[data-test-id=node-creator-search-bar]', ui.nodeName);
			await page.click(`[data-test-id=node-creator-item-name]:text-is("${ui.nodeName}")`);
			await page.locator(`[data-test-id=node-creator-item-name]:text-is("${ui.action}")`).waitFor();
			const actions = await page
				.locator('[data-test-id=node-creator] [data-test-id=node-creator-item-name]')
				.allTextContents();
			await shot(`03-node-panel-${service}`);
			check(
				`${service}: the node panel lists the node's actions`,
				actions.includes(ui.action),
				`${actions.length} entries, e.g. ${actions.slice(0, 4).join(' · ')}`,
			);
			await page.click(`[data-test-id=node-creator-item-name]:text-is("${ui.action}")`);
			await page.click('[data-test-id=node-execute-button]');
			const output = page.locator('[data-test-id=output-panel]');
			const shown = await output
				.getByText(ui.expectText, { exact: false })
				.first()
				.waitFor({ timeout: 20_000 })
				.then(() => true)
				.catch(() => false);
			await shot(`04-node-output-${service}`);
			check(
				`${service}: "${ui.action}" added from the panel runs with the form's credential and shows its output`,
				shown,
				shown ? '' : (await output.textContent())?.slice(0, 200),
			);
			await page.click('[data-test-id=ndv-close-button]');
		}

		// HeyGen OAuth2 through the credential form: only Client ID and Base URL to fill (the OAuth URLs,
		// grant type and secret stay hidden), then n8n's Connect popup runs the PKCE grant.
		const heygen = emulators.control('heygen');
		const clientId = (await heygen.api('POST', '/v1/oauth/register', {})).body.client_id;
		await page.goto(`${n8n.url}/home/credentials/create`);
		await page.click(
			'[data-test-id=new-credential-type-select-option]:has-text("HeyGen OAuth2 API")',
		);
		await page.click('[data-test-id=new-credential-type-button]');
		await page.locator('[data-test-id=parameter-input-clientId] input').waitFor();
		const hiddenFields = await page
			.locator(
				'[data-test-id=parameter-input-authUrl], [data-test-id=parameter-input-accessTokenUrl], [data-test-id=parameter-input-clientSecret], [data-test-id=parameter-input-grantType]',
			)
			.count();
		await fillExactly(page, '[data-test-id=parameter-input-clientId] input', clientId);
		await fillExactly(
			page,
			'[data-test-id=parameter-input-baseUrl] input',
			emulators.baseUrls.heygen,
		);
		await shot('06-oauth-credential-form');
		check(
			'heygen oauth2: the credential form asks only for Client ID and Base URL',
			hiddenFields === 0,
			`${hiddenFields} OAuth internals shown`,
		);
		await heygen.clearRequests();
		const [popup] = await Promise.all([
			page.waitForEvent('popup', { timeout: 15_000 }),
			page.locator('[data-test-id=oauth-not-connected-banner] button').first().click(),
		]);
		await popup.waitForEvent('close', { timeout: 20_000 }).catch(() => undefined);
		const connected = await page
			.waitForSelector('[data-test-id=oauth-connect-success-banner]', { timeout: 20_000 })
			.then(() => true)
			.catch(() => false);
		await shot('07-oauth-connected');
		const grant = (await heygen.requests())
			.filter((entry) => entry.path === '/oauth/authorize' || entry.path === '/v1/oauth/token')
			.map((entry) => `${entry.method} ${entry.path} ${entry.status}`);
		check(
			"heygen oauth2: the form's Connect button runs the grant in a popup and the form shows the account connected",
			connected && grant.join(', ') === 'GET /oauth/authorize 302, POST /v1/oauth/token 200',
			grant.join(', ') || 'no grant requests',
		);
		await page.keyboard.press('Escape');

		// A demo workflow (the sandbox's) run from the canvas.
		const credentials = (await n8n.rest('GET', '/rest/credentials')).json.data;
		const syncCredential = credentials.find(
			(credential) => credential.type === SERVICES.sync.credential,
		);
		const demo = workflowFor('sync', SERVICES.sync, syncCredential);
		delete demo.id;
		const saved = await n8n.createWorkflow({ ...demo, name: 'Demo: sync' });
		await page.goto(`${n8n.url}/workflow/${saved.id}`);
		await page.click('[data-test-id=execute-workflow-button]');
		const ran = await (async () => {
			const until = Date.now() + 20_000;
			while (Date.now() < until) {
				const [latest] = await n8n.executions(saved.id);
				if (latest && latest.status !== 'running' && latest.status !== 'new') return latest;
				await page.waitForTimeout(300);
			}
			return undefined;
		})();
		await page.waitForTimeout(500);
		await shot('05-demo-workflow-run');
		const items = ran ? n8n.outputOf(await n8n.execution(ran.id), 'Under Test') : undefined;
		check(
			'the demo workflow runs from the canvas and its node outputs the models',
			ran?.status === 'success' && items !== undefined && SERVICES.sync.expect(items),
			ran ? `${ran.status}, ${items?.length ?? 0} items` : 'no execution',
		);
		check(
			'no uncaught errors in the editor page',
			pageErrors.length === 0,
			pageErrors.slice(0, 3).join(' | '),
		);
	} catch (error) {
		await shot('99-failure').catch(() => {});
		check('browser run completed', false, String(error?.stack ?? error));
	} finally {
		await browser.close();
		await n8n.stop();
		emulators.stop();
	}
	console.log(`screenshots: ${screenshots}`);
	process.exit(finish());
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});

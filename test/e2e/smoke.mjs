#!/usr/bin/env node
// `npm run test:e2e` (first part): the packed package in a real n8n 2.x server against the
// emulators. n8n lists every credential type and node; each credential's Test button (REST)
// passes with a good key and fails with the service's message for bad ones; n8n executes one
// workflow per node and a binary download checked by size and hash; every trigger runs in an
// active workflow (triggers.mjs).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { REVOKED_KEYS, SERVICES, workflowFor } from './fixtures.mjs';
import { checks, packPackage, repo, startEmulators } from './lib.mjs';
import { N8N_MAJOR } from '../../scripts/ensure-n8n.mjs';
import { startN8n } from './n8n-server.mjs';
import { runTriggerChecks } from './triggers.mjs';

const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const { check, finish } = checks('real n8n e2e');

/** What a node ended with in `n8n execute --rawOutput` (the run data JSON): its error message, if any. */
function runErrorOf(stdout, nodeName) {
	const start = stdout.indexOf('{');
	if (start < 0) return undefined;
	try {
		const run = JSON.parse(stdout.slice(start));
		const runData = run.data?.resultData?.runData ?? run.resultData?.runData;
		const error = runData?.[nodeName]?.[0]?.error ?? run.data?.resultData?.error;
		return error ? `${error.message ?? ''} ${error.description ?? ''}`.trim() : undefined;
	} catch {
		return undefined;
	}
}

/** The output items of a node in `n8n execute --rawOutput` (the run data JSON). */
function parseRunOutput(stdout, nodeName) {
	const start = stdout.indexOf('{');
	if (start < 0) return undefined;
	try {
		const run = JSON.parse(stdout.slice(start));
		const runData = run.data?.resultData?.runData ?? run.resultData?.runData;
		return runData?.[nodeName]?.[0]?.data?.main?.[0];
	} catch {
		return undefined;
	}
}

async function main() {
	const packed = packPackage();
	const tarball = packed.tarball;
	console.log(`packed ${packed.filename} (${(packed.size / 1024).toFixed(1)} KB)`);

	const emulators = await startEmulators();
	const n8n = await startN8n({ packageTarball: tarball });
	console.log(`n8n healthy after ${(n8n.healthyAfterMs / 1000).toFixed(1)} s at ${n8n.url}`);
	const credentialsByService = {};
	try {
		await n8n.setupOwnerAndLogin();

		const credentialTypes = await n8n.credentialTypes();
		const credentialNames = new Set(credentialTypes.map((type) => type.name));
		const nodeTypes = await n8n.nodeTypes();
		const nodeNames = new Set(nodeTypes.map((type) => type.name));
		// Every credential type and node the package declares, by the name its class gives itself.
		const require = createRequire(import.meta.url);
		for (const file of pkg.n8n.credentials) {
			for (const CredentialClass of Object.values(require(path.join(repo, file)))) {
				const credentialName = new CredentialClass().name;
				check(
					`n8n lists the ${credentialName} credential type`,
					credentialNames.has(credentialName),
					file,
				);
			}
		}
		for (const file of pkg.n8n.nodes) {
			for (const NodeClass of Object.values(require(path.join(repo, file)))) {
				const nodeName = `${pkg.name}.${new NodeClass().description.name}`;
				check(`n8n lists the ${nodeName} node`, nodeNames.has(nodeName), file);
			}
		}

		for (const [service, spec] of Object.entries(SERVICES)) {
			const baseUrl = emulators.baseUrls[service];
			await emulators.control(service).clearRequests();

			const good = { apiKey: emulators.keys[service], baseUrl };
			const created = await n8n.createCredential(spec.credential, `${service} sandbox`, good);
			const passed = await n8n.testCredential(
				created.id,
				spec.credential,
				`${service} sandbox`,
				good,
			);
			check(
				`${spec.credential}: good key passes the Test button`,
				passed.status === 'OK',
				passed.message,
			);

			const badKeys = {
				wrong: 'smoke-wrong-key-0000',
				missing: '',
				...(REVOKED_KEYS[service] ? { revoked: REVOKED_KEYS[service] } : {}),
			};
			for (const [kind, apiKey] of Object.entries(badKeys)) {
				const failed = await n8n.testCredential(created.id, spec.credential, `${service} sandbox`, {
					apiKey,
					baseUrl,
				});
				// n8n 1.x shows its generic text for a failed test instead of the credential's rule message.
				const expected = N8N_MAJOR < 2 ? /401|Authorization failed/ : /401/;
				check(
					`${spec.credential}: ${kind} key fails${N8N_MAJOR < 2 ? '' : " with the service's message"}`,
					failed.status === 'Error' && expected.test(failed.message),
					failed.message,
				);
			}

			const log = await emulators.control(service).requests();
			credentialsByService[service] = created;
			const goodRequest = log.find((entry) => entry.status === 200);
			const expectedHeader =
				spec.header === 'authorization' ? `Bearer ${good.apiKey}` : good.apiKey;
			check(
				`${spec.credential}: n8n injected ${spec.header} and called ${spec.testPath}`,
				goodRequest?.path === spec.testPath && goodRequest.headers[spec.header] === expectedHeader,
				goodRequest ? `${goodRequest.method} ${goodRequest.path}` : 'no successful request logged',
			);
		}

		// Each node executed by n8n itself (CLI), against its emulator, with the stored credential.
		const workflowDir = mkdtempSync(path.join(os.tmpdir(), 'n8n-workflows-'));
		const seeded = await fetch(`${emulators.baseUrls.synaptiq}/leads`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${emulators.keys.synaptiq}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify({ email: 'smoke@example.com', name: 'Smoke Lead' }),
		});
		check('synaptiq: a lead is seeded in the emulator', seeded.status === 201);
		const seededLead = await seeded.json();
		for (const [service, spec] of Object.entries(SERVICES)) {
			const workflow = workflowFor(service, spec, credentialsByService[service]);
			const file = path.join(workflowDir, `${service}.json`);
			writeFileSync(file, JSON.stringify(workflow));
			const imported = await n8n.cli(['import:workflow', `--input=${file}`]);
			if (imported.code !== 0) {
				check(`${service}: workflow imported`, false, imported.failure());
				continue;
			}
			const executed = await n8n.cli(['execute', `--id=${workflow.id}`, '--rawOutput']);
			const items = parseRunOutput(executed.stdout, 'Under Test');
			check(
				`${service}: n8n executes the ${spec.node} node against the emulator`,
				executed.code === 0 && items !== undefined && spec.expect(items),
				items
					? `${items.length} item(s)${spec.expect(items) ? '' : `: ${JSON.stringify(items[0]?.json ?? {}).slice(0, 300)}`}`
					: (runErrorOf(executed.stdout, 'Under Test') ?? executed.failure()),
			);
		}

		await checkBinaryOutput(n8n, emulators, credentialsByService.sync, workflowDir);
		await checkErrorOutput(n8n, credentialsByService.synaptiq, String(seededLead.id), workflowDir);
		await runTriggerChecks({ n8n, emulators, check });
	} catch (error) {
		check(
			'e2e run completed',
			false,
			String(error?.stack ?? error) + (error?.cause ? ` (cause: ${error.cause})` : ''),
		);
		console.error(n8n.logTail());
	} finally {
		await n8n.stop();
		emulators.stop();
	}
	process.exit(finish());
}

/**
 * On Error: Continue (using error output), run by n8n: three items (a lead that exists, an empty ID,
 * an unknown ID) into Synaptiq Lead → Get; the workflow branches, and each branch gets its items.
 */
async function checkErrorOutput(n8n, credential, leadId, workflowDir) {
	const node = (name, type, typeVersion, position, parameters = {}, extra = {}) => ({
		id: name,
		name,
		type,
		typeVersion,
		position,
		parameters,
		...extra,
	});
	const workflow = {
		id: 'e2eerroroutput00',
		name: 'Error output branches',
		active: false,
		settings: {},
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger', 1, [0, 0]),
			node('Items', 'n8n-nodes-base.set', 3.4, [200, 0], {
				mode: 'raw',
				jsonOutput: JSON.stringify({ ids: [leadId, '', 'lead_00000000000000000000000000'] }),
			}),
			node('One Item per ID', 'n8n-nodes-base.splitOut', 1, [400, 0], { fieldToSplitOut: 'ids' }),
			node(
				'Under Test',
				`${pkg.name}.synaptiq`,
				1,
				[600, 0],
				{ resource: 'lead', operation: 'get', leadId: '={{ $json.ids }}' },
				{
					onError: 'continueErrorOutput',
					credentials: { synaptiqApi: { id: credential.id, name: credential.name } },
				},
			),
			node('Succeeded', 'n8n-nodes-base.noOp', 1, [800, -100]),
			node('Failed', 'n8n-nodes-base.noOp', 1, [800, 100]),
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'One Item per ID', type: 'main', index: 0 }]] },
			'One Item per ID': { main: [[{ node: 'Under Test', type: 'main', index: 0 }]] },
			'Under Test': {
				main: [
					[{ node: 'Succeeded', type: 'main', index: 0 }],
					[{ node: 'Failed', type: 'main', index: 0 }],
				],
			},
		},
	};
	const file = path.join(workflowDir, 'error-output.json');
	writeFileSync(file, JSON.stringify(workflow));
	const imported = await n8n.cli(['import:workflow', `--input=${file}`]);
	if (imported.code !== 0)
		return check('error output: workflow imported', false, imported.failure());
	const executed = await n8n.cli(['execute', `--id=${workflow.id}`, '--rawOutput']);
	const succeeded = parseRunOutput(executed.stdout, 'Succeeded') ?? [];
	const failed = parseRunOutput(executed.stdout, 'Failed') ?? [];
	check(
		'error output: the found lead leaves on the main output, to the success branch',
		succeeded.length === 1 && succeeded[0].json.id === leadId,
		executed.code === 0 ? `${succeeded.length} item(s)` : executed.failure(),
	);
	check(
		'error output: the empty and the unknown ID leave on the error output, to the error branch, saying why',
		failed.length === 2 &&
			/Lead ID is required/.test(failed[0].json.error) &&
			/HTTP 404/.test(failed[1].json.error) &&
			/Item: 2/.test(failed[1].json.message) &&
			failed[1].json.ids === 'lead_00000000000000000000000000',
		JSON.stringify(failed.map((item) => item.json)).slice(0, 400),
	);
}

/**
 * Sync Generation Create with Wait for Completion and Download Output, run by n8n: the binary
 * n8n stored must be the emulator's output file, byte for byte (size and SHA-256).
 */
async function checkBinaryOutput(n8n, emulators, credential, workflowDir) {
	const outputBytes = 350_000;
	await emulators.control('sync').config({ stageMs: 50, outputBytes });
	const workflow = workflowFor(
		'sync',
		{
			...SERVICES.sync,
			parameters: {
				resource: 'generation',
				operation: 'create',
				model: 'lipsync-2',
				inputMode: 'fields',
				videoSource: 'url',
				videoUrl: 'https://media.example.com/e2e.mp4',
				audioSource: 'url',
				audioUrl: 'https://media.example.com/e2e.wav',
				waitForCompletion: 'poll',
				pollInterval: 1,
				waitTimeout: 2,
				downloadOutput: true,
			},
		},
		credential,
	);
	workflow.id = 'e2ebinarysync000';
	const file = path.join(workflowDir, 'sync-binary.json');
	writeFileSync(file, JSON.stringify(workflow));
	await n8n.cli(['import:workflow', `--input=${file}`]);
	const executed = await n8n.cli(['execute', `--id=${workflow.id}`, '--rawOutput']);
	const binary = parseRunOutput(executed.stdout, 'Under Test')?.[0]?.binary?.data;
	let stored;
	if (binary?.id) {
		const download = await fetch(
			`${n8n.url}/rest/binary-data?id=${encodeURIComponent(binary.id)}&action=download`,
			{ headers: { cookie: n8n.cookie() } },
		);
		stored = download.ok ? Buffer.from(await download.arrayBuffer()) : undefined;
	} else if (binary?.data) {
		stored = Buffer.from(binary.data, 'base64');
	}
	const expected = Buffer.from(
		await (
			await fetch(`${emulators.control('sync').origin}/__emulator/files/${outputBytes}.mp4`)
		).arrayBuffer(),
	);
	const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');
	check(
		'sync: n8n ran Create → wait → Download Output; the stored binary matches the output by size and SHA-256',
		stored !== undefined &&
			stored.length === outputBytes &&
			sha(stored) === sha(expected) &&
			binary.mimeType === 'video/mp4',
		stored
			? `${stored.length} bytes, ${binary.mimeType}, ${binary.id ? 'stored by id' : 'inline'}`
			: `exit ${executed.code}: ${(executed.stderr || executed.stdout).slice(-300)}`,
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});

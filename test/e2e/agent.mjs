#!/usr/bin/env node
// `npm run test:e2e` (AI Agent part): the packed package in a real n8n with
// N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE=true. One workflow, Manual Trigger → AI Agent, with an
// OpenAI Chat Model whose credential's Base URL is the OpenAI emulator (test/emulators/openai.ts)
// and all five nodes attached as tools (the `<package>.<node>Tool` variants n8n generates for
// `usableAsTool` nodes), each reading one object by an ID the model fills in through `$fromAI()`,
// plus Synaptiq Lead → Create with three `$fromAI` fields. The emulator is scripted: first it calls
// every Get tool with an ID that does not exist, then with an empty one, then with one that exists
// (and creates a lead), then it answers a text quoting what the tools said. Checked: the tool list
// the model gets (names, descriptions, JSON schemas, OpenAI's limits); each call ran the node
// against its service emulator; the results and the errors came back as tool messages; the
// execution succeeded; no service key and no OpenAI key travel in what the model is sent; the run
// opens in the editor (a screenshot for README).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

import { SERVICES } from './fixtures.mjs';
import { checks, packPackage, repo, startEmulators } from './lib.mjs';
import { startN8n } from './n8n-server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshots = path.join(repo, 'test', 'e2e', 'screenshots');
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const { check, finish } = checks('AI Agent e2e');

/** OpenAI's function-name rule and the description length OpenAI accepts for a function. */
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_DESCRIPTION = 1024;

const fromAI = (key, description) => `={{ $fromAI('${key}', '${description}', 'string') }}`;
const idLocator = (key, description) => ({
	__rl: true,
	mode: 'id',
	value: fromAI(key, description),
});

/**
 * Per service: the tool node (its name is what n8n makes the tool's name from), the operation it
 * runs, its `$fromAI` key, how to seed an object in the emulator, and the path the node calls.
 */
const TOOLS = {
	sync: {
		/** The field an empty ID is refused by name, before any request. */
		label: 'Generation ID',
		/** What n8n's automatic tool description ("<action> in <node>") must read. */
		describes: /^Get a lip-sync generation in Sync$/,
		nodeName: 'Sync Get Generation',
		parameters: {
			resource: 'generation',
			operation: 'get',
			generationId: fromAI('generationId', 'The ID of the Sync lip-sync generation to look up'),
			includeProgress: `={{ $fromAI('includeProgress', 'Whether to add the progress in percent', 'boolean') }}`,
		},
		key: 'generationId',
		/** The JSON schema's properties: a boolean beside the ID. */
		schema: { generationId: 'string', includeProgress: 'boolean' },
		args: (which) => ({ includeProgress: which === 'id' }),
		seed: async (api) =>
			(
				await api('POST', '/v2/generate', {
					model: 'lipsync-2',
					input: [
						{ type: 'video', url: 'https://media.example.com/agent.mp4' },
						{ type: 'audio', url: 'https://media.example.com/agent.wav' },
					],
				})
			).body.id,
		path: (id) => `/v2/generate/${id}`,
	},
	heygen: {
		/** The field an empty ID is refused by name, before any request. */
		label: 'Video ID',
		/** What n8n's automatic tool description ("<action> in <node>") must read. */
		describes: /^Get a video in HeyGen$/,
		nodeName: 'HeyGen Get Video',
		parameters: {
			resource: 'video',
			operation: 'get',
			videoId: fromAI('videoId', 'The ID of the HeyGen video to look up'),
		},
		key: 'videoId',
		seed: async (api) => {
			const created = await api('POST', '/v3/videos', {
				type: 'avatar',
				avatar_id: 'Anna_public_office',
				script: 'Hello from the AI Agent',
				voice_id: 'voice_en_sara',
			});
			return created.body.data?.video_id ?? created.body.video_id ?? created.body.data?.id;
		},
		path: (id) => `/v3/videos/${id}`,
	},
	viralsync: {
		/** The field an empty ID is refused by name, before any request. */
		label: 'Job ID',
		/** What n8n's automatic tool description ("<action> in <node>") must read. */
		describes: /^Get a render job in ViralSync$/,
		nodeName: 'ViralSync Get Render Job',
		parameters: {
			resource: 'renderJob',
			operation: 'get',
			jobId: idLocator('jobId', 'The ID of the ViralSync render job to look up'),
		},
		key: 'jobId',
		seed: async (api) =>
			(
				await api('POST', '/v1/render/jobs', {
					kind: 'movie',
					projectId: 'agent',
					movie: { scenes: [{ id: 'intro', duration: 2 }] },
				})
			).body.jobId,
		path: (id) => `/v1/jobs/${id}`,
	},
	socialsyncer: {
		/** The field an empty ID is refused by name, before any request. */
		label: 'Post ID',
		/** What n8n's automatic tool description ("<action> in <node>") must read. */
		describes: /^Get a post in SocialSyncer$/,
		nodeName: 'SocialSyncer Get Post',
		parameters: {
			resource: 'post',
			operation: 'get',
			postId: idLocator('postId', 'The ID of the SocialSyncer post to look up'),
		},
		key: 'postId',
		seed: async (api) =>
			(
				await api('POST', '/v1/posts', {
					content: 'Drafted by the AI Agent test',
					isDraft: true,
					platforms: [{ platform: 'twitter', accountId: 'tw_1500000000000000001' }],
				})
			).body.id,
		path: (id) => `/v1/posts/${id}`,
	},
	synaptiq: {
		/** The field an empty ID is refused by name, before any request. */
		label: 'Lead ID',
		/** What n8n's automatic tool description ("<action> in <node>") must read. */
		describes: /^Get a lead in Synaptiq$/,
		nodeName: 'Synaptiq Get Lead',
		parameters: {
			resource: 'lead',
			operation: 'get',
			leadId: idLocator('leadId', 'The ID of the Synaptiq lead to look up'),
		},
		key: 'leadId',
		seed: async (api) =>
			(await api('POST', '/leads', { email: 'agent@example.com', name: 'Agent Lead' })).body.id,
		path: (id) => `/leads/${id}`,
	},
};

/** A tool that writes, with three `$fromAI` fields (one inside a collection): Synaptiq Lead → Create. */
const CREATE_LEAD = {
	nodeName: 'Synaptiq Create Lead',
	parameters: {
		resource: 'lead',
		operation: 'create',
		email: fromAI('email', 'The email address of the new lead'),
		name: fromAI('name', 'The full name of the new lead'),
		additionalFields: { company: fromAI('company', 'The company the new lead works for') },
		ifExists: 'error',
	},
	schema: { email: 'string', name: 'string', company: 'string' },
	arguments: { email: 'new.lead@example.com', name: 'New Lead', company: 'Acme Studios' },
};

const toolNameOf = (nodeName) => nodeName.replace(/[^a-zA-Z0-9_-]+/g, '_');

/** The OpenAI emulator as a child process group; `stop()` ends that group. */
async function startOpenAiEmulator() {
	const child = spawn(process.execPath, ['--import', 'tsx', 'test/emulators/openai.ts', '--json'], {
		cwd: repo,
		detached: true,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const line = await new Promise((resolve, reject) => {
		readline.createInterface({ input: child.stdout }).once('line', resolve);
		child.once('exit', (code) => reject(new Error(`openai emulator exited with ${code}`)));
	});
	const { baseUrl, apiKey } = JSON.parse(line);
	const origin = new URL(baseUrl).origin;
	const stop = () => {
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			// Gone already: nothing to do.
		}
	};
	process.on('exit', stop);
	return {
		baseUrl,
		apiKey,
		stop,
		requests: async () => (await fetch(`${origin}/__emulator/requests`)).json(),
		clearRequests: () => fetch(`${origin}/__emulator/requests`, { method: 'DELETE' }),
		script: (answers) =>
			fetch(`${origin}/__emulator/script`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ answers }),
			}),
	};
}

function agentWorkflow(openAiCredential, credentialsByService, prompt) {
	const node = (name, type, typeVersion, position, parameters, extra = {}) => ({
		id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
		name,
		type,
		typeVersion,
		position,
		parameters,
		...extra,
	});
	const toolNodes = Object.entries(TOOLS).map(([service, tool], index) =>
		node(
			tool.nodeName,
			`${pkg.name}.${SERVICES[service].node}Tool`,
			1,
			[280 + index * 180, 240],
			tool.parameters,
			{
				credentials: {
					[SERVICES[service].credential]: {
						id: credentialsByService[service].id,
						name: credentialsByService[service].name,
					},
				},
			},
		),
	);
	toolNodes.push(
		node(
			CREATE_LEAD.nodeName,
			`${pkg.name}.${SERVICES.synaptiq.node}Tool`,
			1,
			[280 + toolNodes.length * 180, 240],
			CREATE_LEAD.parameters,
			{
				credentials: {
					synaptiqApi: {
						id: credentialsByService.synaptiq.id,
						name: credentialsByService.synaptiq.name,
					},
				},
			},
		),
	);
	return {
		id: 'e2eagenttools000',
		name: 'AI Agent with the five nodes as tools',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger', 1, [0, 0], {}),
			node('AI Agent', '@n8n/n8n-nodes-langchain.agent', 3.1, [300, 0], {
				promptType: 'define',
				text: prompt,
				options: { maxIterations: 10 },
			}),
			node(
				'OpenAI Chat Model',
				'@n8n/n8n-nodes-langchain.lmChatOpenAi',
				1.3,
				[60, 240],
				{
					model: { __rl: true, mode: 'id', value: 'gpt-emulated' },
					responsesApiEnabled: false,
					options: {},
				},
				{ credentials: { openAiApi: { id: openAiCredential.id, name: openAiCredential.name } } },
			),
			...toolNodes,
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			...Object.fromEntries(
				toolNodes.map((tool) => [
					tool.name,
					{ ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
				]),
			),
		},
	};
}

/** The run data of `n8n execute --rawOutput`. */
function parseRun(stdout) {
	const start = stdout.indexOf('{');
	if (start < 0) return undefined;
	try {
		const run = JSON.parse(stdout.slice(start));
		return run.data?.resultData ?? run.resultData;
	} catch {
		return undefined;
	}
}

/** A function's JSON schema has exactly these properties, of these types, each described and required. */
function schemaMatches(schema, expected) {
	const keys = Object.keys(expected).sort();
	return (
		schema?.type === 'object' &&
		Object.keys(schema.properties ?? {})
			.sort()
			.join() === keys.join() &&
		keys.every(
			(key) =>
				schema.properties[key].type === expected[key] &&
				(schema.properties[key].description ?? '').length > 10,
		) &&
		[...(schema.required ?? [])].sort().join() === keys.join()
	);
}

/** A tool message that is n8n's error answer: `[{ "error": "<message>" }]`. */
function isToolError(content) {
	try {
		const parsed = JSON.parse(content);
		return typeof (Array.isArray(parsed) ? parsed[0] : parsed)?.error === 'string';
	} catch {
		return /^error/i.test(content);
	}
}

/** Tool messages of a chat request, each with the name of the tool whose call it answers. */
function toolMessagesOf(request) {
	const messages = request?.body?.messages ?? [];
	const names = new Map();
	for (const message of messages)
		for (const call of message.tool_calls ?? []) names.set(call.id, call.function?.name);
	return messages
		.filter((message) => message.role === 'tool')
		.map((message) => ({
			name: names.get(message.tool_call_id),
			content:
				typeof message.content === 'string'
					? message.content
					: (message.content ?? []).map((part) => part.text ?? '').join(''),
		}));
}

/**
 * The agent run in the editor (headless Debian Chromium, as browser.mjs): the saved execution's
 * canvas, the agent and its five tools green, into test/e2e/screenshots/. Skipped without Chromium.
 */
async function screenshotRun(n8n, workflowId) {
	if (!existsSync(CHROMIUM)) {
		console.log(`  skip  screenshot of the agent run: ${CHROMIUM} not found`);
		return;
	}
	const { chromium } = await import('playwright-core');
	const [execution] = await n8n.executions(workflowId);
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
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const [name, value] = n8n.cookie().split('=');
		await context.addCookies([{ name, value, url: n8n.url }]);
		const page = await context.newPage();
		page.setDefaultTimeout(30_000);
		const where = execution
			? `/workflow/${workflowId}/executions/${execution.id}`
			: `/workflow/${workflowId}`;
		await page.goto(`${n8n.url}${where}`);
		// The canvas shows every node by name, and the execution's header says it succeeded (the
		// canvas of an execution may sit in an iframe: every frame's text counts).
		const expected = [
			'AI Agent',
			...Object.values(TOOLS).map((tool) => tool.nodeName),
			'Succeeded',
		];
		const pageText = async () =>
			(
				await Promise.all(
					page
						.frames()
						.map((frame) =>
							frame.evaluate(() => globalThis.document?.body?.innerText ?? '').catch(() => ''),
						),
				)
			).join('\n');
		let text = '';
		const until = Date.now() + 30_000;
		while (Date.now() < until) {
			text = await pageText();
			if (expected.every((name) => text.includes(name))) break;
			await page.waitForTimeout(500);
		}
		const shown = expected.every((name) => text.includes(name));
		await page.waitForTimeout(1_000);
		mkdirSync(screenshots, { recursive: true });
		const file = path.join(screenshots, 'agent-run.png');
		await page.screenshot({ path: file });
		check(
			'the agent run opens in the editor (screenshot)',
			shown,
			`${shown ? '' : `missing ${expected.filter((name) => !text.includes(name)).join(', ')}; `}${execution ? `execution ${execution.id}` : 'workflow (the CLI saved no execution)'}: ${path.relative(repo, file)}`,
		);
	} finally {
		await browser.close();
	}
}

async function main() {
	const packed = packPackage();
	console.log(`packed ${packed.filename} (${(packed.size / 1024).toFixed(1)} KB)`);
	const emulators = await startEmulators();
	const openai = await startOpenAiEmulator();
	const n8n = await startN8n({
		packageTarball: packed.tarball,
		env: { N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true' },
	});
	console.log(`n8n healthy after ${(n8n.healthyAfterMs / 1000).toFixed(1)} s at ${n8n.url}`);
	try {
		await n8n.setupOwnerAndLogin();

		// n8n lists the tool variant of every node.
		const nodeNames = new Set((await n8n.nodeTypes()).map((type) => type.name));
		for (const service of Object.keys(TOOLS)) {
			const toolType = `${pkg.name}.${SERVICES[service].node}Tool`;
			check(`n8n lists the ${toolType} tool node`, nodeNames.has(toolType));
		}

		// The OpenAI credential with the emulator's Base URL passes n8n's Test button (GET /models).
		const openAiData = { apiKey: openai.apiKey, url: openai.baseUrl };
		const openAiCredential = await n8n.createCredential('openAiApi', 'OpenAI emulator', openAiData);
		const tested = await n8n.testCredential(
			openAiCredential.id,
			'openAiApi',
			'OpenAI emulator',
			openAiData,
		);
		check(
			'openAiApi with the emulator as Base URL passes the Test button',
			tested.status === 'OK',
			tested.message,
		);

		const credentialsByService = {};
		const seeded = {};
		for (const [service, tool] of Object.entries(TOOLS)) {
			const spec = SERVICES[service];
			credentialsByService[service] = await n8n.createCredential(
				spec.credential,
				`${service} sandbox`,
				{ apiKey: emulators.keys[service], baseUrl: emulators.baseUrls[service] },
			);
			const id = await tool.seed(emulators.control(service).api);
			// An ID of the same shape that the service does not know.
			const missing = `${String(id).slice(0, -6)}000000`;
			seeded[service] = { id, missing, empty: '' };
			check(`${service}: an object to look up is seeded in the emulator`, Boolean(id), String(id));
			await emulators.control(service).clearRequests();
		}

		const call = (which) => ({
			toolCalls: [
				...Object.entries(TOOLS).map(([service, tool]) => ({
					name: toolNameOf(tool.nodeName),
					arguments: { [tool.key]: seeded[service][which], ...(tool.args?.(which) ?? {}) },
				})),
				// The round that finds everything also creates a lead.
				...(which === 'id'
					? [{ name: toolNameOf(CREATE_LEAD.nodeName), arguments: CREATE_LEAD.arguments }]
					: []),
			],
		});
		await openai.clearRequests();
		// Unknown and empty IDs first, so the tools' last run (what the editor shows) is the good one.
		await openai.script([
			call('missing'),
			call('empty'),
			call('id'),
			{ text: 'Here is what the tools said:\n{{toolResults}}' },
		]);

		const workflow = agentWorkflow(
			openAiCredential,
			credentialsByService,
			'Look up the Sync generation, HeyGen video, ViralSync render job, SocialSyncer post and Synaptiq lead I created and tell me their status.',
		);
		const workflowDir = mkdtempSync(path.join(os.tmpdir(), 'n8n-agent-'));
		const file = path.join(workflowDir, 'agent.json');
		writeFileSync(file, JSON.stringify(workflow));
		const imported = await n8n.cli(['import:workflow', `--input=${file}`]);
		if (
			!check(
				'the agent workflow is imported',
				imported.code === 0,
				imported.code === 0 ? '' : imported.failure(),
			)
		)
			return;
		const startedAt = Date.now();
		const executed = await n8n.cli(['execute', `--id=${workflow.id}`, '--rawOutput']);
		const run = parseRun(executed.stdout);
		const agentRuns = run?.runData?.['AI Agent'] ?? [];
		const output = agentRuns.at(-1)?.data?.main?.[0]?.[0]?.json?.output;
		check(
			'n8n runs the agent workflow to the end: no crashed execution',
			executed.code === 0 && run !== undefined && !run.error && typeof output === 'string',
			run?.error
				? `${run.error.message} ${run.error.description ?? ''}`
				: executed.code === 0
					? `${((Date.now() - startedAt) / 1000).toFixed(1)} s`
					: executed.failure(),
		);

		const requests = (await openai.requests()).filter(
			(request) => request.path === '/v1/chat/completions',
		);
		check(
			'the agent asked the model four times (three rounds of tool calls, the final answer), all scripted',
			requests.length === 4 &&
				requests.every((request) => request.status === 200 && !request.unscripted),
			requests
				.map((request) => `${request.status}${request.unscripted ? ' unscripted' : ''}`)
				.join(', '),
		);

		// The tool list the model got: one function per node, within OpenAI's limits.
		const tools = requests[0]?.body?.tools ?? [];
		const names = tools.map((tool) => tool.function?.name);
		check(
			'the model gets six function tools (one per node, and Synaptiq Create Lead) with unique names',
			tools.length === 6 &&
				tools.every((tool) => tool.type === 'function') &&
				new Set(names).size === 6,
			names.join(', '),
		);
		for (const [service, tool] of Object.entries(TOOLS)) {
			const name = toolNameOf(tool.nodeName);
			const fn = tools.find((entry) => entry.function?.name === name)?.function;
			check(
				`${service}: the tool's name (${name}) matches OpenAI's ${TOOL_NAME}`,
				fn !== undefined && TOOL_NAME.test(fn.name),
			);
			const description = fn?.description ?? '';
			check(
				`${service}: the tool's description says what it does and where (${description.length} ≤ ${MAX_DESCRIPTION} chars)`,
				description.length <= MAX_DESCRIPTION && tool.describes.test(description),
				JSON.stringify(description),
			);
			const schema = fn?.parameters ?? {};
			const expected = tool.schema ?? { [tool.key]: 'string' };
			check(
				`${service}: the JSON schema has exactly the $fromAI parameters (${Object.entries(expected)
					.map(([key, type]) => `${key}: ${type}`)
					.join(', ')}; described, required)`,
				schemaMatches(schema, expected) && /look up/.test(schema.properties[tool.key].description),
				JSON.stringify(schema),
			);
		}
		const createFn = tools.find(
			(entry) => entry.function?.name === toolNameOf(CREATE_LEAD.nodeName),
		)?.function;
		check(
			'Synaptiq Create Lead: "Create a lead in Synaptiq", its schema has email, name and the collection field company',
			createFn?.description === 'Create a lead in Synaptiq' &&
				schemaMatches(createFn.parameters, CREATE_LEAD.schema),
			JSON.stringify(createFn ?? {}),
		);

		// Each tool call ran the node against its service's emulator.
		for (const [service, tool] of Object.entries(TOOLS)) {
			const log = await emulators.control(service).requests();
			const found = log.find(
				(entry) => entry.method === 'GET' && entry.path.endsWith(tool.path(seeded[service].id)),
			);
			const missing = log.find(
				(entry) =>
					entry.method === 'GET' && entry.path.endsWith(tool.path(seeded[service].missing)),
			);
			const reads = log.filter((entry) => entry.method === 'GET');
			check(
				`${service}: the tool calls reached the emulator (the seeded ID answered 200, the unknown one 404, the empty one sent nothing)`,
				found?.status === 200 &&
					missing?.status === 404 &&
					reads.length === 2 &&
					(service !== 'sync' || found.query.include === 'progress'),
				log.map((entry) => `${entry.method} ${entry.path} ${entry.status}`).join('; '),
			);
		}

		// The results went back to the model as tool messages; the errors too, readable.
		const afterMissing = toolMessagesOf(requests[1]);
		const afterEmpty = toolMessagesOf(requests[2]).slice(afterMissing.length);
		const afterFound = toolMessagesOf(requests[3]).slice(afterMissing.length + afterEmpty.length);
		for (const [service, tool] of Object.entries(TOOLS)) {
			const name = toolNameOf(tool.nodeName);
			const result = afterFound.find((message) => message.name === name);
			check(
				`${service}: the next chat request carries a tool message with the object the node read`,
				result !== undefined &&
					result.content.includes(String(seeded[service].id)) &&
					!isToolError(result.content),
				result?.content.slice(0, 200) ?? `no tool message for ${name}`,
			);
			const failure = afterMissing.find((message) => message.name === name);
			check(
				`${service}: the unknown ID comes back as a tool error the agent can read`,
				failure !== undefined &&
					isToolError(failure.content) &&
					/not found/i.test(failure.content) &&
					/HTTP 404/.test(failure.content),
				failure?.content.slice(0, 300) ?? `no tool message for ${name}`,
			);
			const refused = afterEmpty.find((message) => message.name === name);
			check(
				`${service}: an empty ID comes back as a tool error naming the field (${tool.label})`,
				refused !== undefined &&
					isToolError(refused.content) &&
					refused.content.includes(`${tool.label} is required`),
				refused?.content.slice(0, 300) ?? `no tool message for ${name}`,
			);
		}
		const created = (await emulators.control('synaptiq').requests()).find(
			(entry) => entry.method === 'POST' && entry.path.endsWith('/leads'),
		);
		const createdBody = created ? JSON.parse(created.body || '{}') : {};
		check(
			"Synaptiq Create Lead: the model's email, name and company reached the emulator (201)",
			created?.status === 201 &&
				createdBody.email === CREATE_LEAD.arguments.email &&
				createdBody.name === CREATE_LEAD.arguments.name &&
				createdBody.company === CREATE_LEAD.arguments.company,
			created ? `${created.status} ${created.body}` : 'no POST /leads logged',
		);
		const createdResult = afterFound.find(
			(message) => message.name === toolNameOf(CREATE_LEAD.nodeName),
		);
		check(
			'Synaptiq Create Lead: the new lead (its ID and email) goes back to the model',
			createdResult !== undefined &&
				/"id":"lead_/.test(createdResult.content) &&
				createdResult.content.includes(CREATE_LEAD.arguments.email),
			createdResult?.content.slice(0, 200) ?? 'no tool message',
		);
		check(
			"the agent's output is the model's final text, quoting what the tools said",
			typeof output === 'string' &&
				output.startsWith('Here is what the tools said:') &&
				Object.values(seeded).every(({ id }) => output.includes(String(id))),
			String(output).slice(0, 200),
		);

		// No key in anything the model is sent: no service key anywhere, the OpenAI key only in the header.
		const allModelRequests = await openai.requests();
		const serviceKeys = Object.values(emulators.keys);
		const leaked = allModelRequests.filter((request) => {
			const body = JSON.stringify(request.body ?? '');
			const headers = JSON.stringify({ ...request.headers, authorization: undefined });
			return (
				[...serviceKeys, openai.apiKey].some(
					(key) => body.includes(key) || headers.includes(key),
				) || serviceKeys.some((key) => String(request.headers.authorization ?? '').includes(key))
			);
		});
		check(
			'no API key (service or OpenAI) is in the bodies or other headers of the model requests',
			allModelRequests.length > 0 && leaked.length === 0,
			`${allModelRequests.length} request(s) checked${leaked.length ? `, leaked in #${leaked.map((r) => r.seq).join(', #')}` : ''}`,
		);
		await screenshotRun(n8n, workflow.id);
	} catch (error) {
		check(
			'agent e2e run completed',
			false,
			String(error?.stack ?? error) + (error?.cause ? ` (cause: ${error.cause})` : ''),
		);
		console.error(n8n.logTail());
	} finally {
		await n8n.stop();
		emulators.stop();
		openai.stop();
	}
	process.exit(finish());
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});

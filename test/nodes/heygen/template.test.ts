/** HeyGen Template operations in n8n-core's engine against the HeyGen emulator. */
import { TEST_KEYS } from '../../emulators';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const emulator = useEmulator('heygen', (current) => (current.config.stageMs = 30));
const run = nodeRunner('heyGen', 'heyGenApi', emulator, TEST_KEYS.heygen.valid);

const api = () => emulator.current.log.filter((entry) => entry.path.startsWith('/v3/'));

test('Template: get many, get, generate with variables from the item, then wait for the video', async () => {
	const templates = await run({ resource: 'template', operation: 'getAll', returnAll: true });
	expect(templates.items.map((item) => item.json.id)).toEqual(['tpl_product_update']);
	const detail = await run({
		resource: 'template',
		operation: 'get',
		templateId: 'tpl_product_update',
	});
	expect(detail.items[0].json).toMatchObject({
		scene_ids: ['scene_1'],
		variables: { first_name: expect.any(Object) },
	});
	const generated = await run({
		resource: 'template',
		operation: 'generate',
		templateId: 'tpl_product_update',
		variables: { variable: [{ name: 'first_name', text: 'Ada' }] },
		variablesJson: '{}',
		generateOptions: { title: 'For Ada', fps: 30 },
		waitForCompletion: 'poll',
		pollInterval: 0.05,
		waitTimeout: 1,
	});
	expect(generated.items[0].json).toMatchObject({ status: 'completed', title: 'For Ada' });
	const generate = api().find((entry) => entry.method === 'POST')!;
	expect(JSON.parse(generate.body)).toEqual({
		variables: { first_name: { name: 'first_name', type: 'text', properties: { content: 'Ada' } } },
		title: 'For Ada',
		fps: 30,
	});
	const unknown = await run({
		resource: 'template',
		operation: 'generate',
		templateId: 'tpl_product_update',
		variables: { variable: [{ name: 'nickname', text: 'x' }] },
		variablesJson: '{}',
	});
	expect(unknown.error?.message).toContain('unknown variables: nickname');
});

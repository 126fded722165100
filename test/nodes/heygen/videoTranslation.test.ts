/** HeyGen Video Translation operations in n8n-core's engine against the HeyGen emulator. */
import { TEST_KEYS } from '../../emulators';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const emulator = useEmulator('heygen', (current) => (current.config.stageMs = 30));
const run = nodeRunner('heyGen', 'heyGenApi', emulator, TEST_KEYS.heygen.valid);

const api = () => emulator.current.log.filter((entry) => entry.path.startsWith('/v3/'));

test('Video Translation: one job per language, each waited for; get, get many, update, delete', async () => {
	const result = await run({
		resource: 'videoTranslation',
		operation: 'create',
		videoUrl: 'https://cdn.example.com/talk.mp4',
		outputLanguages: ['Spanish (Spain)', 'German (Germany)'],
		translationOptions: { mode: 'precision', title: 'Talk' },
		waitForCompletion: 'poll',
		pollInterval: 0.05,
		waitTimeout: 1,
	});
	expect(result.items.map((item) => [item.json.output_language, item.json.status])).toEqual([
		['Spanish (Spain)', 'completed'],
		['German (Germany)', 'completed'],
	]);
	expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	expect(JSON.parse(api()[0].body)).toEqual({
		video: { type: 'url', url: 'https://cdn.example.com/talk.mp4' },
		output_languages: ['Spanish (Spain)', 'German (Germany)'],
		mode: 'precision',
		title: 'Talk',
	});
	const id = String(result.items[0].json.id);
	expect(
		(await run({ resource: 'videoTranslation', operation: 'get', translationId: id })).items[0]
			.json,
	).toMatchObject({ id, video_url: expect.any(String) });
	expect(
		(await run({ resource: 'videoTranslation', operation: 'getAll', returnAll: true })).items,
	).toHaveLength(2);
	expect(
		(
			await run({
				resource: 'videoTranslation',
				operation: 'update',
				translationId: id,
				newTitle: 'Charla',
			})
		).items[0].json.title,
	).toBe('Charla');
	expect(
		(await run({ resource: 'videoTranslation', operation: 'delete', translationId: id })).items[0]
			.json,
	).toEqual({ id });
});

/**
 * HeyGen as its own pages and clients show it: the error body of its authentication page, file
 * types sniffed from the bytes, and a request shape HeyGen's own n8n node and CLI send.
 */
import { TEST_KEYS, UNKNOWN_KEY } from '../../emulators';
import { fileBytes, fileItem, type TestFileKind } from '../../harness/files';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const emulator = useEmulator('heygen', (current) => (current.config.stageMs = 20));
const run = nodeRunner('heyGen', 'heyGenApi', emulator, TEST_KEYS.heygen.valid);
const api = () => emulator.current.log.filter((entry) => entry.path.startsWith('/v3/'));

describe("HeyGen's error body from its authentication page", () => {
	it('shows HeyGen\'s own words for a wrong key ({"error": "Invalid API key", "data": null})', async () => {
		const result = await run({ resource: 'user', operation: 'getCurrent' }, { key: UNKNOWN_KEY });
		expect(JSON.parse(emulator.current.log[0].responseBody!)).toEqual({
			error: 'Invalid API key',
			data: null,
		});
		expect(result.error?.message).toBe('HeyGen: Invalid API key (HTTP 401)');
	});

	it('still reads the object shape of every other error', async () => {
		const result = await run({ resource: 'video', operation: 'get', videoId: 'missing_video' });
		expect(result.error?.message).toMatch(/^HeyGen: .+ \(HTTP 404 video_not_found\)$/);
	});
});

describe('Asset upload: the type comes from the bytes, not the label', () => {
	const cases: Array<[TestFileKind, string, string, string]> = [
		['png', 'application/octet-stream', 'logo.bin', 'image/png'],
		['jpeg', 'image/jpg', 'photo.jpg', 'image/jpeg'],
		['wav', 'audio/x-wav', 'voice.wav', 'audio/wav'],
		['mp3', 'application/octet-stream', 'voice', 'audio/mpeg'],
		['mp4', 'application/octet-stream', 'clip.mp4', 'video/mp4'],
		['mov', 'video/quicktime', 'clip.mov', 'video/quicktime'],
		['webm', 'application/octet-stream', 'clip.webm', 'video/webm'],
		['pdf', 'application/octet-stream', 'deck.pdf', 'application/pdf'],
		['srt', 'text/plain', 'captions.srt', 'application/x-subrip'],
	];

	it.each(cases)(
		'a %s labelled %s is sent as %s and accepted',
		async (kind, label, fileName, sent) => {
			const result = await run(
				{ resource: 'asset', operation: 'upload', binaryProperty: 'data' },
				{ input: fileItem(kind, label, fileName) },
			);
			expect(result.error).toBeUndefined();
			expect(api()[0].body).toContain(`Content-Type: ${sent}\r\n`);
			expect(result.items[0].json).toMatchObject({
				asset_id: expect.stringMatching(/^asset_/),
				mime_type: sent,
			});
		},
	);

	it.each([
		['gif', 'image/gif', 'anim.gif'],
		['zip', 'application/octet-stream', 'bundle'],
	] as Array<[TestFileKind, string, string]>)(
		'a %s is refused before any request, naming the file',
		async (kind, label, fileName) => {
			const result = await run(
				{ resource: 'asset', operation: 'upload', binaryProperty: 'data' },
				{ input: fileItem(kind, label, fileName) },
			);
			expect(result.error?.message).toBe(
				`Binary Property: "${fileName}" is not a file type HeyGen takes`,
			);
			expect(emulator.current.log).toHaveLength(0);
		},
	);

	it('the emulator sniffs the bytes too: a PNG labelled as a zip is an image asset', async () => {
		const boundary = 'b0undary';
		const body = Buffer.concat([
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.zip"\r\nContent-Type: application/zip\r\n\r\n`,
			),
			fileBytes('png', 2000),
			Buffer.from(`\r\n--${boundary}--\r\n`),
		]);
		const response = await fetch(`${emulator.current.baseUrl}/v3/assets`, {
			method: 'POST',
			headers: {
				'x-api-key': TEST_KEYS.heygen.valid,
				'content-type': `multipart/form-data; boundary=${boundary}`,
			},
			body,
		});
		expect(response.status).toBe(200);
		const { data } = (await response.json()) as { data: { asset_id: string; mime_type: string } };
		expect(data.mime_type).toBe('image/png');
		const got = await run({ resource: 'asset', operation: 'get', assetId: data.asset_id });
		// The asset object has its kind, not a MIME type or size (docs/api/heygen.md, "Endpoints").
		expect(got.items[0].json).toMatchObject({ id: data.asset_id, type: 'image' });
		expect(got.items[0].json).not.toHaveProperty('mime_type');
		expect(got.items[0].json).not.toHaveProperty('size_bytes');
	});
});

describe('What HeyGen accepts: requests as its own n8n node and CLI send them', () => {
	const post = async (path: string, body: unknown) => {
		const response = await fetch(`${emulator.current.baseUrl}${path}`, {
			method: 'POST',
			headers: { 'x-api-key': TEST_KEYS.heygen.valid, 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		return {
			status: response.status,
			body: (await response.json()) as {
				data?: Record<string, unknown>;
				error?: { param?: string };
			},
		};
	};

	it("HeyGen's own node sends test: false and folder_id on every create: accepted (unknown fields are ignored)", async () => {
		const answer = await post('/v3/videos', {
			type: 'avatar',
			avatar_id: 'Anna_public_office',
			script: 'Hi',
			voice_id: 'voice_en_sara',
			test: false,
			folder_id: 'folder_1',
		});
		expect(answer.status).toBe(200);
		expect(answer.body.data).toMatchObject({ video_id: expect.any(String) });
	});

	it.each([
		['no video', { output_languages: ['Spanish'] }, 'video'],
		[
			'an audio-only request',
			{
				audio: { type: 'url', url: 'https://cdn.example.com/a.mp3' },
				output_languages: ['Spanish'],
			},
			'video',
		],
		[
			'a mode other than speed|precision',
			{
				video: { type: 'url', url: 'https://cdn.example.com/v.mp4' },
				output_languages: ['Spanish'],
				mode: 'fast',
			},
			'mode',
		],
		[
			'srt as a plain string',
			{
				video: { type: 'url', url: 'https://cdn.example.com/v.mp4' },
				output_languages: ['Spanish'],
				srt: 'https://cdn.example.com/c.srt',
			},
			'srt',
		],
	])(
		'a translation with %s is refused naming the field (CLI schema)',
		async (_case, body, param) => {
			const answer = await post('/v3/video-translations', body);
			expect(answer.status).toBe(400);
			expect(answer.body.error?.param).toBe(param);
		},
	);

	it('translates into a plain language name (English) with an SRT asset input', async () => {
		const languages = await run({
			resource: 'videoTranslation',
			operation: 'create',
			videoUrl: 'https://cdn.example.com/talk.mp4',
			outputLanguages: ['English'],
		});
		expect(languages.error).toBeUndefined();
		expect(languages.items[0].json).toMatchObject({ output_language: 'English' });
		const answer = await post('/v3/video-translations', {
			video: { type: 'url', url: 'https://cdn.example.com/v.mp4' },
			output_languages: ['English'],
			mode: 'precision',
			srt: { type: 'url', url: 'https://cdn.example.com/c.srt' },
		});
		expect(answer.status).toBe(200);
	});
});

describe('The emulator answers only the fields HeyGen documents', () => {
	it('a Video has no callback_id; a voice read by id has no type or support_locale; assets filter by folder_id', async () => {
		const created = await run({
			resource: 'video',
			operation: 'create',
			videoType: 'avatar',
			avatarId: 'Anna_public_office',
			audioSource: 'script',
			script: 'Hi',
			voiceId: 'voice_en_sara',
			videoOptions: { callback_id: 'row-1' },
		});
		const video = await run({
			resource: 'video',
			operation: 'get',
			videoId: String(created.items[0].json.id),
		});
		expect(video.items[0].json).not.toHaveProperty('callback_id');
		const voice = await run({ resource: 'voice', operation: 'get', voiceId: 'voice_en_sara' });
		expect(voice.items[0].json).toMatchObject({
			voice_id: 'voice_en_sara',
			support_pause: expect.any(Boolean),
		});
		expect(voice.items[0].json).not.toHaveProperty('type');
		expect(voice.items[0].json).not.toHaveProperty('support_locale');
		await run(
			{ resource: 'asset', operation: 'upload', binaryProperty: 'data' },
			{ input: fileItem('png', 'image/png', 'a.png') },
		);
		const inFolder = await fetch(
			`${emulator.current.baseUrl}/v3/assets?username=emulator_user&folder_id=folder_nothing`,
			{ headers: { 'x-api-key': TEST_KEYS.heygen.valid } },
		);
		expect(((await inFolder.json()) as { data: unknown[] }).data).toHaveLength(0);
	});
});

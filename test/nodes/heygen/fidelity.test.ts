/**
 * HeyGen as its own pages and clients show it: the error body of its authentication page, file
 * types sniffed from the bytes, and a request shape HeyGen's own n8n node and CLI send.
 */
import { TEST_KEYS, UNKNOWN_KEY } from '../../emulators';
import { fileBytes, fileItem, type TestFileKind } from '../../harness/files';
import { NODE_NAME, nodeRunner, runNode, useEmulator } from '../../harness/workflows';

const holder = useEmulator('heygen', (emulator) => (emulator.config.stageMs = 20));
const run = nodeRunner('heyGen', 'heyGenApi', holder, TEST_KEYS.heygen.valid);
const api = () => holder.current.log.filter((entry) => entry.path.startsWith('/v3/'));

describe("HeyGen's error body from its authentication page", () => {
	it('shows HeyGen\'s own words for a wrong key ({"error": "Invalid API key", "data": null})', async () => {
		const result = await runNode({
			type: 'heyGen',
			credentialType: 'heyGenApi',
			credentials: { apiKey: UNKNOWN_KEY, baseUrl: holder.current.baseUrl },
			parameters: { resource: 'user', operation: 'getCurrent' },
		});
		expect(JSON.parse(holder.current.log[0].responseBody!)).toEqual({ error: 'Invalid API key', data: null });
		expect(result.error(NODE_NAME)?.message).toBe('HeyGen: Invalid API key (HTTP 401)');
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

	it.each(cases)('a %s labelled %s is sent as %s and accepted', async (kind, label, fileName, sent) => {
		const result = await run({ resource: 'asset', operation: 'upload', binaryProperty: 'data' }, { input: fileItem(kind, label, fileName) });
		expect(result.error).toBeUndefined();
		expect(api()[0].body).toContain(`Content-Type: ${sent}\r\n`);
		expect(result.items[0].json).toMatchObject({ asset_id: expect.stringMatching(/^asset_/), mime_type: sent });
	});

	it.each([
		['gif', 'image/gif', 'anim.gif'],
		['zip', 'application/octet-stream', 'bundle'],
	] as Array<[TestFileKind, string, string]>)('a %s is refused before any request, naming the file', async (kind, label, fileName) => {
		const result = await run({ resource: 'asset', operation: 'upload', binaryProperty: 'data' }, { input: fileItem(kind, label, fileName) });
		expect(result.error?.message).toBe(`Binary Property: "${fileName}" is not a file type HeyGen takes`);
		expect(holder.current.log).toHaveLength(0);
	});

	it('the emulator sniffs the bytes too: a PNG labelled as a zip is an image asset', async () => {
		const boundary = 'b0undary';
		const body = Buffer.concat([
			Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.zip"\r\nContent-Type: application/zip\r\n\r\n`),
			fileBytes('png', 2000),
			Buffer.from(`\r\n--${boundary}--\r\n`),
		]);
		const response = await fetch(`${holder.current.baseUrl}/v3/assets`, {
			method: 'POST',
			headers: { 'x-api-key': TEST_KEYS.heygen.valid, 'content-type': `multipart/form-data; boundary=${boundary}` },
			body,
		});
		expect(response.status).toBe(200);
		const { data } = (await response.json()) as { data: { asset_id: string; mime_type: string } };
		expect(data.mime_type).toBe('image/png');
		const got = await run({ resource: 'asset', operation: 'get', assetId: data.asset_id });
		// §2.5: the asset object has its kind, not a MIME type or size.
		expect(got.items[0].json).toMatchObject({ id: data.asset_id, type: 'image' });
		expect(got.items[0].json).not.toHaveProperty('mime_type');
		expect(got.items[0].json).not.toHaveProperty('size_bytes');
	});
});

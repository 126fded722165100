/** SocialSyncer Media operations in n8n-core's engine against the SocialSyncer emulator. */
import { TEST_KEYS } from '../../emulators';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const emulator = useEmulator('socialsyncer');
const run = nodeRunner('socialSyncer', 'socialSyncerApi', emulator, TEST_KEYS.socialsyncer.valid);

describe('Media → Upload', () => {
	it('uploads media and returns its public URL', async () => {
		const result = await run(
			{ resource: 'media', operation: 'upload', binaryProperty: 'data' },
			{
				input: [
					{
						json: {},
						binary: {
							data: {
								data: Buffer.alloc(1234, 2).toString('base64'),
								mimeType: 'video/mp4',
								fileName: 'clip.mp4',
							},
						},
					},
				],
			},
		);
		expect(result.items[0].json).toEqual({
			publicUrl: expect.stringContaining('/clip.mp4'),
			contentType: 'video/mp4',
			size: 1234,
		});
		const unsupported = await run(
			{ resource: 'media', operation: 'upload', binaryProperty: 'data' },
			{
				input: [
					{
						json: {},
						binary: { data: { data: 'AAAA', mimeType: 'application/pdf', fileName: 'doc.pdf' } },
					},
				],
			},
		);
		expect(unsupported.error?.message).toContain('does not take application/pdf');
	});
});

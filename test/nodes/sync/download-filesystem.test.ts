/** In n8n's filesystem binary mode the finished video streams to disk, not into the item. */
import { createHash } from 'node:crypto';
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

import { TEST_KEYS } from '../../emulators';
import { emulatorFileBytes } from '../../emulators/core';
import { useFilesystemBinaryData } from '../../harness/binary-mode';
import '../../harness/engine';
import { nodeRunner, useEmulator } from '../../harness/workflows';
import { createByUrl } from './fixtures';

const emulator = useEmulator('sync', (current) => (current.config.stageMs = 60));
const sync = nodeRunner('sync', 'syncApi', emulator, TEST_KEYS.sync.valid);

test('Download Output stores a 30 MB video as a file reference', async () => {
	await useFilesystemBinaryData();
	const size = 30 * 1024 * 1024;
	emulator.current.config.outputBytes = size;
	const run = await sync({
		...createByUrl,
		waitForCompletion: 'poll',
		pollInterval: 0.05,
		waitTimeout: 1,
		downloadOutput: true,
	});
	expect(run.error).toBeUndefined();
	const binary = run.items[0].binary!.data;
	expect(binary.id).toMatch(/^filesystem/);
	expect(binary.data.length).toBeLessThan(100);
	const bytes = await Container.get(BinaryDataService).getAsBuffer(binary);
	expect(bytes.length).toBe(size);
	expect(bytes.subarray(4, 8).toString()).toBe('ftyp');
	const sha = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');
	expect(sha(bytes)).toBe(sha(emulatorFileBytes(size, true)));
});

/** In n8n's filesystem binary mode the finished video streams to disk, not into the item. */
import { createHash } from 'node:crypto';
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

import { emulatorFileBytes } from '../../emulators/core';
import { useFilesystemBinaryData } from '../../harness/binary-mode';
import '../../harness/engine';
import { createByUrl, runSync, useSyncEmulator } from './setup';

const emulator = useSyncEmulator();

test('Download Output stores a 30 MB video as a file reference', async () => {
	await useFilesystemBinaryData();
	const size = 30 * 1024 * 1024;
	emulator.current.config.outputBytes = size;
	const run = await runSync(emulator.current, {
		...createByUrl,
		waitForCompletion: 'poll',
		pollInterval: 0.05,
		waitTimeout: 1,
		downloadOutput: true,
	});
	expect(run.nodeError).toBeUndefined();
	const binary = run.items[0].binary!.data;
	expect(binary.id).toMatch(/^filesystem/);
	expect(binary.data.length).toBeLessThan(100);
	const bytes = await Container.get(BinaryDataService).getAsBuffer(binary);
	expect(bytes.length).toBe(size);
	expect(bytes.subarray(4, 8).toString()).toBe('ftyp');
	const sha = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');
	expect(sha(bytes)).toBe(sha(emulatorFileBytes(size, true)));
});

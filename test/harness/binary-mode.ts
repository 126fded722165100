/**
 * Switches the test engine's binary data to n8n's filesystem mode (what self-hosted n8n uses
 * for large files): binaries are written to disk as they stream in, not held in memory.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Container } from '@n8n/di';
import { BinaryDataService, ErrorReporter } from 'n8n-core';

export async function useFilesystemBinaryData(): Promise<{
	dir: string;
	service: BinaryDataService;
}> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'n8n-binary-'));
	const quiet = {
		debug: () => undefined,
		info: () => undefined,
		warn: () => undefined,
		error: () => undefined,
	};
	const service = new BinaryDataService(
		{
			mode: 'filesystem',
			availableModes: ['filesystem'],
			localStoragePath: dir,
			signingSecret: 'test-signing-secret',
			dbMaxFileSize: 0,
		} as never,
		Container.get(ErrorReporter),
		quiet as never,
	);
	await service.init();
	Container.set(BinaryDataService, service);
	return { dir, service };
}

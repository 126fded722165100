/** Shared setup of the Sync node tests: one emulator per file, its clock sped up. */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { resetPacing } from '../../../nodes/shared/pacing';
import { startEmulator, TEST_KEYS } from '../../emulators';
import type { Emulator, LoggedRequest } from '../../emulators/core';
import { NODE_NAME, runNode } from '../../harness/workflows';

export function useSyncEmulator(): { current: Emulator } {
	const holder = {} as { current: Emulator };
	beforeAll(async () => {
		holder.current = await startEmulator('sync');
	});
	afterAll(async () => {
		await holder.current.close();
	});
	beforeEach(() => {
		holder.current.reset();
		resetPacing();
		holder.current.config.stageMs = 60;
	});
	return holder;
}

export async function runSync(
	emulator: Emulator,
	parameters: INodeParameters,
	options: { items?: number; input?: INodeExecutionData[]; continueOnFail?: boolean } = {},
) {
	const result = await runNode({
		type: 'sync',
		parameters,
		credentialType: 'syncApi',
		credentials: { apiKey: TEST_KEYS.sync.valid, baseUrl: emulator.baseUrl },
		items: options.items,
		input: options.input,
		continueOnFail: options.continueOnFail,
	});
	return {
		...result,
		items: result.output(NODE_NAME),
		nodeError: result.error(NODE_NAME) as
			(Error & { description?: string; httpCode?: string }) | undefined,
	};
}

/** The requests the node made (the emulator's control and file routes left out). */
export function apiCalls(emulator: Emulator): LoggedRequest[] {
	return emulator.log.filter((entry) => entry.path.startsWith('/v2/'));
}

export function jsonBody(entry: LoggedRequest): Record<string, unknown> {
	return JSON.parse(entry.body) as Record<string, unknown>;
}

export const VIDEO = 'https://cdn.example.com/talking-head.mp4';
export const AUDIO = 'https://cdn.example.com/voice-over.mp3';

export const createByUrl: INodeParameters = {
	resource: 'generation',
	operation: 'create',
	model: 'lipsync-2',
	inputMode: 'fields',
	videoSource: 'url',
	videoUrl: VIDEO,
	audioSource: 'url',
	audioUrl: AUDIO,
};

export function binaryItem(
	properties: Record<string, { bytes: Buffer; mimeType: string; fileName: string }>,
): INodeExecutionData {
	return {
		json: {},
		binary: Object.fromEntries(
			Object.entries(properties).map(([name, file]) => [
				name,
				{ data: file.bytes.toString('base64'), mimeType: file.mimeType, fileName: file.fileName },
			]),
		),
	};
}

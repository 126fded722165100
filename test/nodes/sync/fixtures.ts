/** What the Sync node tests share: a generation's inputs, binary input items, the emulator's log. */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { Emulator, LoggedRequest } from '../../emulators/core';

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

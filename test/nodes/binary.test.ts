/** Streamed download into n8n binary data and streamed upload from it, in n8n-core's engine. */
import { createHash } from 'node:crypto';

import type { INodeType } from 'n8n-workflow';

import { emulatorFileBytes } from '../emulators/core';
import { runWorkflow } from '../harness/engine';
import {
	NODE_NAME,
	type NodeRunError,
	singleNodeWorkflow,
	useEmulator,
} from '../harness/workflows';
import { TransportProbe } from '../fixtures/TransportProbe.node';

const extraNodeTypes = new Map<string, INodeType>([
	['CUSTOM.transportProbe', new TransportProbe()],
]);
const emulator = useEmulator('sync');

const generatedBytes = (size: number, mp4 = false) => emulatorFileBytes(size, mp4);

function probe(
	operation: string,
	url: string,
	input?: NonNullable<Parameters<typeof runWorkflow>[1]>['input'],
) {
	return runWorkflow(
		singleNodeWorkflow({
			type: 'transportProbe',
			credentialType: 'syncApi',
			credentials: {},
			parameters: { operation, url },
		}),
		{ input, extraNodeTypes },
	);
}

test('a download arrives whole as the item binary, with its size and type', async () => {
	const size = 3 * 1024 * 1024 + 17;
	const run = await probe('download', `${emulator.current.origin}/__emulator/files/${size}.mp4`);
	expect(run.error(NODE_NAME)).toBeUndefined();
	const [item] = run.output(NODE_NAME);
	const binary = item.binary!.data;
	expect(binary.mimeType).toBe('video/mp4');
	expect(binary.fileName).toBe('output.mp4');
	const bytes = Buffer.from(binary.data, 'base64');
	expect(bytes.length).toBe(size);
	expect(createHash('sha256').update(bytes).digest('hex')).toBe(
		createHash('sha256').update(generatedBytes(size, true)).digest('hex'),
	);
});

test('a failed download is an error that says the link may have expired', async () => {
	const run = await probe('download', `${emulator.current.origin}/__emulator/missing-file`);
	const error = run.error(NODE_NAME) as NodeRunError;
	expect(error.message).toContain('downloading the output failed (HTTP 404)');
	expect(error.description).toContain('expire');
});

test('an upload streams the item binary with its content type and length', async () => {
	const bytes = generatedBytes(1024 * 1024 + 5);
	const run = await probe('upload', `${emulator.current.origin}/__emulator/uploads/clip.mp4`, [
		{
			json: {},
			binary: {
				data: { data: bytes.toString('base64'), mimeType: 'video/mp4', fileName: 'clip.mp4' },
			},
		},
	]);
	expect(run.error(NODE_NAME)).toBeUndefined();
	expect(run.output(NODE_NAME)[0].json).toEqual({
		size: bytes.length,
		mimeType: 'video/mp4',
		fileName: 'clip.mp4',
	});
	expect(emulator.current.uploads.get('clip.mp4')).toEqual({
		size: bytes.length,
		sha256: createHash('sha256').update(bytes).digest('hex'),
		contentType: 'video/mp4',
	});
});

/** What the ViralSync node tests share: the credential's callback secret and a render job. */
import type { INodeParameters } from 'n8n-workflow';

export const SECRET = 'vs_cb_secret_emulator_0123456789';

const scenes = {
	scene: [
		{
			id: 'intro',
			duration: 3,
			backgroundColor: '#101010',
			layers: {
				layer: [
					{ type: 'video', src: 'https://cdn.example.com/a.mp4', extra: '{"volume":0.5}' },
					{ type: 'text', text: 'Hello', extra: '{}' },
				],
			},
		},
		{ id: 'outro', duration: 2, backgroundColor: '#ffffff', layers: {} },
	],
};
export const create: INodeParameters = {
	resource: 'renderJob',
	operation: 'create',
	projectId: 'proj_abc123',
	movieSource: 'fields',
	title: 'Launch',
	size: '1080x1920',
	fps: 30,
	scenes,
	qualityPreset: 'fast',
};

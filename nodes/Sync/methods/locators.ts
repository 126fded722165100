/** The Sync things a user picks: a model and an asset, each from a searchable list or by ID. */
import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/locator';

export const modelLocator = (): INodeProperties =>
	resourceLocator({
		name: 'model',
		displayName: 'Model',
		searchMethod: 'searchModels',
		idPlaceholder: 'lipsync-2',
		defaultId: 'lipsync-2',
		description: 'The lip-sync model',
	});

export const assetLocator = (name = 'assetId', displayName = 'Asset'): INodeProperties =>
	resourceLocator({
		name,
		displayName,
		searchMethod: 'searchAssets',
		idPlaceholder: '3f0c…',
		description: 'An asset in your Sync library',
	});

/**
 * A voice for text to speech (../shared/api/sync.md §9): a built-in ElevenLabs voice or a clone.
 * "By ID" also takes an ElevenLabs voice ID of the user's own account; a plain string saved by
 * older versions of the node (Voice ID was a text field) still reads as that ID.
 */
export const voiceLocator = (
	name = 'voiceId',
	displayName = 'Voice',
	searchMethod = 'searchVoices',
): INodeProperties =>
	resourceLocator({
		name,
		displayName,
		searchMethod,
		idPlaceholder: 'EXAVITQu4vr4xnSDxMaL',
		description:
			searchMethod === 'searchVoices'
				? 'A built-in ElevenLabs voice or one of your cloned voices'
				: 'One of your cloned voices',
	});

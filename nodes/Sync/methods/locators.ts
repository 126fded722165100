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

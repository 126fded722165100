/**
 * The HeyGen things a user picks, each from a searchable list or by ID. HeyGen documents no page
 * URLs that carry these IDs, so there is no "By URL" mode.
 */
import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator, type LocatorSpec } from '../../shared/locator';

type Overrides = Partial<Omit<LocatorSpec, 'searchMethod'>>;

export const lookLocator = (overrides: Overrides = {}): INodeProperties =>
	resourceLocator({
		name: 'lookId',
		displayName: 'Avatar Look',
		searchMethod: 'searchAvatarLooks',
		idPlaceholder: 'Anna_public_office',
		description:
			'An avatar look: an outfit or pose of an avatar (its ID is the avatar_id of a video)',
		...overrides,
	});

export const groupLocator = (overrides: Overrides = {}): INodeProperties =>
	resourceLocator({
		name: 'groupId',
		displayName: 'Avatar Group',
		searchMethod: 'searchAvatarGroups',
		idPlaceholder: 'grp_…',
		description: 'An avatar: a character with its looks',
		...overrides,
	});

export const voiceLocator = (overrides: Overrides = {}): INodeProperties =>
	resourceLocator({
		name: 'voiceId',
		displayName: 'Voice',
		searchMethod: 'searchVoices',
		idPlaceholder: 'voice_…',
		description: "Your cloned voices first, then HeyGen's",
		...overrides,
	});

export const templateLocator = (): INodeProperties =>
	resourceLocator({
		name: 'templateId',
		displayName: 'Template',
		searchMethod: 'searchTemplates',
		idPlaceholder: 'tpl_…',
		description: 'One of your templates',
	});

export const assetLocator = (): INodeProperties =>
	resourceLocator({
		name: 'assetId',
		displayName: 'Asset',
		searchMethod: 'searchAssets',
		idPlaceholder: 'asset_…',
		description: 'One of your uploaded assets',
	});

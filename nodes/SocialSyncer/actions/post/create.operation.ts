import { defineOperation } from '../../../shared/operation';
import { socialRequest } from '../../helpers';
import { uploadMedia } from '../../media';
import { postCreateFields, waitFields } from './fields';
import { buildPostRequest } from './request';
import { reportPost, waitForPost } from './result';

/** POST /v1/posts. Never resent after a timeout or 5xx (it would post twice); use Retry Failed Targets instead. */
export const operation = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a post',
	description: 'Publish, schedule or draft a post to several accounts',
	properties: [...postCreateFields, ...waitFields()],
	async execute(itemIndex, requestOptions) {
		const { body, urlMedia, binaryProperties, targets } = buildPostRequest(this, itemIndex);
		const mediaItems = [...urlMedia];
		for (const property of binaryProperties) {
			const uploaded = await uploadMedia(this, itemIndex, property, requestOptions);
			const type =
				String(uploaded.contentType) === 'image/gif'
					? 'gif'
					: String(uploaded.contentType).startsWith('video/')
						? 'video'
						: 'image';
			mediaItems.push({ type, url: uploaded.publicUrl });
		}
		if (mediaItems.length) body.mediaItems = mediaItems;
		if (targets.length) body.platforms = targets;
		const created = (
			await socialRequest(
				this,
				{ method: 'POST', path: '/v1/posts', body, itemIndex },
				requestOptions,
			)
		).body;
		return reportPost(this, await waitForPost(this, created, itemIndex, requestOptions), itemIndex);
	},
});

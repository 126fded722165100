/** What the SocialSyncer tests share: the emulator's connected accounts and a post to create. */
import type { INodeParameters } from 'n8n-workflow';

export const IG = 'instagram:ig_17841400000000001';
export const TW = 'twitter:tw_1500000000000000001';

export const post = (extra: INodeParameters): INodeParameters => ({
	resource: 'post',
	operation: 'create',
	content: 'Launch day!',
	accounts: [TW],
	publishMode: 'now',
	mediaSource: 'none',
	waitForResult: true,
	pollInterval: 0.05,
	...extra,
});

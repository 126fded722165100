/** How a publish outcome reaches the workflow: per platform, with a failed post as an error. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pollUntilTerminal } from '../../../shared/polling';
import type { RequestOptions } from '../../../shared/request';
import { FINAL_POST_STATUSES, socialRequest } from '../../helpers';

/**
 * Adds `publishedPlatforms` / `failedPlatforms` so a `partial` post stays visible per platform.
 * A post whose every target failed is an error item naming each platform's error.
 */
export function reportPost(
	ctx: IExecuteFunctions,
	post: IDataObject,
	itemIndex: number,
): IDataObject {
	const targets = (post.platforms as IDataObject[] | undefined) ?? [];
	const summary = (status: string): IDataObject[] =>
		targets
			.filter((target) => target.status === status)
			.map((target) => ({
				platform: target.platform,
				accountId: target.accountId,
				...(status === 'failed'
					? { error: target.error }
					: { platformPostUrl: target.platformPostUrl }),
			}));
	if (post.status === 'failed') {
		throw new NodeOperationError(
			ctx.getNode(),
			`SocialSyncer post ${String(post.id)} failed on every platform`,
			{
				itemIndex,
				description: `${summary('failed')
					.map((target) => `${String(target.platform)}: ${String(target.error)}`)
					.join('; ')}. Fix the cause, then use Post → Retry Failed Targets.`,
			},
		);
	}
	return { ...post, publishedPlatforms: summary('published'), failedPlatforms: summary('failed') };
}

export async function waitForPost(
	ctx: IExecuteFunctions,
	post: IDataObject,
	itemIndex: number,
	requestOptions: RequestOptions,
): Promise<IDataObject> {
	if (
		FINAL_POST_STATUSES.includes(String(post.status)) ||
		!ctx.getNodeParameter('waitForResult', itemIndex, true)
	)
		return post;
	const result = await pollUntilTerminal({
		fetch: async () =>
			(
				await socialRequest(
					ctx,
					{ method: 'GET', path: `/v1/posts/${String(post.id)}`, itemIndex },
					requestOptions,
				)
			).body,
		statusOf: (current) => current.status as string | undefined,
		terminal: FINAL_POST_STATUSES,
		intervalMs: (ctx.getNodeParameter('pollInterval', itemIndex, 5) as number) * 1000,
		timeoutMs: 10 * 60_000,
		signal: ctx.getExecutionCancelSignal(),
	});
	return result.job;
}

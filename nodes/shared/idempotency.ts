/**
 * One Idempotency-Key per execution, node, purpose and item: a retry of the same item (by the
 * request layer or by n8n's Retry On Fail) replays the first create instead of billing a second.
 * Letters, digits, `.`, `_` and `-`, at most 128 characters: what both Sync (1–128 of
 * `[A-Za-z0-9._~-]`) and HeyGen (1–255 of `[A-Za-z0-9_\-:.]`) accept.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

export function idempotencyKeyFor(
	ctx: IExecuteFunctions,
	itemIndex: number,
	purpose: string,
): string {
	const raw = `n8n-${ctx.getExecutionId() ?? 'manual'}-${ctx.getNode().id}-${purpose}-${itemIndex}`;
	return raw.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 128);
}

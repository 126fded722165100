/** Webhook signature checks: HMAC-SHA256 over the raw body, compared in constant time. */
import { createHmac, timingSafeEqual } from 'crypto';
import type { IWebhookFunctions } from 'n8n-workflow';

/** The bytes the sender signed: n8n keeps the raw request body (`rawBody`); else the parsed body re-serialised. */
export function rawBodyOf(ctx: IWebhookFunctions): Buffer {
	const request = ctx.getRequestObject() as unknown as { rawBody?: Buffer; body?: unknown };
	return request.rawBody ?? Buffer.from(JSON.stringify(request.body ?? {}));
}

export function hmacSha256Hex(secret: string, payload: Buffer | string): string {
	return createHmac('sha256', secret).update(payload).digest('hex');
}

/** Constant-time comparison of two hex strings (false for different lengths or non-hex). */
export function hexEqual(expected: string, received: string): boolean {
	if (!/^[0-9a-f]*$/i.test(received) || expected.length !== received.length) return false;
	return timingSafeEqual(
		Buffer.from(expected.toLowerCase(), 'hex'),
		Buffer.from(received.toLowerCase(), 'hex'),
	);
}

/** A bare hex signature of the raw body, optionally `sha256=`-prefixed (ViralSync, SocialSyncer, HeyGen). */
export function verifyBodySignature(
	secret: string,
	rawBody: Buffer | string,
	signature: string | undefined,
): boolean {
	if (!secret || !signature) return false;
	const value = signature.trim().replace(/^sha256=/i, '');
	return hexEqual(hmacSha256Hex(secret, rawBody), value);
}

/** Why a delivery was refused, said without echoing any secret or signature. */
export type SignatureCheck = { valid: true } | { valid: false; reason: string };

/**
 * A hex HMAC-SHA256 of the raw body (`sha256=` prefix accepted) with an optional unix-seconds
 * timestamp header checked against a tolerance (the timestamp is not part of the signed bytes).
 */
export function verifyHexSignatureWithTime(
	secret: string,
	rawBody: Buffer | string,
	signature: string | undefined,
	options: { timestamp?: string; toleranceSeconds: number; nowSeconds?: number },
): SignatureCheck {
	if (!secret) return { valid: false, reason: 'no signing secret is set' };
	if (!signature) return { valid: false, reason: 'the signature header is missing' };
	if (!/^(sha256=)?[0-9a-f]+$/i.test(signature.trim()))
		return { valid: false, reason: 'the signature has an unknown format' };
	if (options.timestamp !== undefined && options.toleranceSeconds > 0) {
		const sent = Number(options.timestamp);
		const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
		if (!Number.isFinite(sent))
			return { valid: false, reason: 'the timestamp header is not a number' };
		if (Math.abs(now - sent) > options.toleranceSeconds)
			return { valid: false, reason: 'the delivery is too old (or from the future)' };
	}
	return verifyBodySignature(secret, rawBody, signature)
		? { valid: true }
		: { valid: false, reason: 'the signature does not match' };
}

/** Delivery ids seen by this n8n process, with when (epoch ms); insertion order is age order. */
const seenDeliveries = new Map<string, number>();

/**
 * Remembers delivery ids in this process for `windowMs` (at most `max`): answers true for an id
 * already seen in that window for this trigger, so a redelivery starts nothing. Process memory, not
 * the workflow's static data: n8n 2.40 can drop static data written during a webhook call.
 */
export function isRepeatedDelivery(
	trigger: string,
	id: string | undefined,
	windowMs = 24 * 60 * 60_000,
	max = 10_000,
	now = Date.now(),
): boolean {
	if (!id) return false;
	for (const [seen, at] of seenDeliveries) {
		if (now - at <= windowMs && seenDeliveries.size <= max) break;
		seenDeliveries.delete(seen);
	}
	const key = `${trigger}\u0000${id}`;
	if (seenDeliveries.has(key)) return true;
	seenDeliveries.set(key, now);
	return false;
}

/**
 * A Stripe-style `t=<unix seconds>,v1=<hex>` header (Sync, Synaptiq): v1 = HMAC(secret, `${t}.` + raw body),
 * with `t` within `toleranceSeconds` of now. Several v1 values may be present (secret rotation).
 */
export function verifyTimestampedSignature(
	secret: string,
	rawBody: Buffer | string,
	header: string | undefined,
	toleranceSeconds = 300,
	nowSeconds = Math.floor(Date.now() / 1000),
): { valid: boolean; reason?: string } {
	if (!secret) return { valid: false, reason: 'no signing secret is set' };
	if (!header) return { valid: false, reason: 'the signature header is missing' };
	const parts = header.split(',').map((part) => part.trim().split('='));
	const timestamp = Number(parts.find(([name]) => name === 't')?.[1]);
	const signatures = parts.filter(([name]) => name === 'v1').map(([, value]) => value ?? '');
	if (!Number.isFinite(timestamp) || signatures.length === 0)
		return { valid: false, reason: 'the signature header is malformed' };
	if (Math.abs(nowSeconds - timestamp) > toleranceSeconds)
		return { valid: false, reason: 'the signature timestamp is too old or in the future' };
	const body = Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody);
	const expected = hmacSha256Hex(secret, Buffer.concat([Buffer.from(`${timestamp}.`), body]));
	return signatures.some((signature) => hexEqual(expected, signature))
		? { valid: true }
		: { valid: false, reason: 'the signature does not match' };
}

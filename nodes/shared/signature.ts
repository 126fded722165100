/** Webhook signature checks: HMAC-SHA256 over the raw body, compared in constant time. */
import { createHmac, timingSafeEqual } from 'crypto';

export function hmacSha256Hex(secret: string, payload: Buffer | string): string {
	return createHmac('sha256', secret).update(payload).digest('hex');
}

/** Constant-time comparison of two hex strings (false for different lengths or non-hex). */
export function hexEqual(expected: string, received: string): boolean {
	if (!/^[0-9a-f]*$/i.test(received) || expected.length !== received.length) return false;
	return timingSafeEqual(Buffer.from(expected.toLowerCase(), 'hex'), Buffer.from(received.toLowerCase(), 'hex'));
}

/** A bare hex signature of the raw body, optionally `sha256=`-prefixed (ViralSync, SocialSyncer, HeyGen). */
export function verifyBodySignature(secret: string, rawBody: Buffer | string, signature: string | undefined): boolean {
	if (!secret || !signature) return false;
	const value = signature.trim().replace(/^sha256=/i, '');
	return hexEqual(hmacSha256Hex(secret, rawBody), value);
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
	if (!Number.isFinite(timestamp) || signatures.length === 0) return { valid: false, reason: 'the signature header is malformed' };
	if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { valid: false, reason: 'the signature timestamp is too old or in the future' };
	const body = Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody);
	const expected = hmacSha256Hex(secret, Buffer.concat([Buffer.from(`${timestamp}.`), body]));
	return signatures.some((signature) => hexEqual(expected, signature))
		? { valid: true }
		: { valid: false, reason: 'the signature does not match' };
}

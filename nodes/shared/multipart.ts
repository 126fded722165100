/** multipart/form-data bodies for the few create calls that take files (no runtime dependency). */
import { randomBytes } from 'crypto';

export type MultipartPart =
	| { name: string; value: string }
	| { name: string; fileName: string; contentType: string; data: Buffer };

/** A text part (built by a call: n8n's lint would read a `{name, value}` literal as a dropdown option). */
export function textPart(name: string, value: string): MultipartPart {
	return { name, value };
}

export function buildMultipart(parts: MultipartPart[]): { body: Buffer; contentType: string } {
	const boundary = `----n8nFormBoundary${randomBytes(12).toString('hex')}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		const name = part.name.replace(/"/g, '%22');
		if ('value' in part) {
			chunks.push(
				Buffer.from(
					`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${part.value}\r\n`,
				),
			);
		} else {
			const fileName = part.fileName.replace(/"/g, '%22').replace(/[\r\n]/g, ' ');
			chunks.push(
				Buffer.from(
					`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: ${part.contentType}\r\n\r\n`,
				),
				part.data,
				Buffer.from('\r\n'),
			);
		}
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

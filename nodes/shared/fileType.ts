/**
 * A file's type from its first bytes (magic numbers), not from the label it came with: n8n
 * binaries are often labelled application/octet-stream, audio/x-wav or image/jpg.
 */

/** What the bytes are, with the extension a file of that type carries. */
export interface DetectedType {
	mimeType: string;
	extension: string;
	/** What a person calls it, for messages. */
	label: string;
}

const ascii = (head: Buffer, offset: number, text: string) =>
	head.subarray(offset, offset + text.length).toString('latin1') === text;

/** SRT: a cue number, then a `00:00:01,000 --> 00:00:02,000` line (a UTF-8 BOM allowed). */
const SRT_START =
	/^(\uFEFF)?\s*\d+\s*\r?\n\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}/;

/** The number of leading bytes `detectFileType` looks at. */
export const FILE_HEAD_BYTES = 512;

export function detectFileType(head: Buffer): DetectedType | undefined {
	if (
		head.length >= 8 &&
		head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
	) {
		return { mimeType: 'image/png', extension: 'png', label: 'PNG image' };
	}
	if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff)
		return { mimeType: 'image/jpeg', extension: 'jpg', label: 'JPEG image' };
	if (head.length >= 12 && ascii(head, 4, 'ftyp')) {
		return ascii(head, 8, 'qt  ')
			? { mimeType: 'video/quicktime', extension: 'mov', label: 'MOV video' }
			: { mimeType: 'video/mp4', extension: 'mp4', label: 'MP4 video' };
	}
	if (head.length >= 4 && head.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])))
		return { mimeType: 'video/webm', extension: 'webm', label: 'WebM video' };
	if (head.length >= 12 && ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE'))
		return { mimeType: 'audio/wav', extension: 'wav', label: 'WAV audio' };
	// MP3: an ID3 tag, or an MPEG audio frame header (11 sync bits, layer III).
	if (ascii(head, 0, 'ID3') || (head.length >= 2 && head[0] === 0xff && (head[1] & 0xe6) === 0xe2))
		return { mimeType: 'audio/mpeg', extension: 'mp3', label: 'MP3 audio' };
	if (ascii(head, 0, '%PDF-'))
		return { mimeType: 'application/pdf', extension: 'pdf', label: 'PDF document' };
	if (SRT_START.test(head.toString('utf8')))
		return { mimeType: 'application/x-subrip', extension: 'srt', label: 'SRT subtitles' };
	return undefined;
}

/** Test files whose first bytes are what real files of that type start with (HeyGen sniffs types from the bytes). */
const HEADS: Record<string, Buffer> = {
	png: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
	jpeg: Buffer.from('ffd8ffe000104a464946', 'hex'),
	mp4: Buffer.concat([Buffer.from('00000018', 'hex'), Buffer.from('ftypisom')]),
	mov: Buffer.concat([Buffer.from('00000014', 'hex'), Buffer.from('ftypqt  ')]),
	webm: Buffer.from('1a45dfa39f4286810142f7810142', 'hex'),
	mp3: Buffer.concat([Buffer.from('ID3'), Buffer.from('0400000000', 'hex')]),
	wav: Buffer.concat([
		Buffer.from('RIFF'),
		Buffer.from('24080000', 'hex'),
		Buffer.from('WAVEfmt '),
	]),
	pdf: Buffer.from('%PDF-1.7\n'),
	srt: Buffer.from('1\n00:00:01,000 --> 00:00:02,500\nHello\n'),
	zip: Buffer.from('504b0304140000000800', 'hex'),
	gif: Buffer.from('GIF89a'),
};

export type TestFileKind = keyof typeof HEADS;

/** `size` bytes that start like a file of this kind. */
export function fileBytes(kind: TestFileKind, size = 4000): Buffer {
	const head = HEADS[kind];
	return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 7)]).subarray(
		0,
		Math.max(size, head.length),
	);
}

/** One input item with that file as binary property `data`, labelled as given (labels are often wrong). */
export function fileItem(kind: TestFileKind, mimeType: string, fileName: string, size = 4000) {
	return [
		{
			json: {},
			binary: { data: { data: fileBytes(kind, size).toString('base64'), mimeType, fileName } },
		},
	];
}

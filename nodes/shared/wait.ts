import { sleep } from 'n8n-workflow';

export class ExecutionCancelledError extends Error {
	constructor() {
		super('The execution was cancelled while waiting');
	}
}

/** Longest single sleep: a cancelled execution stops waiting within this time. */
const SLICE_MS = 200;

/**
 * Waits `ms`, in short slices so that a cancelled execution stops promptly. (n8n-workflow
 * 2.40 has `sleep` but not `sleepWithAbort`, and community nodes may not use timers.)
 */
export async function cancellableSleep(ms: number, signal?: AbortSignal): Promise<void> {
	const until = Date.now() + ms;
	for (;;) {
		if (signal?.aborted) throw new ExecutionCancelledError();
		const left = until - Date.now();
		if (left <= 0) return;
		await sleep(Math.min(left, SLICE_MS));
	}
}

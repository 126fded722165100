/** Waiting for an async job: poll until a terminal state, with an interval and a timeout. */
import { cancellableSleep } from './wait';

export interface PollOptions<T> {
	/** Fetches the job's current state (through the transport, so 429s are handled there). */
	fetch: () => Promise<T>;
	/** The job's status string. */
	statusOf: (job: T) => string | undefined;
	/** Statuses that end the wait; any other string (including unknown ones) means "still running". */
	terminal: readonly string[];
	intervalMs: number;
	timeoutMs: number;
	signal?: AbortSignal;
	/** Wait before the first poll (HeyGen renders take minutes; polling at once wastes calls). */
	initialDelayMs?: number;
	/**
	 * The interval runs from the start of one check to the start of the next: a check that the
	 * service held open (a long poll) already waited, so the next one follows sooner.
	 */
	intervalFromStart?: boolean;
}

export class JobWaitTimeoutError extends Error {
	constructor(
		readonly lastStatus: string | undefined,
		readonly waitedMs: number,
	) {
		super(
			`the job was still "${lastStatus ?? 'unknown'}" after waiting ${Math.round(waitedMs / 1000)} s`,
		);
	}
}

export async function pollUntilTerminal<T>(
	options: PollOptions<T>,
): Promise<{ job: T; polls: number; waitedMs: number }> {
	const started = Date.now();
	if (options.initialDelayMs) await cancellableSleep(options.initialDelayMs, options.signal);
	for (let polls = 1; ; polls++) {
		const checkStarted = Date.now();
		const job = await options.fetch();
		const status = options.statusOf(job);
		const waitedMs = Date.now() - started;
		if (status !== undefined && options.terminal.includes(status)) return { job, polls, waitedMs };
		const left = options.timeoutMs - waitedMs;
		if (left <= 0) throw new JobWaitTimeoutError(status, waitedMs);
		const pause = options.intervalFromStart
			? Math.max(0, options.intervalMs - (Date.now() - checkStarted))
			: options.intervalMs;
		if (pause > 0) await cancellableSleep(Math.min(pause, left), options.signal);
	}
}

/**
 * Every workflow run and credential test in the suite passes through this scan: no API key
 * or webhook secret may appear in any output, error, error description or stack.
 */
import { ALL_TEST_KEYS } from '../emulators/keys';

/** Every secret a test handed to the engine, besides the emulators' own keys. */
const extraSecrets = new Set<string>();

export function registerSecret(secret: unknown): void {
	if (typeof secret === 'string' && secret.trim().length >= 8) extraSecrets.add(secret.trim());
}

/** Serialises a value with the fields Errors hide from JSON.stringify. */
export function deepText(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, function replacer(_key, current: unknown) {
		if (current && typeof current === 'object') {
			if (seen.has(current)) return '[circular]';
			seen.add(current);
			if (current instanceof Error) {
				const plain: Record<string, unknown> = {};
				for (const name of Object.getOwnPropertyNames(current))
					plain[name] = (current as unknown as Record<string, unknown>)[name];
				return plain;
			}
		}
		if (typeof current === 'bigint') return current.toString();
		return current;
	});
}

export class SecretLeakError extends Error {}

export function assertNoSecrets(value: unknown, where: string): void {
	const text = deepText(value);
	for (const secret of [...ALL_TEST_KEYS, ...extraSecrets]) {
		if (text.includes(secret)) {
			throw new SecretLeakError(`A secret (…${secret.slice(-4)}) appears in ${where}`);
		}
	}
}

/**
 * n8n's own log output in the test engine: every line is scanned for secrets instead of
 * printed, and kept so tests can read what n8n logged.
 */
export const engineLog: Array<{ level: string; message: string; meta?: unknown }> = [];

function record(level: string) {
	return (message: unknown, meta?: unknown) => {
		assertNoSecrets({ message, meta }, `n8n's ${level} log`);
		engineLog.push({
			level,
			message: message instanceof Error ? message.message : String(message),
			meta,
		});
		if (engineLog.length > 1000) engineLog.shift();
	};
}

/** A logger in the shape of n8n's (also what nodes get as `this.logger`), every line scanned and kept. */
export const scanningLogger = {
	error: record('error'),
	warn: record('warn'),
	info: record('info'),
	debug: record('debug'),
	scoped() {
		return scanningLogger;
	},
};

/** Routes n8n's logger proxy and its error reporter (which logs node errors) through the scan. */
export function installScanningLogger(
	initLoggerProxy: (logger: never) => void,
	setErrorReporter: (reporter: unknown) => void,
): void {
	initLoggerProxy(scanningLogger as never);
	setErrorReporter({ error: record('error'), warn: record('warn'), info: record('info') });
}

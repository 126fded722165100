// Redis and a throwaway PostgreSQL for n8n's queue mode: the queue e2e suite and the queue benchmark.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { waitFor } from './lib.mjs';
import { freePort } from './n8n-server.mjs';

const run = promisify(execFile);

export async function startRedis() {
	const port = await freePort();
	const child = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{ detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const stop = () => {
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			// Gone already, or not answering yet: nothing to do.
		}
	};
	process.on('exit', stop);
	const ready = await waitFor(
		() => output.includes('Ready to accept connections') || child.exitCode !== null,
		{ timeoutMs: 10_000, intervalMs: 50 },
	);
	if (!ready || child.exitCode !== null)
		throw new Error(`redis-server did not start (is Debian's redis-server installed?):\n${output}`);
	return { port, stop };
}

/** Debian's PostgreSQL server programs: PG_BINDIR, else the newest /usr/lib/postgresql/<major>/bin, else PATH. */
function postgresBinDir() {
	if (process.env.PG_BINDIR) return process.env.PG_BINDIR;
	const root = '/usr/lib/postgresql';
	const [newest] = (existsSync(root) ? readdirSync(root) : [])
		.filter((major) => existsSync(path.join(root, major, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return newest ? path.join(root, newest, 'bin') : '';
}

/** initdb and postgres refuse root: as root they run as Debian's `postgres` account (or nobody). */
function postgresAccount() {
	if (process.getuid?.() !== 0) return {};
	for (const user of ['postgres', 'nobody']) {
		try {
			const id = (flag) => Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
			return { uid: id('-u'), gid: id('-g') };
		} catch {
			// No such account here: try the next one.
		}
	}
	throw new Error('initdb refuses to run as root, and there is no postgres or nobody account');
}

/**
 * A throwaway PostgreSQL server: a cluster initdb makes in a temporary folder (its socket there
 * too), `postgres` on a free loopback port, password authentication (SCRAM), a database for n8n.
 * `stop()` shuts it down (fast shutdown) and removes the folder.
 */
export async function startPostgres() {
	const binDir = postgresBinDir();
	const bin = (name) => (binDir ? path.join(binDir, name) : name);
	const account = postgresAccount();
	const folder = mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-pg-'));
	const removeFolder = () => rmSync(folder, { recursive: true, force: true });
	const user = 'n8n';
	const database = 'n8n';
	const password = randomUUID();
	const passwordFile = path.join(folder, 'password');
	writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
	if (account.uid !== undefined) {
		chownSync(folder, account.uid, account.gid);
		chownSync(passwordFile, account.uid, account.gid);
	}
	const dataDir = path.join(folder, 'data');
	try {
		await run(
			bin('initdb'),
			[
				...['-D', dataDir, '-U', user, `--pwfile=${passwordFile}`, '--auth=scram-sha-256'],
				...['-E', 'UTF8', '--no-sync', '--no-instructions'],
			],
			{ cwd: folder, ...account },
		);
	} catch (error) {
		removeFolder();
		throw new Error(
			`initdb failed (is Debian's postgresql-15 installed?): ${error.stderr || error.message}`,
		);
	}
	const port = await freePort();
	const child = spawn(
		bin('postgres'),
		[
			...['-D', dataDir, '-p', String(port), '-k', folder, '-c', 'listen_addresses=127.0.0.1'],
			// A test database: no durability needed.
			...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
		],
		{ cwd: folder, ...account, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const exited = new Promise((resolve) => child.once('exit', resolve));
	let stopping;
	const stop = () =>
		(stopping ??= (async () => {
			try {
				// SIGINT is PostgreSQL's fast shutdown: it ends open sessions instead of waiting for them.
				process.kill(-child.pid, 'SIGINT');
			} catch {
				// Gone already, or not answering yet: nothing to do.
			}
			const timer = setTimeout(() => {
				try {
					process.kill(-child.pid, 'SIGKILL');
				} catch {
					// Gone already, or not answering yet: nothing to do.
				}
			}, 10_000);
			await exited;
			clearTimeout(timer);
			removeFolder();
		})());
	process.on('exit', () => {
		if (stopping) return;
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			// Gone already, or not answering yet: nothing to do.
		}
		removeFolder();
	});
	const ready = await waitFor(
		() =>
			output.includes('database system is ready to accept connections') || child.exitCode !== null,
		{ timeoutMs: 30_000, intervalMs: 100 },
	);
	if (!ready || child.exitCode !== null) {
		await stop();
		throw new Error(`postgres did not start:\n${output}`);
	}
	const client = { env: { ...process.env, PGPASSWORD: password }, encoding: 'utf8' };
	const connection = ['-h', '127.0.0.1', '-p', String(port), '-U', user];
	try {
		await run(bin('createdb'), [...connection, database], client);
	} catch (error) {
		await stop();
		throw new Error(`createdb failed: ${error.stderr || error.message}`);
	}
	return {
		port,
		stop,
		/** What n8n (main and workers) needs to use this database. */
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: database,
			DB_POSTGRESDB_USER: user,
			DB_POSTGRESDB_PASSWORD: password,
		},
		/** One query through psql: its rows, columns split on tabs. */
		async query(sql) {
			const { stdout } = await run(
				bin('psql'),
				[...connection, '-d', database, '-X', '-A', '-t', '-F', '\t', '-c', sql],
				client,
			);
			return stdout
				.split('\n')
				.filter(Boolean)
				.map((line) => line.split('\t'));
		},
	};
}

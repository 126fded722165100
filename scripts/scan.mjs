#!/usr/bin/env node
// `npm run scan`: lints this package the way n8n verifies community packages
// (@n8n/scan-community-package's analyzePackage with its own config), offline:
//   1. the packed tarball: compiled .js and the published package.json;
//   2. the source, as the scanner lints the repository its npm provenance points at:
//      package.json and {nodes,credentials}/**/*.{js,ts,json}.
// The scanner's registry steps (package metadata, the provenance attestation, downloading
// the tarball and the attested source from GitHub) need the network and a published
// version: they are skipped here, and this says so. Exit code 1 on any error.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const repo = path.resolve(import.meta.dirname, '..');

console.log('n8n community-package scan (offline)');
console.log(
	'  skipped: registry metadata, provenance check, download of the published tarball and of the attested source (they need the npm registry, GitHub and a published version)',
);

const work = mkdtempSync(path.join(os.tmpdir(), 'n8n-scan-'));
let failed = false;
try {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
			cwd: repo,
			encoding: 'utf8',
		}),
	);
	const packageDir = path.join(work, 'package');
	execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', work]);

	const legs = [
		{
			label: `tarball ${packed.filename} (compiled .js and package.json)`,
			dir: packageDir,
			patterns: ['**/*.js', 'package.json'],
		},
		{
			label: `source (${SOURCE_FILE_PATTERNS.join(', ')})`,
			dir: repo,
			patterns: SOURCE_FILE_PATTERNS,
		},
	];
	for (const leg of legs) {
		const result = await analyzePackage(leg.dir, leg.patterns);
		console.log(
			`${result.passed ? '  ok  ' : '  FAIL'} ${leg.label}${result.message ? `: ${result.message}` : ''}`,
		);
		if (!result.passed) {
			failed = true;
			if (result.details) console.log(result.details);
		}
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

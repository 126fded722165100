#!/usr/bin/env node
// Checks what `npm pack` would publish: every credential, node, codex file and icon under
// dist/, no test or source code, no runtime dependencies, and the tarball size.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const [report] = JSON.parse(
	execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }),
);
const files = new Set(report.files.map((file) => file.path));
const problems = [];

if (pkg.dependencies && Object.keys(pkg.dependencies).length > 0)
	problems.push(
		`package.json has runtime dependencies: ${Object.keys(pkg.dependencies).join(', ')}`,
	);
for (const path of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) {
	if (!files.has(path)) problems.push(`missing from the package: ${path}`);
}
for (const node of pkg.n8n.nodes) {
	const codex = node.replace(/\.js$/, '.json');
	if (!files.has(codex)) problems.push(`missing codex file: ${codex}`);
}
for (const path of files) {
	if (!/^(dist\/|package\.json$|README\.md$|LICENSE(\.md)?$)/.test(path))
		problems.push(`unexpected file in the package: ${path}`);
	if (
		/(^|\/)(test|tests|__tests__|bench|scripts)\//.test(path) ||
		/\.(test|spec)\.js$/.test(path) ||
		/\.ts$/.test(path)
	) {
		problems.push(`test or source code in the package: ${path}`);
	}
}
// Every icon a credential or node points at must ship.
for (const path of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) {
	const source = readFileSync(path, 'utf8');
	for (const match of source.matchAll(/file:([\w./-]+\.(?:svg|png))/g)) {
		const icon = new URL(match[1], `file:///${path}`).pathname.slice(1);
		if (!files.has(icon)) problems.push(`${path} points at an icon that is not packed: ${icon}`);
	}
}

const sizeKb = (report.size / 1024).toFixed(1);
console.log(
	`pack: ${report.filename}, ${files.size} files, ${sizeKb} KB packed, ${(report.unpackedSize / 1024).toFixed(1)} KB unpacked, runtime dependencies: ${Object.keys(pkg.dependencies ?? {}).length}`,
);
if (problems.length > 0) {
	for (const problem of problems) console.error(`pack: ${problem}`);
	process.exit(1);
}
console.log('pack: ok');

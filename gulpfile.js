const path = require('path');
const { src, dest, task } = require('gulp');

// Icons are referenced as file: paths from the compiled credentials and nodes, so they must
// sit at the same relative place under dist/ as in the source tree.
function copyIcons() {
	return src(['icons/**/*.{svg,png}', 'nodes/**/*.{svg,png}', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest(path.resolve('dist')));
}

task('build:icons', copyIcons);

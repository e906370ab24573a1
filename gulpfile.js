const { src, dest, parallel } = require('gulp');

// The asset step of the build: tsc compiles the code, this copies what n8n loads beside it.
function copyIcons() {
	return src('icons/**/*.svg', { encoding: false }).pipe(dest('dist/icons'));
}

function copyCodexFiles() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

exports['build:assets'] = parallel(copyIcons, copyCodexFiles);

const { src, dest, parallel } = require('gulp');
const { join } = require('node:path');

const { partnerPackages } = require('./scripts/packages/partnerPackages');

// The asset step of each package's build: tsc compiles the code, this copies what n8n loads beside
// it (the icons and the nodes' codex files) into the package's dist/.
function copyAssetsOf({ name, directory }) {
	const copyIcons = () => src(join(directory, 'icons/*.svg'), { encoding: false }).pipe(dest(join(directory, 'dist/icons')));
	const copyCodexFiles = () => src(join(directory, 'nodes/*/*.node.json')).pipe(dest(join(directory, 'dist/nodes')));
	const task = parallel(copyIcons, copyCodexFiles);
	task.displayName = `assets of ${name}`;
	return task;
}

exports['build:assets'] = parallel(...partnerPackages().map(copyAssetsOf));

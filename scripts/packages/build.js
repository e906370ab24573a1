#!/usr/bin/env node
// Builds each partner package from clean: its dist/ is deleted, tsc compiles its nodes and
// credentials (the shared code comes in through the package's nodes/shared link and is compiled
// into the package, so no package needs another at run time), then gulp copies icons and codex files.
const { rmSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const { ROOT, partnerPackages } = require('./partnerPackages');

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with ${result.status ?? result.signal}`);
}

for (const { name, directory } of partnerPackages()) {
	rmSync(join(directory, 'dist'), { recursive: true, force: true });
	process.stderr.write(`[build] ${name}\n`);
	run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(directory, 'tsconfig.json')]);
}
run(process.execPath, [join(ROOT, 'node_modules', 'gulp', 'bin', 'gulp.js'), 'build:assets']);

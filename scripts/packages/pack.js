#!/usr/bin/env node
// `npm run pack`: builds each partner package from clean and writes its tarball into release/, as
// `npm publish` would upload it (npm pack in the package's folder, lifecycle scripts off: the
// build has just run).
const { mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const { ROOT, partnerPackages } = require('./partnerPackages');

const RELEASE = join(ROOT, 'release');

/** Builds and packs every package into `destination`; returns the tarballs' paths by package name. */
function packPartnerPackages(destination = RELEASE) {
	const build = spawnSync(process.execPath, [join(__dirname, 'build.js')], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (build.status !== 0) throw new Error('the build failed');
	rmSync(destination, { recursive: true, force: true });
	mkdirSync(destination, { recursive: true });
	const tarballs = {};
	for (const { name, directory } of partnerPackages()) {
		const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], { cwd: directory, encoding: 'utf8' });
		if (packed.status !== 0) throw new Error(`npm pack of ${name} failed: ${packed.stderr}`);
		const [{ filename }] = JSON.parse(packed.stdout);
		tarballs[name] = join(destination, filename);
		process.stderr.write(`[pack] ${tarballs[name]}\n`);
	}
	return tarballs;
}

module.exports = { RELEASE, packPartnerPackages };

if (require.main === module) packPartnerPackages();

// Installs a package tarball into an n8n user folder exactly the way n8n 2.40.7 installs a
// community package (CommunityPackagesService.downloadPackage, in n8n's
// modules/community-packages/community-packages.service.js): `npm pack` in <user folder>/.n8n/nodes,
// the tarball extracted into nodes/node_modules/<name>, devDependencies, peerDependencies and
// optionalDependencies deleted from its package.json, `npm install` with n8n's flags in the
// package's folder, and the package recorded in nodes/package.json. Only the source of `npm pack`
// differs: our tarball file instead of <name>@<version> from the registry. Nothing is linked or
// copied in by hand, so a file the tarball lacks is missing here too.
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const N8N_INSTALL_FLAGS = ['--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'];

/** n8n's npm runs without this repository's npm settings (its .npmrc, npm_config_* from `npm run`). */
function npmEnvironment() {
	return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_(config|package|lifecycle)_/i.test(name)));
}

function npm(args, cwd) {
	return execFileSync('npm', args, { cwd, env: npmEnvironment(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Installs `tarball` (a package's .tgz) into `userFolder` as n8n does; returns the package's folder. */
function installLikeN8n(userFolder, tarball) {
	const downloadFolder = join(userFolder, '.n8n', 'nodes');
	mkdirSync(downloadFolder, { recursive: true });
	const packed = npm(['pack', tarball, '--quiet'], downloadFolder).trim().split('\n').pop();
	const packedPath = join(downloadFolder, packed);
	try {
		const manifestOfTarball = JSON.parse(execFileSync('tar', ['-xzOf', packedPath, 'package/package.json'], { encoding: 'utf8' }));
		const packageFolder = join(downloadFolder, 'node_modules', manifestOfTarball.name);
		rmSync(packageFolder, { recursive: true, force: true });
		mkdirSync(packageFolder, { recursive: true });
		execFileSync('tar', ['-xzf', packedPath, '-C', packageFolder, '--strip-components=1']);
		const manifestPath = join(packageFolder, 'package.json');
		const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(readFileSync(manifestPath, 'utf8'));
		writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
		npm(['install', ...N8N_INSTALL_FLAGS], packageFolder);
		recordDependency(downloadFolder, manifest.name, manifest.version);
		return packageFolder;
	} finally {
		rmSync(packedPath, { force: true });
	}
}

/** nodes/package.json's dependencies, where n8n lists the community packages it installed. */
function recordDependency(downloadFolder, name, version) {
	const path = join(downloadFolder, 'package.json');
	const manifest = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : { name: 'installed-nodes', private: true, dependencies: {} };
	manifest.dependencies = { ...manifest.dependencies, [name]: version };
	writeFileSync(path, JSON.stringify(manifest, null, 2));
}

module.exports = { installLikeN8n };

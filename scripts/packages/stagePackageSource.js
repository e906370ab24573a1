// Copies what a package ships as source (package.json, eslint.config.mjs, tsconfig.json, nodes/
// with the shared code its nodes/shared link points at, credentials/, icons/) into a folder of its
// own, so that n8n's checks see exactly that: `n8n-node lint` lints every .ts file under the folder
// it runs in, and the package's tests (test/, which use Node's modules and jest) are not shipped.
const { cpSync, mkdirSync, rmSync, symlinkSync } = require('node:fs');
const { join } = require('node:path');

const { ROOT } = require('./partnerPackages');

const SHIPPED_SOURCE = ['package.json', 'eslint.config.mjs', 'tsconfig.json', 'nodes', 'credentials', 'icons'];

/** Stages `partnerPackage` under `.build/<purpose>/packages/<folder>` and returns that folder. */
function stagePackageSource(partnerPackage, purpose) {
	const stage = join(ROOT, '.build', purpose);
	const folder = join(stage, 'packages', partnerPackage.name);
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	for (const entry of SHIPPED_SOURCE) cpSync(join(partnerPackage.directory, entry), join(folder, entry), { recursive: true, dereference: true });
	// The package's tsconfig.json extends ../../tsconfig.base.json.
	cpSync(join(ROOT, 'tsconfig.base.json'), join(stage, 'tsconfig.base.json'));
	// The repository's dev dependencies (eslint, @n8n/node-cli), found as the package's own.
	rmSync(join(folder, 'node_modules'), { force: true });
	symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'), 'dir');
	return folder;
}

module.exports = { stagePackageSource };

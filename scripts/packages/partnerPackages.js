// The partner packages of this repository, read from packages/*/package.json: the one list of
// packages, and through each package.json's `n8n` section the one list of its nodes and credentials.
const { existsSync, readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const PACKAGES_FOLDER = join(ROOT, 'packages');

/** Each package: its name, folder, package.json, and the node and credential files n8n loads. */
function partnerPackages() {
	return readdirSync(PACKAGES_FOLDER)
		.filter((folder) => existsSync(join(PACKAGES_FOLDER, folder, 'package.json')))
		.sort()
		.map((folder) => {
			const directory = join(PACKAGES_FOLDER, folder);
			const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
			return {
				name: manifest.name,
				directory,
				manifest,
				nodes: manifest.n8n.nodes,
				credentials: manifest.n8n.credentials,
			};
		});
}

module.exports = { ROOT, partnerPackages };

#!/usr/bin/env node
// @ts-check
// Generates the Afosto nodes' declarative descriptions from the committed spec (spec/afosto.json):
// one node per Afosto service, one file per resource (the document's tag). Deterministic: the same
// spec always gives the same files, and test/generatedNodes.test.ts fails when the
// committed files and this generator drift apart. Run: npm run generate:afosto
//
// This file puts the modules together and writes the files; which module does what is in
// CONTRIBUTING.md ("Afosto's spec and generator").
const { mkdirSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const { ROOT, readSpec } = require('./spec');
const { AFOSTO_NODES, NODES, namesOfNode, resourcesOf } = require('./nodes');
const { PACKAGE_FILE, packageParts, sharedParts } = require('./sharedParts');
const { packageFiles, resourceFiles, serviceFiles } = require('./resourceFiles');
const { codexFile, nodeFile, packageManifestListing, scopesFile } = require('./nodeFiles');

/**
 * Every generated file, by path relative to the package's folder.
 * @param {import('./spec').Spec} spec
 * @returns {Record<string, string>}
 */
function generateAfostoNodes(spec) {
	/** @type {Record<string, string>} */
	const files = {};
	const distinct = spec.endpoints.filter((endpoint) => !endpoint.duplicateOf);
	const nodes = NODES.map((node) => {
		const resources = resourcesOf(node, spec.endpoints);
		return { node, resources, named: namesOfNode(resources, distinct) };
	});
	const packageShared = packageParts(nodes);
	Object.assign(files, packageFiles(packageShared));
	for (const { node, resources, named } of nodes) {
		files[`nodes/Afosto/${node.className}.node.ts`] = nodeFile(node, resources, named);
		files[`nodes/Afosto/${node.className}.node.json`] = codexFile(node);
		const shared = sharedParts(resources, named, packageShared);
		for (const resource of resources) Object.assign(files, resourceFiles(resource, `nodes/Afosto/${node.service}/${resource.value}`, named, shared));
		Object.assign(files, serviceFiles(shared, `nodes/Afosto/${node.service}`));
	}
	files['credentials/afostoScopes.ts'] = scopesFile(spec.scopes);
	files['package.json'] = packageManifestListing(NODES);
	return files;
}

/**
 * Writes `files` into the package, after removing what the generator made before (each node's
 * folder and files), so nothing it no longer makes stays behind.
 * @param {Record<string, string>} files
 */
function writeGeneratedFiles(files) {
	for (const node of AFOSTO_NODES) {
		rmSync(join(ROOT, node.folder), { recursive: true, force: true });
		for (const extension of ['ts', 'json']) rmSync(join(ROOT, 'nodes', 'Afosto', `${node.className}.node.${extension}`), { force: true });
	}
	rmSync(join(ROOT, PACKAGE_FILE), { force: true });
	for (const [path, content] of Object.entries(files)) {
		mkdirSync(dirname(join(ROOT, path)), { recursive: true });
		writeFileSync(join(ROOT, path), content);
	}
}

// What test/generatedNodes.test.ts compares with the committed files.
module.exports = { generateAfostoNodes, readSpec, AFOSTO_NODES };

if (require.main === module) {
	const files = generateAfostoNodes(readSpec());
	writeGeneratedFiles(files);
	process.stdout.write(`${Object.keys(files).length} files for ${NODES.length} Afosto nodes\n`);
}

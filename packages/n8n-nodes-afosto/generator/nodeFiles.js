// @ts-check
// The files of one node (nodes/Afosto/<Class>.node.ts and its codex .node.json), and the package
// files the node table decides: credentials/afostoScopes.ts and package.json's n8n.nodes.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const { titleCase } = require('./naming');
const { recordPickerOf } = require('./records');
const { ROOT, isFileUpload } = require('./spec');
const { HEADER, call, print, ref, spread } = require('./printer');

/**
 * @typedef {import('./nodes').NodeSpec} NodeSpec
 * @typedef {import('./nodes').Resource} Resource
 * @typedef {import('./nodes').NamesOfNode} NamesOfNode
 */

/** @param {NodeSpec} node */
function codexFile(node) {
	const name = node.className.charAt(0).toLowerCase() + node.className.slice(1);
	return `${JSON.stringify(
		{
			node: `n8n-nodes-afosto.${name}`,
			nodeVersion: '1.0',
			codexVersion: '1.0',
			categories: ['Sales', 'Utility'],
			subcategories: { Sales: ['Commerce'] },
			resources: {
				credentialDocumentation: [{ url: 'https://github.com/n8n-nodes-telco-partners/n8n-nodes-telco-partners/tree/main/packages/n8n-nodes-afosto#credentials' }],
				primaryDocumentation: [{ url: 'https://github.com/n8n-nodes-telco-partners/n8n-nodes-telco-partners/tree/main/packages/n8n-nodes-afosto#operations' }],
			},
			alias: ['Afosto', 'Commerce', ...node.groups.map(titleCase)],
		},
		null,
		'\t',
	)}\n`;
}

/**
 * The node's subtitle: the chosen operation's and resource's names, as n8n shows a node with one
 * resource by itself (the editor looks names up only in the first Operation list, so a node with
 * several resources says them itself).
 * @param {Resource[]} resources
 * @param {NamesOfNode} named
 */
function subtitleOf(resources, named) {
	const operations = Object.fromEntries(resources.flatMap((resource) => resource.endpoints.map((endpoint) => [endpoint.id, named.of(endpoint).name])));
	const labels = Object.fromEntries(resources.map((resource) => [resource.value, resource.label]));
	return `={{ ${JSON.stringify(operations)}[$parameter["operation"]] + ": " + ${JSON.stringify(labels)}[$parameter["resource"]] }}`;
}

/**
 * The node's class: its description (resources, their operations and fields), its searches and its uploads.
 * @param {NodeSpec} node
 * @param {Resource[]} resources
 * @param {NamesOfNode} named
 */
function nodeFile(node, resources, named) {
	const name = node.className.charAt(0).toLowerCase() + node.className.slice(1);
	const uploads = resources.flatMap((resource) => resource.endpoints.filter(isFileUpload).map((endpoint) => ({ resource: resource.value, operation: endpoint.id })));
	const customOperations = uploads.length
		? `\n\n\t/** Uploads send the item's binary file in two steps (the Afosto API reference), which routing cannot say. */\n\tcustomOperations = ${print(
				Object.fromEntries(uploads.map(({ resource, operation }) => [resource, { [operation]: ref('uploadFileFromBinary') }])),
				1,
			)};`
		: '';
	const uploadImport = uploads.length ? `import { uploadFileFromBinary } from './shared/uploadFile';\n` : '';
	// The searches of the node's resource locators ("From List"), each once.
	const searches = [
		...new Set(
			resources.flatMap((resource) =>
				resource.endpoints
					.filter((endpoint) => !isFileUpload(endpoint))
					.flatMap((endpoint) => endpoint.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => recordPickerOf(endpoint, parameter)?.searchListMethod)),
			),
		),
	]
		.filter((search) => search !== undefined)
		.sort();
	const methods = searches.length
		? `\n\n\tmethods = ${print({ listSearch: Object.fromEntries(searches.map((search) => [search, ref(`recordListSearch.${search}`)])) }, 1)};`
		: '';
	const searchImport = searches.length ? `import { recordListSearch } from './shared/recordPickers';\n` : '';
	const imports = resources.map((resource) => `import { ${resource.value}Resource } from './${node.service}/${resource.value}';`).join('\n');
	const resourceOptions = resources.map((resource) => ({ name: resource.label, value: resource.value, routing: ref('checkedRequest') }));
	const description = {
		displayName: node.displayName,
		name,
		icon: { light: 'file:../../icons/afosto.svg', dark: 'file:../../icons/afosto.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleOf(resources, named),
		description: `Afosto ${node.about}`,
		defaults: { name: node.displayName },
		usableAsTool: true,
		inputs: [ref('NodeConnectionTypes.Main')],
		outputs: [ref('NodeConnectionTypes.Main')],
		credentials: call('partnerCredentials', 'afosto'),
		requestDefaults: ref('AFOSTO_REQUEST_DEFAULTS'),
		properties: ref('properties'),
	};
	const properties = [
		ref('authenticationField'),
		{ displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, options: resourceOptions, default: resources[0].value },
		...resources.map((resource) => ref(`${resource.value}Resource.operation`)),
		...resources.map((resource) => spread(ref(`${resource.value}Resource.fields`))),
		// Return All's Output (Items / One File), once per node: shown wherever a list's Return All is on.
		spread(ref('LIST_OUTPUT_FIELDS')),
		call('declarativeOptionsField', 'Afosto'),
	];
	return `${HEADER}import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationField, partnerCredentials } from '../shared/transport/authentication';
import { declarativeOptionsField } from '../shared/transport/jsonApiRequestDefaults';
import { LIST_OUTPUT_FIELDS } from './shared/listPages';
import { AFOSTO_REQUEST_DEFAULTS, afostoRouting } from './shared/requestDefaults';
${searchImport}${uploadImport}${imports}

const checkedRequest = afostoRouting(() => properties);

const properties: INodeProperties[] = ${print(properties)};

export class ${node.className} implements INodeType {
	description: INodeTypeDescription = ${print(description, 1)};${methods}${customOperations}
}
`;
}

/** The OAuth2 scopes file. @param {string[]} scopes */
function scopesFile(scopes) {
	return `${HEADER}\n/** The OAuth2 scopes the Afosto API reference lists. */\nexport const AFOSTO_SCOPES = ${JSON.stringify(scopes, null, '\t').replace(/"/g, "'").replace(/'\n]$/, "',\n]")};\n`;
}

/**
 * The package's package.json with its `n8n.nodes` made from the node table (and the hand-written trigger):
 * the nodes are listed once, in nodes.js; package.json, which n8n and the test runner read, follows.
 * @param {NodeSpec[]} nodes
 */
function packageManifestListing(nodes) {
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
	const nodeFiles = [...nodes.map(({ className }) => className), 'AfostoTrigger'].map((className) => `dist/nodes/Afosto/${className}.node.js`);
	manifest.n8n.nodes = nodeFiles.sort();
	return `${JSON.stringify(manifest, null, 2)}\n`;
}

module.exports = { codexFile, nodeFile, scopesFile, packageManifestListing };

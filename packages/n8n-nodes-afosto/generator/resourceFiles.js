// @ts-check
// The files of one resource folder (nodes/Afosto/<node>/<resource>/): index.ts (its Operation
// list), one file per operation, pathParameters.ts, and the shared parts in schemas.ts and
// queries.ts; the files of the parts that several resources of a service share
// (nodes/Afosto/<node>/odrSchemas.ts, odrQueries.ts); and nodes/Afosto/afostoSchemas.ts, of the
// parts several services share.
const { operationOf, pathParametersOf } = require('./operation');
const { PACKAGE_FILE, PART_ABOUT, PART_FILE, PART_TYPES, serviceFileOf } = require('./sharedParts');
const { HEADER, call, importLines, print, ref } = require('./printer');

/**
 * @typedef {import('./nodes').Resource} Resource
 * @typedef {import('./nodes').NamesOfNode} NamesOfNode
 * @typedef {import('./sharedParts').SharedParts} SharedParts
 * @typedef {import('./sharedParts').Declaration} Declaration
 */

/**
 * The files that declare shared parts: `schemas` (bodies) and `queries`, by file name, each
 * constant with what it is.
 * @param {Declaration[]} declarations
 * @param {(file: 'schemas' | 'queries', declaration: Declaration) => string} whose How the comment says where the part comes from.
 * @param {number} depth How many folders below nodes/Afosto the files are.
 * @returns {Array<[string, string]>}
 */
function partFiles(declarations, whose, depth) {
	/** @type {Array<[string, string]>} */
	const files = [];
	for (const file of /** @type {const} */ (['schemas', 'queries'])) {
		const ofFile = declarations.filter(({ kind }) => PART_FILE[kind] === file);
		if (!ofFile.length) continue;
		const typeNames = [...new Set(ofFile.map(({ kind }) => PART_TYPES[kind].slice(2).replace('[]', '')).filter(Boolean))];
		const constants = ofFile.map((declaration) => {
			const { name, kind, part } = declaration;
			return `/** ${PART_ABOUT[kind]}${whose(file, declaration)}. */\nexport const ${name}${PART_TYPES[kind]} = ${print(part)};`;
		});
		files.push([file, `${HEADER}${importLines(typeNames, {}, depth)}\n\n${constants.join('\n\n')}\n`]);
	}
	return files;
}

/** The Afosto API reference's schema a body part comes from, as a comment says it. @param {string | null} schema */
const ofSchema = (schema) => (schema ? ` of the Afosto API reference's ${schema}` : '');

/**
 * The files of one resource: index.ts, one file per operation, and its path parameters and shared schemas.
 * @param {Resource} resource
 * @param {string} folder
 * @param {NamesOfNode} named
 * @param {SharedParts} shared The node's shared parts.
 * @returns {Record<string, string>}
 */
function resourceFiles(resource, folder, named, shared) {
	/** @type {Record<string, string>} */
	const files = {};
	const schemas = shared.ofResource(resource);
	const context = { named, pathParameters: pathParametersOf(resource.endpoints, named), partOf: schemas.partOf };
	/** @type {Record<string, string>} */
	const local = Object.fromEntries(shared.moduleOf);
	// Each operation's file and export are named by its value (method and path, as the spec's id
	// has it), which no other endpoint has and no renaming changes.
	const operations = resource.endpoints.map((endpoint) => ({ exportName: endpoint.id, ...operationOf(endpoint, context) }));
	for (const { name } of context.pathParameters.constants) local[name] = './pathParameters';
	// Known once the operations are built: the resource's own constants are named as they are first used.
	for (const { name, kind } of schemas.declarations) local[name] = `./${PART_FILE[kind]}`;
	for (const { exportName, used, locals, operation } of operations) {
		const imports = importLines(used, local);
		const declarations = locals.length ? `${locals.join('\n\n')}\n\n` : '';
		files[`${folder}/${exportName}.ts`] =
			`${HEADER}${imports}\n\n${declarations}export const ${exportName}: AfostoOperation = ${print(operation)};\n`;
	}
	if (context.pathParameters.constants.length) {
		const constants = context.pathParameters.constants.map(
			({ name, placeholder, field, picker }) => `export const ${name} = ${print(call('pathParameter', placeholder, field, ...(picker ? [picker] : [])))};`,
		);
		files[`${folder}/pathParameters.ts`] = `${HEADER}${importLines(['pathParameter'])}\n\n${constants.join('\n')}\n`;
	}
	const whose = /** @type {(file: string, declaration: Declaration) => string} */ (file, { schema }) => (file === 'schemas' ? ofSchema(schema) : ' that several operations of the resource have');
	for (const [file, content] of partFiles(schemas.declarations, whose, 2)) files[`${folder}/${file}.ts`] = content;
	const operationImports = operations.map(({ exportName }) => `import { ${exportName} } from './${exportName}';`).join('\n');
	files[`${folder}/index.ts`] =
		`${HEADER}${importLines(['afostoResource'])}\n\n${operationImports}\n\n` +
		`/** ${resource.label}: the operations in the Afosto API reference's order. */\n` +
		`export const ${resource.value}Resource = ${print(call('afostoResource', resource.value, operations.map(({ exportName }) => ref(exportName))))};\n`;
	return files;
}

/**
 * The files of the parts that several resources of a service share, in the node's folder.
 * @param {SharedParts} shared The node's shared parts.
 * @param {string} folder The node's folder (nodes/Afosto/orders).
 * @returns {Record<string, string>}
 */
function serviceFiles(shared, folder) {
	/** @type {Record<string, string>} */
	const files = {};
	for (const [service, declarations] of shared.byService) {
		const whose = /** @type {(file: string, declaration: Declaration) => string} */ (file, { schema }) =>
			file === 'schemas' ? `${ofSchema(schema)}, which several resources of /${service} have` : ` that several resources of /${service} have`;
		for (const [file, content] of partFiles(declarations, whose, 1)) files[`${folder}/${serviceFileOf(service, file)}.ts`] = content;
	}
	return files;
}

/**
 * nodes/Afosto/afostoSchemas.ts: the parts that operations of several Afosto services share.
 * @param {import('./sharedParts').PackageParts} packageShared
 * @returns {Record<string, string>}
 */
function packageFiles(packageShared) {
	const whose = /** @type {(file: string, declaration: Declaration) => string} */ (file, { schema }) =>
		file === 'schemas' ? `${ofSchema(schema)}, which several Afosto services have` : ' that several Afosto services have';
	// Only bodies are shared across services so far; a shared query would need a file of its own.
	const files = partFiles(packageShared.declarations, whose, 0);
	if (files.some(([file]) => file !== 'schemas')) throw new Error('A query is shared across Afosto services: give it a file');
	return Object.fromEntries(files.map(([, content]) => [PACKAGE_FILE, content]));
}

module.exports = { resourceFiles, serviceFiles, packageFiles };

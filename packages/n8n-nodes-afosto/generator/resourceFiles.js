// @ts-check
// The files of one resource folder (nodes/Afosto/<service>/<resource>/): index.ts (its Operation
// list), one file per operation, pathParameters.ts, and the shared parts in schemas.ts and queries.ts.
const { operationOf, pathParametersOf } = require('./operation');
const { PART_ABOUT, PART_FILE, PART_TYPES, sharedSchemas } = require('./sharedParts');
const { HEADER, call, importLines, print, ref } = require('./printer');

/**
 * @typedef {import('./nodes').Resource} Resource
 * @typedef {import('./nodes').NamesOfNode} NamesOfNode
 */

/**
 * The files of one resource: index.ts, one file per operation, and its path parameters and shared schemas.
 * @param {Resource} resource
 * @param {string} folder
 * @param {NamesOfNode} named
 * @returns {Record<string, string>}
 */
function resourceFiles(resource, folder, named) {
	/** @type {Record<string, string>} */
	const files = {};
	const context = { named, pathParameters: pathParametersOf(resource.endpoints, named), schemas: sharedSchemas(resource.endpoints, named) };
	/** @type {Record<string, string>} */
	const local = {};
	// Each operation's file and export are named by its value (method and path, as the spec's id
	// has it), which no other endpoint has and no renaming changes.
	const operations = resource.endpoints.map((endpoint) => ({ exportName: endpoint.id, ...operationOf(endpoint, context) }));
	for (const { name } of context.pathParameters.constants) local[name] = './pathParameters';
	for (const { name, kind } of context.schemas.declarations) local[name] = `./${PART_FILE[kind]}`;
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
	for (const file of ['schemas', 'queries']) {
		const declarations = context.schemas.declarations.filter(({ kind }) => PART_FILE[kind] === file);
		if (!declarations.length) continue;
		const typeNames = [...new Set(declarations.map(({ kind }) => PART_TYPES[kind].slice(2).replace('[]', '')).filter(Boolean))];
		const constants = declarations.map(({ name, kind, schema, part }) => {
			const of = file === 'schemas' ? (schema ? ` of the Afosto API reference's ${schema}` : '') : ' that several operations of the resource have';
			return `/** ${PART_ABOUT[kind]}${of}. */\nexport const ${name}${PART_TYPES[kind]} = ${print(part)};`;
		});
		files[`${folder}/${file}.ts`] = `${HEADER}${importLines(typeNames)}\n\n${constants.join('\n\n')}\n`;
	}
	const operationImports = operations.map(({ exportName }) => `import { ${exportName} } from './${exportName}';`).join('\n');
	files[`${folder}/index.ts`] =
		`${HEADER}${importLines(['afostoResource'])}\n\n${operationImports}\n\n` +
		`/** ${resource.label}: the operations in the Afosto API reference's order. */\n` +
		`export const ${resource.value}Resource = ${print(call('afostoResource', resource.value, operations.map(({ exportName }) => ref(exportName))))};\n`;
	return files;
}

module.exports = { resourceFiles };

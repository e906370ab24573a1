#!/usr/bin/env node
// Prints, per Afosto node, every operation's name, action and description and every field shown
// without a description, then the findings of the naming checks
// (packages/n8n-nodes-afosto/generator/namingChecks.js). Exits 1 when an operation has an
// article after its verb, an HTTP path, a typo of the Afosto API reference, or no description.
//
// It reads the compiled nodes in .build/ (`npx tsc -p tsconfig.runtime.json`), and refuses to
// report on a build older than the node sources.
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const { lacksDescription, operationProblems } = require('../packages/n8n-nodes-afosto/generator/namingChecks');

const ROOT = join(__dirname, '..');
const SOURCE = join(ROOT, 'packages', 'n8n-nodes-afosto', 'nodes', 'Afosto');
const BUILT = join(ROOT, '.build', 'packages', 'n8n-nodes-afosto', 'nodes', 'Afosto');

const nodeFiles = readdirSync(SOURCE).filter((file) => /^Afosto(?!Trigger).*\.node\.ts$/.test(file));
for (const file of nodeFiles) {
	const built = join(BUILT, file.replace(/\.ts$/, '.js'));
	if (!existsSync(built) || statSync(built).mtimeMs < statSync(join(SOURCE, file)).mtimeMs) {
		process.stderr.write(`${built} is missing or older than its source: run \`npx tsc -p tsconfig.runtime.json\` first.\n`);
		process.exit(2);
	}
}

const shownFor = (resource, operation) => (property) =>
	property.displayOptions?.show?.resource?.includes(resource) && property.displayOptions?.show?.operation?.includes(operation);

const totals = { nodes: 0, operations: 0, operationsWithProblems: 0, problems: 0, fieldsWithoutDescription: 0 };
for (const file of nodeFiles) {
	const module = require(join(BUILT, file.replace(/\.ts$/, '.js')));
	const NodeClass = Object.values(module).find((value) => typeof value === 'function');
	const { description } = new NodeClass();
	totals.nodes++;
	process.stdout.write(`\n# ${description.displayName}\n`);
	for (const operationField of description.properties.filter((property) => property.name === 'operation')) {
		const resource = operationField.displayOptions.show.resource[0];
		const label = description.properties.find((property) => property.name === 'resource').options.find((option) => option.value === resource).name;
		process.stdout.write(`\n## ${label}\n`);
		for (const option of operationField.options) {
			totals.operations++;
			process.stdout.write(`- ${option.name} | ${option.action} | ${option.description ?? '(no description)'}\n`);
			const problems = operationProblems(option);
			if (problems.length) totals.operationsWithProblems++;
			totals.problems += problems.length;
			for (const problem of problems) process.stdout.write(`    PROBLEM: ${problem}\n`);
			const shown = description.properties.filter(shownFor(resource, String(option.value)));
			const fields = shown.flatMap((field) => [field, ...(field.type === 'collection' ? field.options ?? [] : [])]);
			for (const field of fields.filter(lacksDescription)) {
				totals.fieldsWithoutDescription++;
				process.stdout.write(`    field without a description: ${field.displayName} (${field.name})\n`);
			}
		}
	}
}
process.stdout.write(
	`\n${totals.nodes} nodes, ${totals.operations} operations; ${totals.operationsWithProblems} operations with ${totals.problems} naming problems; ` +
		`${totals.fieldsWithoutDescription} shown fields without a description\n`,
);
process.exit(totals.problems ? 1 : 0);

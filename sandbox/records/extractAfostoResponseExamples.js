'use strict';

// Extracts each endpoint's documented success response example from the Afosto API reference (the
// rendered text given as the only argument) into afostoResponseExamples.json, keyed by the
// endpoint ids of spec/afosto.json. The committed spec does not carry response examples; the
// sandbox builds its answers from these. Run by hand when the reference changes, never at build or
// test time: `node sandbox/records/extractAfostoResponseExamples.js <path to the reference>`.

const fs = require('node:fs');
const path = require('node:path');

const SPEC_PATH = path.resolve(__dirname, '../../packages/n8n-nodes-afosto/spec/afosto.json');
const OUTPUT_PATH = path.resolve(__dirname, 'afostoResponseExamples.json');
const METHOD_LINE = /^(GET|POST|PUT|DELETE) (\/\S*)$/;
const SUCCESS_EXAMPLE_LINE = /^Response Example \((2\d\d) [^)]*\)$/;

/** The JSON value printed from `start` on: one line, or lines up to the unindented closing bracket. */
function jsonAt(lines, start) {
	const first = lines[start];
	let end = start;
	if (first === '{' || first === '[') {
		const closing = first === '{' ? '}' : ']';
		while (end < lines.length && lines[end] !== closing) end++;
	}
	return JSON.parse(lines.slice(start, end + 1).join('\n'));
}

/** `METHOD /path` to the success examples printed between its line and the next endpoint's. */
function successExamplesByOperation(text) {
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	const definitionsStart = lines.indexOf('Schema Definitions');
	const operationLines = [];
	for (let index = 0; index < definitionsStart; index++) if (METHOD_LINE.test(lines[index])) operationLines.push(index);
	const examples = new Map();
	operationLines.forEach((start, position) => {
		const operation = lines[start];
		// The "Meilisearch" group prints some operations a second time; the first print is kept.
		if (examples.has(operation)) return;
		const end = operationLines[position + 1] ?? definitionsStart;
		const byStatus = new Map();
		for (let index = start; index < end; index++) {
			const label = SUCCESS_EXAMPLE_LINE.exec(lines[index]);
			if (label) byStatus.set(Number(label[1]), jsonAt(lines, index + 1));
		}
		examples.set(operation, byStatus);
	});
	return examples;
}

function main() {
	const referencePath = process.argv[2];
	if (!referencePath) throw new Error('usage: node extractAfostoResponseExamples.js <path to the Afosto API reference text>');
	const examples = successExamplesByOperation(fs.readFileSync(path.resolve(referencePath), 'utf8'));
	const spec = JSON.parse(fs.readFileSync(SPEC_PATH, 'utf8'));
	const entries = [];
	for (const endpoint of spec.endpoints) {
		if (endpoint.duplicateOf) continue;
		const byStatus = examples.get(`${endpoint.method} ${endpoint.path}`);
		if (!byStatus || byStatus.size === 0) continue;
		const example = byStatus.get(endpoint.response.status) ?? [...byStatus.values()][0];
		entries.push(`${JSON.stringify(endpoint.id)}: ${JSON.stringify(example)}`);
	}
	// One endpoint a line, so a change to the reference reads as a small diff.
	fs.writeFileSync(OUTPUT_PATH, `{\n${entries.join(',\n')}\n}\n`);
	process.stdout.write(`wrote ${path.relative(process.cwd(), OUTPUT_PATH)}: ${entries.length} response examples\n`);
}

main();

#!/usr/bin/env node
// Compares two wire logs (folders written by the tests with WIRE_LOG=<folder>, see
// test/harness/wireLog.ts): every request of every test, byte for byte. Requests within one test
// are compared as a set with their counts, since batches may go out in any order.
// Usage: node scripts/compareWireLogs.js <before folder> <after folder>
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

// Two runs of the same code differ only in what is drawn per run: n8n-core signs resume URLs with
// a secret made per test run (a new user folder each time), and a multipart body's boundary is
// drawn anew for every request.
const boundaryOf = (line) => /boundary=([^"\\;]+)/.exec(line)?.[1];
const withoutRunSecrets = (line) => {
	const boundary = boundaryOf(line);
	const unsigned = line.replace(/signature=[0-9a-f]+/g, 'signature=SIGNED');
	return boundary ? unsigned.split(boundary).join('BOUNDARY') : unsigned;
};

function requestsByTest(folder) {
	const byTest = new Map();
	for (const file of readdirSync(folder).sort()) {
		for (const line of readFileSync(join(folder, file), 'utf8').split('\n').filter(Boolean).map(withoutRunSecrets)) {
			const test = `${file} › ${JSON.parse(line)[0]}`;
			byTest.set(test, [...(byTest.get(test) ?? []), line]);
		}
	}
	for (const lines of byTest.values()) lines.sort();
	return byTest;
}

const [beforeFolder, afterFolder] = process.argv.slice(2);
if (!beforeFolder || !afterFolder) {
	console.error('usage: node scripts/compareWireLogs.js <before folder> <after folder>');
	process.exit(2);
}
const before = requestsByTest(beforeFolder);
const after = requestsByTest(afterFolder);
const differing = [];
for (const test of new Set([...before.keys(), ...after.keys()])) {
	const was = (before.get(test) ?? []).join('\n');
	const is = (after.get(test) ?? []).join('\n');
	if (was !== is) differing.push(test);
}
const requests = (byTest) => [...byTest.values()].reduce((sum, lines) => sum + lines.length, 0);
console.log(`before: ${before.size} tests, ${requests(before)} requests; after: ${after.size} tests, ${requests(after)} requests`);
for (const test of differing.slice(0, 20)) {
	const was = before.get(test) ?? [];
	const is = after.get(test) ?? [];
	const shown = (lines, others) => lines.filter((line) => !others.includes(line)).slice(0, 3).map((line) => line.slice(0, 300)).join('\n               ');
	console.log(`\n${test}\n  only before: ${shown(was, is)}\n  only after:  ${shown(is, was)}`);
}
console.log(differing.length ? `\n${differing.length} tests sent different requests` : 'every request is byte for byte the same');
process.exit(differing.length ? 1 : 0);

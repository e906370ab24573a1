#!/usr/bin/env node
// n8n's verification scan (`@n8n/scan-community-package`'s analyzePackage, the version n8n runs)
// on one leg of a package, exactly as n8n runs it:
//   node scripts/packages/scan.mjs source <package source root>    (package.json, nodes/, credentials/)
//   node scripts/packages/scan.mjs tarball <extracted tarball folder> (its .js files and package.json)
// Prints the findings and exits non-zero when the leg does not pass.
import { resolve } from 'node:path';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const LEGS = { source: SOURCE_FILE_PATTERNS, tarball: ['**/*.js', 'package.json'] };
const [leg, folder] = process.argv.slice(2);
if (!LEGS[leg] || !folder) {
	process.stderr.write('usage: node scripts/packages/scan.mjs source|tarball <folder>\n');
	process.exit(2);
}
const result = await analyzePackage(resolve(folder), LEGS[leg]);
process.stdout.write(`${JSON.stringify({ leg, folder, passed: result.passed, message: result.message ?? null })}\n`);
if (result.details) process.stdout.write(`${result.details}\n`);
process.exit(result.passed ? 0 : 1);

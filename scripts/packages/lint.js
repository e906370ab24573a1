#!/usr/bin/env node
// `npm run lint`: n8n's own lint (`n8n-node lint`, strict mode, the default eslint.config.mjs) on
// what each package ships as source. Exits non-zero on the first package with a finding.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const { ROOT, partnerPackages } = require('./partnerPackages');
const { stagePackageSource } = require('./stagePackageSource');

let failed = false;
for (const partnerPackage of partnerPackages()) {
	const folder = stagePackageSource(partnerPackage, 'lint');
	process.stderr.write(`[lint] ${partnerPackage.name}\n`);
	const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs'), 'lint'], { cwd: folder, stdio: 'inherit' });
	if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);

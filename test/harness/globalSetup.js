// One temporary folder for the whole Jest run; each test file's n8n user folder goes inside it.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = () => {
	process.env.TELCO_TEST_RUN_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-telco-tests-'));
};

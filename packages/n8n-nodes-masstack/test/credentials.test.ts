import { OAUTH_ISSUED_TOKEN } from '../../../sandbox/contracts/oauthTokenRoute';
import { credentialTestNode } from '../../../test/harness/credentialTestNode';
import { MASSTACK_TOKEN, useMasStackServer } from '../../../test/harness/masStackSetup';
import { runNode } from '../../../scripts/n8nCore/runNode';

const { server, tokenCredentials } = useMasStackServer();

const oauthCredentials = () => ({
	masStackOAuth2Api: {
		baseUrl: server.url,
		grantType: 'clientCredentials',
		accessTokenUrl: `${server.url}/oauth/token`,
		clientId: 'masstack-client',
		clientSecret: 'masstack-secret-value',
		scope: '',
		authentication: 'header',
	},
});

const getBarrings = { resource: 'barring', operation: 'get', serviceType: 'mobile', serviceId: '612123456' };

describe('MasStack credentials', () => {
	it('Access Token signs every request with the bearer token', async () => {
		const result = await runNode({ type: 'masStack', parameters: getBarrings, credentials: tokenCredentials() });

		expect(result.error).toBeUndefined();
		expect(server.requestsTo('getBarrings')[0].headers.authorization).toBe(`Bearer ${MASSTACK_TOKEN}`);
	});

	it('OAuth2 fetches a client-credentials token, signs requests with it, and never shows the secret', async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: { authentication: 'oAuth2', ...getBarrings },
			credentials: oauthCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		expect(server.requestsTo('oauthToken')[0].headers.authorization).toBe(
			`Basic ${Buffer.from('masstack-client:masstack-secret-value').toString('base64')}`,
		);
		expect(server.requestsTo('getBarrings')[0].headers.authorization).toBe(`Bearer ${OAUTH_ISSUED_TOKEN}`);
		expect(JSON.stringify(result.run)).not.toContain('masstack-secret-value');
	});

	it.each(['masStackApi', 'masStackOAuth2Api'])(
		"%s's credential test reads the document's example line's barrings and passes with a good credential",
		async (credentialName) => {
			const credentials = credentialName === 'masStackApi' ? tokenCredentials() : oauthCredentials();
			const result = await runNode({ type: credentialTestNode(credentialName), parameters: {}, credentials });

			expect(result.error).toBeUndefined();
			server.assertNoViolations();
			expect(server.requestsTo('getBarrings').map((request) => request.path)).toEqual(['/v2/mobile/612123456/barrings']);
		},
	);

	it('the credential test passes when the line is not one of the partner\'s (404): the token was accepted', async () => {
		server.scriptNext('getBarrings', () => ({ status: 404, body: { code: 'NOT_FOUND', title: 'Msisdn not found: 612123456' } }));

		const result = await runNode({ type: credentialTestNode('masStackApi'), parameters: {}, credentials: tokenCredentials() });

		expect(result.error).toBeUndefined();
	});

	it('the credential test fails with a revoked token (401)', async () => {
		const result = await runNode({
			type: credentialTestNode('masStackApi'),
			parameters: {},
			credentials: { masStackApi: { baseUrl: server.url, accessToken: 'revoked' } },
		});

		expect(result.error?.httpCode).toBe('401');
	});

	it('the credential test fails when MasStack forbids the partner (403)', async () => {
		server.scriptNext('getBarrings', () => ({ status: 403, body: { code: 'FORBIDDEN_RESOURCE', title: 'Request forbidden by administrative rules' } }));

		const result = await runNode({ type: credentialTestNode('masStackApi'), parameters: {}, credentials: tokenCredentials() });

		expect(result.error?.httpCode).toBe('403');
	});
});

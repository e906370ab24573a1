import { BOLTTECH_OAUTH_TOKEN, BOLTTECH_TOKEN, useBolttechServer } from '../../../test/harness/bolttechSetup';
import { credentialTestNode } from '../../../test/harness/credentialTestNode';
import { runNode } from '../../../scripts/n8nCore/runNode';

const { server, tokenCredentials } = useBolttechServer();

const oauthCredentials = () => ({
	bolttechOAuth2Api: {
		baseUrl: `${server.url}/`,
		grantType: 'clientCredentials',
		accessTokenUrl: `${server.url}/oauth/token`,
		clientId: 'partner-client',
		clientSecret: 'partner-secret-value',
		scope: 'catalog',
		authentication: 'header',
	},
});

const verifyOneImei = { resource: 'device', operation: 'verifyImei', imei: '861248007147070' };

describe('bolttech credentials', () => {
	it('Access Token signs every request with the bearer token', async () => {
		const result = await runNode({ type: 'bolttech', parameters: verifyOneImei, credentials: tokenCredentials() });

		expect(result.error).toBeUndefined();
		expect(server.requestsTo('verifyImei')[0].headers.authorization).toBe(`Bearer ${BOLTTECH_TOKEN}`);
	});

	it('OAuth2 fetches a client-credentials token, then signs requests with it and keeps it', async () => {
		const result = await runNode({
			type: 'bolttech',
			parameters: { authentication: 'oAuth2', ...verifyOneImei },
			credentials: oauthCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const [tokenRequest] = server.requestsTo('oauthToken');
		expect(tokenRequest.body).toEqual({ grant_type: 'client_credentials', scope: 'catalog' });
		expect(tokenRequest.headers.authorization).toBe(
			`Basic ${Buffer.from('partner-client:partner-secret-value').toString('base64')}`,
		);
		expect(server.requestsTo('verifyImei')[0].headers.authorization).toBe(`Bearer ${BOLTTECH_OAUTH_TOKEN}`);
		expect(result.credentialsHelper.savedTokenData.bolttechOAuth2Api).toMatchObject({
			access_token: BOLTTECH_OAUTH_TOKEN,
		});
		expect(JSON.stringify(result.run)).not.toContain('partner-secret-value');
	});

	it('OAuth2 sends the whole price list in batches with the fetched token', async () => {
		const result = await runNode({
			type: 'bolttech',
			parameters: { authentication: 'oAuth2', resource: 'catalog', operation: 'updatePrices', productCode: 'P1', batchSize: 2 },
			credentials: oauthCredentials(),
			items: [1, 2, 3].map((index) => ({ partner_device_id: `SKU-${index}`, price_net: index * 100 })),
		});

		expect(result.error).toBeUndefined();
		expect(server.requestsTo('oauthToken')).toHaveLength(1);
		expect(server.requestsTo('catalogAction').map((request) => request.headers.authorization)).toEqual([
			`Bearer ${BOLTTECH_OAUTH_TOKEN}`,
			`Bearer ${BOLTTECH_OAUTH_TOKEN}`,
		]);
	});

	it.each(['bolttechApi', 'bolttechOAuth2Api'])(
		"%s's credential test makes a side-effect-free IMEI check that passes with a good credential",
		async (credentialName) => {
			const credentials = credentialName === 'bolttechApi' ? tokenCredentials() : oauthCredentials();
			const result = await runNode({ type: credentialTestNode(credentialName), parameters: {}, credentials });

			expect(result.error).toBeUndefined();
			server.assertNoViolations();
			expect(server.requestsTo('verifyImei')[0].body).toEqual({
				imei: '861248007147070',
				verificationLevel: 'basic',
				checkBlacklist: false,
				checkStolen: false,
				checkAuthenticity: false,
			});
		},
	);

	it('the Access Token credential test fails with a revoked token', async () => {
		const result = await runNode({
			type: credentialTestNode('bolttechApi'),
			parameters: {},
			credentials: { bolttechApi: { baseUrl: server.url, accessToken: 'revoked' } },
		});

		expect(result.error?.httpCode).toBe('401');
	});
});

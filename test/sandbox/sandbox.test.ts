import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { AFOSTO_ENDPOINTS } from '../../sandbox/contracts/afosto';
import { SANDBOX_PARTNERS, SANDBOX_TOKENS } from '../../sandbox/partners';
import { afostoResponseExample } from '../../sandbox/records/afostoRecords';
import { SandboxServer } from '../../sandbox/sandboxServer';
import { runNode } from '../../scripts/n8nCore/runNode';

const sandbox = new SandboxServer(SANDBOX_PARTNERS, 20, join(__dirname, '../../sandbox/files'));
const callbacks: Array<{ path: string; body: unknown }> = [];
const receiver = createServer((request, response) => {
	const chunks: Buffer[] = [];
	request.on('data', (chunk: Buffer) => chunks.push(chunk));
	request.on('end', () => {
		callbacks.push({ path: request.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString()) });
		response.writeHead(200).end();
	});
});
let receiverUrl = '';

beforeAll(async () => {
	await sandbox.start(0);
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await sandbox.stop();
	receiver.closeAllConnections();
	await new Promise((resolve) => receiver.close(resolve));
});

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('timed out waiting');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

describe('the sandbox', () => {
	const bolttech = () => ({ bolttechApi: { baseUrl: `${sandbox.url}/bolttech`, accessToken: SANDBOX_TOKENS.bolttech } });

	it('serves bolttech under /bolttech to the real node', async () => {
		const result = await runNode({
			type: 'bolttech',
			parameters: { resource: 'device', operation: 'verifyImei', imei: '861248007147070' },
			credentials: bolttech(),
		});

		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ imei: '861248007147070', verificationStatus: 'verified' });
		expect(sandbox.partners.get('bolttech')!.violations).toEqual([]);
	});

	it('calls back a moment after a catalog action, like bolttech, with the action and its result', async () => {
		const result = await runNode({
			type: 'bolttech',
			parameters: {
				resource: 'catalog',
				operation: 'getStock',
				productCode: 'RENTAL-ES-01',
				callbackUrl: `${receiverUrl}/webhook/bolttech`,
			},
			credentials: bolttech(),
		});

		expect(result.error).toBeUndefined();
		await until(() => callbacks.length === 1);
		expect(callbacks[0]).toMatchObject({
			path: '/webhook/bolttech',
			body: { action_id: 'get_stock', product_code: 'RENTAL-ES-01', status: 'completed', result: { stock: [{ volume: 500 }] } },
		});
	});

	it.each([
		['612123456', 'success', { code: 'OK', title: 'Barring update applied', service_id: '612123456' }],
		['612340000', 'error', { code: 'OPERATION_FAILED', title: 'Barring update could not be applied', service_id: '612340000' }],
	])('serves MasStack under /masstack and calls back line %s on its %s URL', async (serviceId, outcome, body) => {
		callbacks.splice(0);
		const result = await runNode({
			type: 'masStack',
			parameters: {
				resource: 'barring',
				operation: 'update',
				serviceType: 'mobile',
				serviceId,
				barringName: 'OUTGOING_SMS',
				active: false,
				callbackSuccessUrl: `${receiverUrl}/masstack/barring/success`,
				callbackErrorUrl: `${receiverUrl}/masstack/barring/error`,
			},
			credentials: { masStackApi: { baseUrl: `${sandbox.url}/masstack`, accessToken: SANDBOX_TOKENS.masStack } },
		});

		expect(result.error).toBeUndefined();
		expect(sandbox.partners.get('masstack')!.violations).toEqual([]);
		await until(() => callbacks.length === 1);
		expect(callbacks[0]).toEqual({ path: `/masstack/barring/${outcome}`, body });
	});

	it('never calls back anywhere but this machine', async () => {
		await runNode({
			type: 'bolttech',
			parameters: {
				resource: 'catalog',
				operation: 'removeDevice',
				productCode: 'P',
				partnerDeviceId: 'D1',
				callbackUrl: 'https://partner.example.com/hook',
			},
			credentials: bolttech(),
		});

		const deliveries = sandbox.partners.get('bolttech')!.deliveries;
		expect(deliveries.at(-1)).toEqual({
			url: 'https://partner.example.com/hook',
			body: expect.objectContaining({ action_id: 'remove_device' }),
			error: 'callbacks go only to this machine',
		});
	});

	it('refuses a token it did not issue with the partner 401', async () => {
		const response = await fetch(`${sandbox.url}/bolttech/v4/verify/imei`, {
			method: 'POST',
			headers: { authorization: 'Bearer guessed', 'content-type': 'application/json' },
			body: JSON.stringify({ imei: '861248007147070' }),
		});

		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ code: 'UNAUTHORIZED', message: 'The access token is invalid or expired' });
	});

	it('serves the sample price list for the price sync workflow, and nothing outside its folder', async () => {
		const csv = await fetch(`${sandbox.url}/files/prices.csv`);
		expect(csv.headers.get('content-type')).toBe('text/csv');
		expect((await csv.text()).split('\n')[0]).toBe('ean,partner_device_id,price_net');

		expect((await fetch(`${sandbox.url}/files/..%2Fpartners.ts`)).status).toBe(404);
		expect((await fetch(`${sandbox.url}/files/missing.csv`)).status).toBe(404);
	});

	const afosto = () => ({ afostoApi: { baseUrl: `${sandbox.url}/afosto`, accessToken: SANDBOX_TOKENS.afosto } });
	const masStack = () => ({ masStackApi: { baseUrl: `${sandbox.url}/masstack`, accessToken: SANDBOX_TOKENS.masStack } });
	const STATEFUL_ROUTES = ['getMesTasksById', 'postCntFilesSignature', 'postCntFilesUploadBySignature', 'getMesWebhooksEvents', 'postMesWebhooksSubscriptions', 'getMesWebhooksSubscriptions', 'getMesWebhooksSubscriptionsById', 'deleteMesWebhooksSubscriptionsById', 'postIamOauthAuthorize'];
	const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
	const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

	it('List Orders in the sandbox answers orders with the documented fields, varied per record', async () => {
		const result = await runNode({ type: 'afostoOrders', parameters: { resource: 'orders', operation: 'getOdrOrders', returnAll: true, simplify: false }, credentials: afosto() });

		expect(result.error).toBeUndefined();
		expect(sandbox.partners.get('afosto')!.violations).toEqual([]);
		const orders = result.json as Array<Record<string, any>>;
		expect(orders).toHaveLength(7);
		// The Afosto API reference's List orders response example, field by field.
		for (const order of orders) {
			expect(Object.keys(order)).toEqual(['id', 'number', 'state', 'settings', 'processing', 'acceptances', 'calculations', 'client_id', 'channel_id', 'tags', 'stack_id']);
			expect(Object.keys(order.state)).toEqual(['is_locked', 'is_accepted', 'is_confirmed', 'is_finished', 'is_canceled', 'type', 'flow', 'progress']);
			expect(order.state.flow[0].actions[0]).toEqual({
				code: expect.any(String),
				order: expect.any(Number),
				label: expect.any(String),
				is_handled: expect.any(Boolean),
				handled_at: expect.stringMatching(dateTime),
			});
			expect(order.settings.contact).toEqual({ id: expect.stringMatching(uuid), version: expect.stringMatching(uuid) });
			expect(order.settings.shipping.window).toEqual({ from: expect.any(Number), to: expect.any(Number), delivery_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), code: expect.any(String) });
			expect(order.calculations[0]).toMatchObject({ id: expect.stringMatching(uuid), currency: 'EUR', amount: expect.any(Number), is_valid: expect.any(Boolean) });
			expect(order.id).toMatch(uuid);
		}
		for (const field of ['id', 'number'] as const) expect(new Set(orders.map((order) => order[field])).size).toBe(7);
		expect(new Set(orders.map((order) => order.calculations[0].amount)).size).toBe(7);
		expect(new Set(orders.map((order) => order.settings.contact.id)).size).toBe(7);
	});

	it('answers the same orders on every run, and reads a listed order back by its id', async () => {
		const list = () => runNode({ type: 'afostoOrders', parameters: { resource: 'orders', operation: 'getOdrOrders', limit: 3, simplify: false }, credentials: afosto() });
		const [first, again] = [await list(), await list()];
		expect(again.json).toEqual(first.json);

		const listed = first.json[2] as { id: string };
		const read = await runNode({ type: 'afostoOrders', parameters: { resource: 'orders', operation: 'getOdrOrdersById', id: listed.id, simplify: false }, credentials: afosto() });
		expect(read.error).toBeUndefined();
		// View a single order documents one field more than List orders: `type`.
		expect(read.json[0]).toEqual({ ...listed, type: expect.any(String) });
	});

	it('a created contact can be read back', async () => {
		const created = await runNode({
			type: 'afostoContacts',
			parameters: { resource: 'contacts', operation: 'putRelContacts', bodyFields: { email: 'ada@example.org', givenName: 'Ada', familyName: 'Lovelace' } },
			credentials: afosto(),
		});
		expect(created.error).toBeUndefined();
		const contact = created.json[0] as { id: string; email: string };
		expect(contact).toMatchObject({ id: expect.stringMatching(uuid), email: 'ada@example.org', given_name: 'Ada', family_name: 'Lovelace', is_guest: expect.any(Boolean) });

		const read = await runNode({ type: 'afostoContacts', parameters: { resource: 'contacts', operation: 'getRelContactsById', id: contact.id }, credentials: afosto() });
		expect(read.error).toBeUndefined();
		expect(read.json[0]).toMatchObject({ id: contact.id, email: 'ada@example.org', given_name: 'Ada', family_name: 'Lovelace' });

		const upserted = await runNode({
			type: 'afostoContacts',
			parameters: { resource: 'contacts', operation: 'putRelContacts', bodyFields: { email: 'ada@example.org', familyName: 'King' } },
			credentials: afosto(),
		});
		expect(upserted.json[0]).toMatchObject({ id: contact.id, given_name: 'Ada', family_name: 'King' });

		await runNode({ type: 'afostoContacts', parameters: { resource: 'contacts', operation: 'deleteRelContactsById', id: contact.id }, credentials: afosto() });
		const gone = await runNode({ type: 'afostoContacts', parameters: { resource: 'contacts', operation: 'getRelContactsById', id: contact.id }, credentials: afosto() });
		expect(gone.error?.message).toMatch(/404|not found/i);
	});

	it('a created order can be read back with what was sent', async () => {
		const created = await runNode({
			type: 'afostoOrders',
			parameters: { resource: 'orders', operation: 'postOdrOrders', bodyMode: 'json', bodyJson: '{"tags": ["sandbox"], "type": "web"}' },
			credentials: afosto(),
		});
		expect(created.error).toBeUndefined();
		const order = created.json[0] as { id: string; tags: string[] };
		expect(order.tags).toEqual(['sandbox']);

		const read = await runNode({ type: 'afostoOrders', parameters: { resource: 'orders', operation: 'getOdrOrdersById', id: order.id, simplify: false }, credentials: afosto() });
		expect(read.json).toEqual([order]);
	});

	it('answers every Afosto operation whose reference prints a response example with that example\'s fields', async () => {
		const mismatches: string[] = [];
		const shapeOf = (value: unknown) => {
			const record = Array.isArray(value) ? value[0] : value;
			return [Array.isArray(value) ? 'list' : 'object', typeof record === 'object' && record !== null ? Object.keys(record) : typeof record];
		};
		const answered = AFOSTO_ENDPOINTS.filter((endpoint) => {
			const example = afostoResponseExample(endpoint.id);
			if (typeof example !== 'object' || example === null || endpoint.response.kind === 'binary' || endpoint.response.headers.includes('x-task-id')) return false;
			// Searches paged in the body, and the routes whose answers follow what was asked before, have tests of their own.
			return !endpoint.response.paging?.match(/body-cursor|offset/) && !STATEFUL_ROUTES.includes(endpoint.id);
		});
		expect(answered.length).toBeGreaterThan(400);
		const answerOf = async (endpoint: (typeof answered)[number]) => {
			const path = endpoint.path.replace(/\{[^}]+\}/g, `value-${endpoint.id}`);
			const answer = await fetch(`${sandbox.url}/afosto${path}`, { method: endpoint.method, headers: { authorization: `Bearer ${SANDBOX_TOKENS.afosto}` } });
			const actual = JSON.stringify(shapeOf(await answer.json()));
			if (answer.status !== 200 || actual !== JSON.stringify(shapeOf(afostoResponseExample(endpoint.id)))) mismatches.push(`${endpoint.id}: ${answer.status} ${actual}`);
		};
		for (let start = 0; start < answered.length; start += 25) await Promise.all(answered.slice(start, start + 25).map(answerOf));
		expect(mismatches).toEqual([]);
		expect(sandbox.partners.get('afosto')!.violations).toEqual([]);
	}, 60_000);

	it('MasStack Get Barrings answers the documented example', async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: { resource: 'barring', operation: 'get', serviceType: 'mobile', serviceId: '612123456' },
			credentials: masStack(),
		});

		expect(result.error).toBeUndefined();
		// The MasStack partner API v2's Get service barring detail example.
		expect(result.json).toEqual([{ subscriptionId: 234234234, appliedBarringsMaskCodes: ['DEBT_MOBILE_LP'], requestCorrelationId: expect.stringMatching(uuid) }]);
	});

	it('bolttech Get Stock answers the documented example, one item per device of its stock', async () => {
		const result = await runNode({ type: 'bolttech', parameters: { resource: 'catalog', operation: 'getStock', productCode: 'RENTAL-ES-01' }, credentials: bolttech() });

		expect(result.error).toBeUndefined();
		// The bolttech Catalog API (v4.1) and Verify IMEI (v4)'s Get Stock Availability response's stock list.
		expect(result.json).toEqual([
			{
				partner_device_id: 'DEV123456',
				volume: 500,
				storage_systems: [{ system_code: 'WH-MAIN', volume: 300, volumes: [{ storage: 'SHELF-A1', volume: 150 }] }],
			},
		]);
	});

	it('bolttech Verify IMEI answers the documented example for the IMEI asked about', async () => {
		const result = await runNode({ type: 'bolttech', parameters: { resource: 'device', operation: 'verifyImei', imei: '356938035643809' }, credentials: bolttech() });

		expect(result.json).toEqual([
			{
				imei: '356938035643809',
				verificationStatus: 'verified',
				deviceValid: true,
				blacklistStatus: 'clean',
				stolenStatus: 'not_reported',
				authenticityCheck: 'passed',
				deviceInfo: { make: 'Apple', model: 'iPhone 15 Pro', storage: '256GB', color: 'Natural Titanium', manufactureDate: '2023-12-10', warrantyStatus: 'active' },
				verificationTimestamp: '2024-03-01T13:45:30Z',
				confidence: 'high',
			},
		]);
	});

	it('MasStack Create Movement answers the documented created shape, a new movement id each time', async () => {
		const answers: Array<{ movement_id: string }> = [];
		for (let attempt = 0; attempt < 2; attempt++) {
			const response = await fetch(`${sandbox.url}/masstack/v2/mobile/612123456/billing/movements`, {
				method: 'POST',
				headers: { authorization: `Bearer ${SANDBOX_TOKENS.masStack}`, 'content-type': 'application/json' },
				body: JSON.stringify({
					type: 'ONE_TIME_FEE',
					movement_datetime: '2026-11-02T10:00:00Z',
					amount: { value_with_taxes: 12.1, value_without_taxes: 10, tax: { type: 'IVA', percentage: 21 } },
					external_movement_unique_id: `movement-${attempt}`,
					billable: true,
				}),
			});
			expect(response.status).toBe(201);
			answers.push((await response.json()) as { movement_id: string });
		}
		// The MasStack partner API v2's Create movement example: code, title and movement_id.
		for (const answer of answers) expect(answer).toEqual({ code: 'CREATED', title: 'Movement created correctly', movement_id: expect.stringMatching(uuid) });
		expect(answers[0].movement_id).not.toBe(answers[1].movement_id);
	});
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { SANDBOX_PARTNERS, SANDBOX_TOKENS } from '../../sandbox/partners';
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
});

import { createHmac } from 'node:crypto';

import { AFOSTO_WEBHOOK_EVENTS, afostoSubscriptions } from '../../../sandbox/contracts/afosto';
import { AFOSTO_TOKEN, useAfostoServer } from '../../../test/harness/afostoSetup';
import { fuzzedCallbackBodies } from '../../../test/harness/fuzzBodies';
import { TriggerServer } from '../../../test/harness/triggerServer';
import { MAX_DELIVERY_AGE_MS, SEEN_DELIVERIES_KEPT } from '../nodes/Afosto/AfostoTrigger.node';

const { server } = useAfostoServer();

const orderCreated = { event: 'order.created', entity_id: 'order-1001', payload: '{"number": "1001"}' };

function sign(body: string, secret: string, algorithm = 'sha256', encoding: 'hex' | 'base64' = 'hex') {
	return createHmac(algorithm, secret).update(body).digest(encoding);
}

describe('Afosto Trigger', () => {
	let trigger: TriggerServer;
	beforeAll(async () => {
		trigger = new TriggerServer({
			type: 'afostoTrigger',
			parameters: { events: ['order.created', 'order.updated'], deliveryRate: 10 },
			credentials: { afostoApi: { baseUrl: server.url, accessToken: AFOSTO_TOKEN } },
		});
		await trigger.start();
	});
	afterAll(() => trigger.stop());
	beforeEach(() => (trigger.runs.length = 0));

	const secret = () => String((trigger.staticData['node:Node Under Test'] as { secret?: string } | undefined)?.secret ?? '');
	const deliver = async (body: string, headers: Record<string, string>, contentType = 'application/json') => {
		const response = await fetch(trigger.webhookUrl, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
		return response.status;
	};

	it('lists the events Afosto offers for the Events dropdown', async () => {
		const options = await trigger.loadOptions('getWebhookEvents', 'events');

		expect(options).toEqual(AFOSTO_WEBHOOK_EVENTS.map(({ event, description }) => ({ name: event, value: event, description })));
	});

	it('subscribes its URL at Afosto on activation, finds the subscription again, and deletes it on deactivation', async () => {
		expect(await trigger.isRegistered()).toBe(false);

		await trigger.activate();
		server.assertNoViolations();
		const [created] = server.requestsTo('postMesWebhooksSubscriptions');
		expect(created.body).toEqual({ events: ['order.created', 'order.updated'], endpoint: trigger.webhookUrl, delivery_rate: 10 });
		const subscription = [...afostoSubscriptions.values()].at(-1)!;
		expect(trigger.staticData['node:Node Under Test']).toEqual({ subscriptionId: subscription.id, secret: subscription.secret, seenDeliveries: [] });
		expect(await trigger.isRegistered()).toBe(true);

		await trigger.deactivate();
		expect(server.requestsTo('deleteMesWebhooksSubscriptionsById')[0].path).toBe(`/mes/webhooks/subscriptions/${subscription.id}`);
		expect(afostoSubscriptions.has(String(subscription.id))).toBe(false);
		expect(await trigger.isRegistered()).toBe(false);
	});

	it('subscribes again when the subscription was deleted at Afosto', async () => {
		await trigger.activate();
		afostoSubscriptions.clear();

		expect(await trigger.isRegistered()).toBe(false);
		await trigger.activate();
		expect(afostoSubscriptions.size).toBe(1);
	});

	it("fails the activation with Afosto's own code and message when Afosto refuses the subscription", async () => {
		await trigger.deactivate();
		server.scriptNext('postMesWebhooksSubscriptions', () => ({
			status: 403,
			body: { code: 403, message: 'Missing scope mes:webhooks:write', reference: 'ref-42', errors: {} },
		}));

		await expect(trigger.activate()).rejects.toThrow('Afosto answered 403: Missing scope mes:webhooks:write');
		expect(await trigger.isRegistered()).toBe(false);
	});

	it("fails the activation, showing Afosto's answer, when the subscription comes back without a secret, and deletes that subscription", async () => {
		await trigger.deactivate();
		server.scriptNext('postMesWebhooksSubscriptions', (request) => {
			const { events, endpoint } = request.body as { events: string[]; endpoint: string };
			afostoSubscriptions.set('9001', { id: 9001, events, endpoint, secret: '' });
			return { status: 201, body: { id: 9001, events, endpoint } };
		});

		const activation = trigger.activate();
		await expect(activation).rejects.toThrow(
			`Afosto's answer to the subscription carries no secret to check deliveries with, so every delivery would be refused. Afosto answered 201: {"id":9001,"events":["order.created","order.updated"],"endpoint":"${trigger.webhookUrl}"}`,
		);
		await expect(activation).rejects.toMatchObject({ description: 'Subscription 9001 was deleted again; nothing is left subscribed.' });
		expect(server.requestsTo('deleteMesWebhooksSubscriptionsById').map(({ path }) => path)).toEqual(['/mes/webhooks/subscriptions/9001']);
		expect(afostoSubscriptions.has('9001')).toBe(false);
		expect(trigger.staticData['node:Node Under Test']).toEqual({});
		expect(await trigger.isRegistered()).toBe(false);
	});

	it('says to delete the subscription at Afosto when deleting it after a missing secret fails too', async () => {
		server.scriptNext('postMesWebhooksSubscriptions', (request) => ({ status: 200, body: { id: 9002, endpoint: (request.body as { endpoint: string }).endpoint } }));
		server.scriptNext('deleteMesWebhooksSubscriptionsById', () => ({
			status: 403,
			body: { code: 403, message: 'Missing scope mes:webhooks:write', reference: 'ref-43', errors: {} },
		}));

		await expect(trigger.activate()).rejects.toMatchObject({
			message: expect.stringContaining('carries no secret'),
			description:
				'Deleting subscription 9002 again failed (Afosto answered 403: Missing scope mes:webhooks:write): delete it at Afosto, or it keeps sending deliveries this node refuses.',
		});
	});

	it('starts a run for a delivery signed with the subscription secret and answers {"received": true}', async () => {
		await trigger.activate();
		const body = JSON.stringify(orderCreated);

		const response = await fetch(trigger.webhookUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-afosto-signature': sign(body, secret()) },
			body,
		});
		expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: { received: true } });
		expect(trigger.runs).toHaveLength(1);
		expect(JSON.stringify({ output: trigger.runs, node: trigger.savedNode })).not.toContain(secret());
		expect(trigger.runs[0][0].json).toMatchObject({ ...orderCreated, receivedAt: expect.any(String) });
	});

	it('refuses unsigned and mis-signed deliveries with 401, starting nothing', async () => {
		await trigger.activate();
		const body = JSON.stringify(orderCreated);

		expect(await deliver(body, {})).toBe(401);
		expect(await deliver(body, { 'x-afosto-signature': sign(body, 'another-secret') })).toBe(401);
		expect(await deliver(body, { 'x-afosto-signature': sign(`${body} `, secret()) })).toBe(401);
		expect(trigger.runs).toHaveLength(0);
	});

	it('refuses an event it was not subscribed for with 422, and 200 fuzzed bodies with a 4xx each', async () => {
		await trigger.activate();
		const contact = JSON.stringify({ event: 'contact.created', entity_id: 'c-1' });
		expect(await deliver(contact, { 'x-afosto-signature': sign(contact, secret()) })).toBe(422);

		const statuses = new Set<number>();
		for (const fuzzed of fuzzedCallbackBodies(200)) {
			statuses.add(await deliver(fuzzed.body, { 'x-afosto-signature': sign(fuzzed.body, secret()) }, fuzzed.contentType));
		}
		expect([...statuses].every((status) => status >= 400 && status < 500)).toBe(true);
		expect(trigger.runs).toHaveLength(0);
	});

	it("masks the secret in the activation error when Afosto's answer names no subscription id, and deletes the subscription it made", async () => {
		await trigger.deactivate();
		server.scriptNext('postMesWebhooksSubscriptions', (request) => {
			const { events, endpoint } = request.body as { events: string[]; endpoint: string };
			afostoSubscriptions.set('9003', { id: 9003, events, endpoint, secret: 'whsec-leaked-9003' });
			return { status: 201, body: { events, endpoint, secret: 'whsec-leaked-9003', signing: { key: 'whsec-leaked-9003' } } };
		});

		const activation = trigger.activate();
		await expect(activation).rejects.toThrow("Afosto's answer to the subscription names no subscription id. Afosto answered 201: ");
		const error = (await activation.catch((failure: unknown) => failure)) as Error & { description?: string };
		expect(JSON.stringify({ message: error.message, description: error.description })).not.toContain('whsec-leaked');
		expect(error.description).toBe('Subscription 9003 was deleted again; nothing is left subscribed.');
		expect(afostoSubscriptions.has('9003')).toBe(false);
	});

	const signed = (message: object) => {
		const body = JSON.stringify(message);
		return deliver(body, { 'x-afosto-signature': sign(body, secret()) });
	};

	it('refuses a delivery it has already received with 409: the same signed body, or the same message id on another attempt', async () => {
		await trigger.activate();
		const now = new Date().toISOString();

		expect(await signed({ ...orderCreated, created_at: now })).toBe(200);
		expect(await signed({ ...orderCreated, created_at: now })).toBe(409);
		expect(await signed({ id: 77, ...orderCreated, attempt: { number: 1 }, created_at: now })).toBe(200);
		expect(await signed({ id: 77, ...orderCreated, attempt: { number: 2 }, created_at: now })).toBe(409);
		expect(trigger.runs).toHaveLength(2);
	});

	it(`refuses a signed delivery created more than ${MAX_DELIVERY_AGE_MS / 3_600_000} hours ago with 422`, async () => {
		await trigger.activate();

		expect(await signed({ id: 78, ...orderCreated, created_at: new Date(Date.now() - MAX_DELIVERY_AGE_MS - 60_000).toISOString() })).toBe(422);
		expect(await signed({ id: 79, ...orderCreated, created_at: new Date(Date.now() - 60_000).toISOString() })).toBe(200);
		expect(trigger.runs).toHaveLength(1);
	});

	it(`remembers the last ${SEEN_DELIVERIES_KEPT} deliveries in the static data, no more`, async () => {
		await trigger.activate();
		const data = trigger.staticData['node:Node Under Test'] as { seenDeliveries: string[] };
		data.seenDeliveries = Array.from({ length: SEEN_DELIVERIES_KEPT }, (_, index) => `old-${index}`);

		expect(await signed({ id: 80, ...orderCreated })).toBe(200);
		expect(data.seenDeliveries).toHaveLength(SEEN_DELIVERIES_KEPT);
		expect(data.seenDeliveries[0]).toBe('old-1');
		expect(await signed({ id: 80, ...orderCreated })).toBe(409);
	});
});

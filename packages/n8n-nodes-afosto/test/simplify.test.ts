import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AFOSTO_BINARY_SAMPLE, SANDBOX_LIST_SIZE, afostoListRecords } from '../../../sandbox/contracts/afosto';
import { useAfostoServer } from '../../../test/harness/afostoSetup';
import { runNode } from '../../../scripts/n8nCore/runNode';

const { tokenCredentials } = useAfostoServer();

type Order = { id: string; number: string; channel_id: string; tags: string[]; state: IDataObject; settings: IDataObject; calculations: IDataObject[] };
const sandboxOrders = () => afostoListRecords('getOdrOrders', 0, SANDBOX_LIST_SIZE) as Order[];
const ORDER_FIELDS = ['amount', 'channel_id', 'contact_id', 'currency', 'id', 'is_accepted', 'is_canceled', 'is_confirmed', 'is_finished', 'number', 'organisation_id', 'progress', 'tags', 'type'];

const run = (type: string, parameters: INodeParameters) => runNode({ type, parameters, credentials: tokenCredentials() });

describe('Afosto Simplify (Get and Get Many of orders and contacts) and downloads', () => {
	it('Get order outputs the simplified order by default: state, who, channel, and the newest calculation\'s amount and currency', async () => {
		const [order] = sandboxOrders();

		const result = await run('afostoOrders', { resource: 'orders', operation: 'getOdrOrdersById', id: { __rl: true, mode: 'id', value: order.id } });

		expect(result.error).toBeUndefined();
		const [simplified] = result.json;
		expect(Object.keys(simplified).sort()).toEqual(ORDER_FIELDS);
		const calculation = order.calculations.at(-1)!;
		expect(simplified).toMatchObject({ id: order.id, number: order.number, channel_id: order.channel_id, amount: calculation.amount, currency: 'EUR', type: order.state.type });
		expect(simplified.contact_id).toBe((order.settings.contact as IDataObject).id);
	});

	it('Get order with Simplify off outputs the whole record Afosto answers', async () => {
		const [order] = sandboxOrders();

		const result = await run('afostoOrders', { resource: 'orders', operation: 'getOdrOrdersById', id: order.id, simplify: false });

		expect(result.json[0]).toEqual(expect.objectContaining({ id: order.id, settings: order.settings, calculations: order.calculations, processing: expect.any(Object) }));
	});

	it('Get Many orders with Return All simplifies every record of every page; off, each is whole', async () => {
		const simplified = await run('afostoOrders', { resource: 'orders', operation: 'getOdrOrders', returnAll: true });
		const raw = await run('afostoOrders', { resource: 'orders', operation: 'getOdrOrders', returnAll: true, simplify: false });

		expect(simplified.json.map((order) => order.number)).toEqual(sandboxOrders().map((order) => order.number));
		expect(simplified.json.every((order) => Object.keys(order).sort().join() === ORDER_FIELDS.join())).toBe(true);
		expect(raw.json).toEqual(sandboxOrders());
	});

	it('Get Many contacts keeps names, e-mail address, tags and the primary organisation', async () => {
		const [contact] = afostoListRecords('getRelContacts', 0, 1) as IDataObject[];

		const result = await run('afostoContacts', { resource: 'contacts', operation: 'getRelContacts', limit: 1 });

		const organisation = (contact.organisations as IDataObject).primary as IDataObject;
		const [simplified] = result.json;
		expect(Object.keys(simplified).sort()).toEqual(['additional_name', 'audience', 'email', 'family_name', 'given_name', 'id', 'is_guest', 'organisation_id', 'organisation_name', 'tags']);
		expect(simplified).toMatchObject({ id: contact.id, email: contact.email, family_name: contact.family_name, organisation_id: organisation.id, organisation_name: organisation.name });
	});

	it('a download puts the file in the binary field the user names', async () => {
		const result = await run('afostoContent', { resource: 'barcode', operation: 'getCntBarcode', v: '8712345678906', binaryPropertyName: 'barcode' });

		expect(result.error).toBeUndefined();
		const binary = result.outputs[0][0].binary ?? {};
		expect(Object.keys(binary)).toEqual(['barcode']);
		expect(Buffer.from(String(binary.barcode.data), 'base64')).toEqual(AFOSTO_BINARY_SAMPLE);
	});
});

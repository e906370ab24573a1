import { AFOSTO_BINARY_SAMPLE } from '../../sandbox/contracts/afosto';
import { useAfostoServer } from '../../test/harness/afostoSetup';
import { useMasStackServer } from '../../test/harness/masStackSetup';
import { runNode } from '../../scripts/n8nCore/runNode';

const afosto = useAfostoServer();
const masStack = useMasStackServer();

const service = { serviceType: 'mobile', serviceId: '612123456' };

describe('Request headers: Content-Type only with a body, Accept by the documented answer', () => {
	it('sends a GET without a body and without Content-Type', async () => {
		const result = await runNode({ type: 'masStack', parameters: { resource: 'barring', operation: 'get', ...service }, credentials: masStack.tokenCredentials() });

		expect(result.error).toBeUndefined();
		const [request] = masStack.server.requestsTo('getBarrings');
		expect(request.rawBody).toBe('');
		expect(request.headers['content-type']).toBeUndefined();
		expect(request.headers.accept).toBe('application/json');
	});

	it('sends a DELETE without a body and without Content-Type', async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: { resource: 'billingMovement', operation: 'delete', ...service, movementId: 'movement-1' },
			credentials: masStack.tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		const [request] = masStack.server.requestsTo('deleteMovement');
		expect(request.rawBody).toBe('');
		expect(request.headers['content-type']).toBeUndefined();
	});

	it('sends Content-Type: application/json with a body, also one written in JSON mode', async () => {
		const result = await runNode({
			type: 'afostoCatalog',
			parameters: { resource: 'groups', operation: 'postCatGroups', bodyMode: 'json', bodyJson: '{"name": "Retail"}' },
			credentials: afosto.tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		const [request] = afosto.server.requestsTo('postCatGroups');
		expect(request.body).toEqual({ name: 'Retail' });
		expect(request.headers['content-type']).toBe('application/json');
	});

	it('downloads an Afosto binary answer accepting any type, into binary only: the JSON holds none of its bytes', async () => {
		const result = await runNode({ type: 'afostoContent', parameters: { resource: 'barcode', operation: 'getCntBarcode', v: '4006381333931' }, credentials: afosto.tokenCredentials() });

		expect(result.error).toBeUndefined();
		const [request] = afosto.server.requestsTo('getCntBarcode');
		expect(request.headers.accept).toBe('*/*');
		expect(request.headers['content-type']).toBeUndefined();
		const [item] = result.outputs[0];
		expect(item.json).toEqual({});
		expect(Buffer.from(String(item.binary?.data.data), 'base64')).toEqual(AFOSTO_BINARY_SAMPLE);
	});
});

import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType } from 'n8n-workflow';

import { MasStack } from '../../packages/n8n-nodes-masstack/nodes/MasStack/MasStack.node';
import { useMasStackServer } from '../../test/harness/masStackSetup';
import { runNode } from '../../scripts/n8nCore/runNode';

const { server, tokenCredentials } = useMasStackServer();

/**
 * MasStack's Get Barrings as a declarative node (its request as routing), under another name,
 * with or without a `webhook` method (what a resume needs).
 */
function declarativeGetBarrings(name: string, withWebhook: boolean): INodeType {
	const node: INodeType = {
		description: {
			displayName: name,
			name,
			group: ['transform'],
			version: 1,
			description: 'Get Barrings, routed',
			defaults: { name },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'masStackApi', required: true }],
			requestDefaults: { baseURL: '={{ $credentials.baseUrl }}', headers: { Accept: 'application/json' } },
			properties: [
				{
					displayName: 'Service ID',
					name: 'serviceId',
					type: 'string',
					default: '',
					routing: { request: { method: 'GET', url: '=/v2/mobile/{{ $value }}/barrings' } },
				},
			],
		},
	};
	if (withWebhook) Object.assign(node, { webhook: async () => ({ noWebhookResponse: true }) });
	return node;
}

const lineOfItem = { serviceId: '={{ $json.line }}' };

/**
 * Why the MasStack and Bolttech nodes are programmatic though each operation is described as data:
 * n8n resumes a waiting execution through the waiting node type's `webhook` method, and n8n-core
 * 2.40.7 (WorkflowExecute.prepareConnectionInputData) hands a declarative node type that has one
 * no input items for its expressions, so every routed operation would lose `$json`.
 */
describe('n8n 2.40.7 and a declarative node with a webhook method', () => {
	it('a routed operation reads $json when the node type has no webhook method', async () => {
		const result = await runNode({ type: declarativeGetBarrings('routedPlain', false), parameters: lineOfItem, items: [{ line: '612123456' }], credentials: tokenCredentials() });

		expect(result.error).toBeUndefined();
		expect(server.requestsTo('getBarrings').map((request) => request.path)).toEqual(['/v2/mobile/612123456/barrings']);
	});

	it('the same operation cannot read $json once the node type has a webhook method, and sends nothing', async () => {
		const result = await runNode({ type: declarativeGetBarrings('routedResumable', true), parameters: lineOfItem, items: [{ line: '612123456' }], credentials: tokenCredentials() });

		expect(result.error?.message).toBe("Node 'Node Under Test' hasn't been executed");
		expect(server.received).toHaveLength(0);
	});

	it('the MasStack node, programmatic with its webhook method, reads $json for the same request', async () => {
		const result = await runNode({
			type: new MasStack(),
			parameters: { resource: 'barring', operation: 'get', serviceType: 'mobile', serviceId: '={{ $json.line }}' },
			items: [{ line: '612123456' }],
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		expect(server.requestsTo('getBarrings').map((request) => request.path)).toEqual(['/v2/mobile/612123456/barrings']);
	});
});

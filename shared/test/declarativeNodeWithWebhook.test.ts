import { MasStack } from '../../packages/n8n-nodes-masstack/nodes/MasStack/MasStack.node';
import { useMasStackServer } from '../../test/harness/masStackSetup';
import { runNode } from '../../scripts/n8nCore/runNode';

const { server, tokenCredentials } = useMasStackServer();

/** The MasStack node under another name, with or without a `webhook` method (what a resume needs). */
function masStackNode(name: string, withWebhook: boolean) {
	const node = new MasStack();
	node.description = { ...node.description, name };
	if (withWebhook) Object.assign(node, { webhook: async () => ({ noWebhookResponse: true }) });
	return node;
}

const getBarringsOf = { resource: 'barring', operation: 'get', serviceType: 'mobile', serviceId: '={{ $json.line }}' };

/**
 * Why waiting is not (yet) an option of the declarative MasStack and Bolttech nodes: n8n resumes a
 * waiting execution through the waiting node type's `webhook` method, and n8n-core 2.40.7
 * (WorkflowExecute.prepareConnectionInputData) hands a declarative node type that has one no input
 * items for its expressions, so every routed operation would lose `$json`.
 */
describe('n8n 2.40.7 and a declarative node with a webhook method', () => {
	it('a routed operation reads $json when the node type has no webhook method', async () => {
		const result = await runNode({ type: masStackNode('masStackPlain', false), parameters: getBarringsOf, items: [{ line: '612123456' }], credentials: tokenCredentials() });

		expect(result.error).toBeUndefined();
		expect(server.requestsTo('getBarrings').map((request) => request.path)).toEqual(['/v2/mobile/612123456/barrings']);
	});

	it('the same operation cannot read $json once the node type has a webhook method, and sends nothing', async () => {
		const result = await runNode({ type: masStackNode('masStackResumable', true), parameters: getBarringsOf, items: [{ line: '612123456' }], credentials: tokenCredentials() });

		expect(result.error?.message).toBe("Node 'Node Under Test' hasn't been executed");
		expect(server.received).toHaveLength(0);
	});
});

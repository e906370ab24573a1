import { NodeHelpers, resolveWebhookDescriptionField } from 'n8n-workflow';
import type { INodeParameters, INodeType, IWebhookDescription } from 'n8n-workflow';

import { BolttechTrigger } from '../../packages/n8n-nodes-bolttech/nodes/Bolttech/BolttechTrigger.node';
import { MasStackTrigger } from '../../packages/n8n-nodes-masstack/nodes/MasStack/MasStackTrigger.node';
import { testWorkflow } from '../../scripts/n8nCore/testWorkflow';

const TRIGGERS: Array<[string, INodeType, string]> = [
	['MasStack Trigger', new MasStackTrigger(), 'masStackTrigger'],
	['Bolttech Trigger', new BolttechTrigger(), 'bolttechTrigger'],
];

/** A field of a webhook description as n8n 2.x evaluates it: natively if it can, else with its expression engine. */
function evaluated(type: string, parameters: INodeParameters, description: IWebhookDescription, field: string) {
	const { workflow, node } = testWorkflow({ type, parameters });
	const workflowNode = workflow.nodes[node.name];
	const native = resolveWebhookDescriptionField(workflowNode, description, field);
	const engine = workflow.expression.getComplexParameterValue(workflowNode, description[field], 'webhook', {}, undefined, undefined);
	return { native, engine };
}

describe.each(TRIGGERS)('%s: Respond', (_name, trigger, type) => {
	const { description } = trigger;

	it('offers Immediately (the default, so saved workflows answer as before) and When the Workflow Finishes, as n8n\'s Webhook node names its modes', () => {
		const respond = description.properties.filter(({ name }) => name === 'responseMode');
		expect(respond).toHaveLength(1);
		expect(respond[0]).toMatchObject({ displayName: 'Respond', type: 'options', default: 'onReceived' });
		expect(respond[0].options).toEqual([
			expect.objectContaining({ name: 'Immediately', value: 'onReceived' }),
			expect.objectContaining({ name: 'When the Workflow Finishes', value: 'lastNode' }),
		]);
		for (const typeVersion of [1, 2, 3]) {
			const parameters = NodeHelpers.getNodeParameters(description.properties, {}, true, false, { typeVersion } as never, description);
			expect(parameters?.responseMode).toBe('onReceived');
		}
	});

	it.each([
		['a workflow saved before the option', {}, 'onReceived', ''],
		['Immediately', { responseMode: 'onReceived' }, 'onReceived', ''],
		['When the Workflow Finishes', { responseMode: 'lastNode' }, 'lastNode', 'noData'],
	])('answers "%s" (%j) in response mode %s with responseData "%s", resolved without the expression engine and the same with it', (_case, parameters, responseMode, responseData) => {
		for (const webhook of description.webhooks ?? []) {
			const mode = evaluated(type, { authentication: 'none', ...parameters }, webhook, 'responseMode');
			const data = evaluated(type, { authentication: 'none', ...parameters }, webhook, 'responseData');
			expect(mode).toEqual({ native: { resolved: true, value: responseMode }, engine: responseMode });
			// noData: n8n answers an empty 200 after the run and sends none of its items; empty: the
			// node's {"received": true} at once.
			expect(data).toEqual({ native: { resolved: true, value: responseData }, engine: responseData });
		}
	});

	it('falls back to the expression engine, with the same answer, when a parameter holds an expression', () => {
		const webhook = (description.webhooks ?? [])[0];
		const parameters = { authentication: 'none', responseMode: '={{ "lastNode" }}' };
		expect(evaluated(type, parameters, webhook, 'responseMode')).toEqual({ native: { resolved: false }, engine: 'lastNode' });
		expect(evaluated(type, parameters, webhook, 'responseData')).toEqual({ native: { resolved: false }, engine: 'noData' });
	});
});

import type { INodePropertyOptions } from 'n8n-workflow';

import { PARTNER_NODES } from '../scripts/n8nCore/packageTypes';
import { testWorkflow } from '../scripts/n8nCore/testWorkflow';

/** Every resource and operation of a node with a Resource list, by their names. */
function operationsOf(fullName: string) {
	const { properties } = PARTNER_NODES.find((entry) => entry.fullName === fullName)!.node.description;
	const resources = (properties.find(({ name }) => name === 'resource')?.options ?? []) as INodePropertyOptions[];
	return resources.flatMap((resource) =>
		properties
			.filter(({ name, displayOptions }) => name === 'operation' && displayOptions?.show?.resource?.includes(resource.value))
			.flatMap(({ options }) => options as INodePropertyOptions[])
			.map((operation) => ({ resource, operation })),
	);
}

const NODES_WITH_RESOURCES = PARTNER_NODES.filter(({ fullName }) => operationsOf(fullName).length > 0).map(({ fullName }) => fullName);

describe('the canvas subtitle of every node with resources', () => {
	it('covers the action nodes of the three packages', () => {
		expect(NODES_WITH_RESOURCES).toEqual(expect.arrayContaining(['n8n-nodes-masstack.masStack', 'n8n-nodes-bolttech.bolttech', 'n8n-nodes-afosto.afostoOrders']));
		expect(NODES_WITH_RESOURCES).toHaveLength(11);
	});

	it.each(NODES_WITH_RESOURCES)('%s names the chosen operation and resource, as n8n evaluates it', (fullName) => {
		const { description } = PARTNER_NODES.find((entry) => entry.fullName === fullName)!.node;
		for (const { resource, operation } of operationsOf(fullName)) {
			const { workflow, node } = testWorkflow({ type: description.name, parameters: { resource: resource.value, operation: operation.value } });
			const subtitle = workflow.expression.getSimpleParameterValue(node, description.subtitle as string, 'internal', {});
			expect({ resource: resource.value, operation: operation.value, subtitle }).toEqual({
				resource: resource.value,
				operation: operation.value,
				subtitle: `${operation.name}: ${resource.name}`,
			});
		}
	});
});

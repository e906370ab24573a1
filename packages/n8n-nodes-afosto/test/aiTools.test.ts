import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeType } from 'n8n-workflow';

import { AFOSTO_NODE_CLASSES } from '../../../scripts/n8nCore/packageTypes';
import { afostoOperations } from './afostoOperations';

const nodeTypeNamed = (name: string) => new (AFOSTO_NODE_CLASSES.find((NodeClass) => new NodeClass().description.name === name)!)() as INodeType;

/** What n8n's AI Agent reads of an Afosto node used as a tool with Tool Description "Set Automatically". */
function toolDescription(type: string, resource: string, operation: string): string {
	const node = { parameters: { descriptionType: 'auto', resource, operation } } as unknown as INode;
	return NodeHelpers.getToolDescriptionForNode(node, nodeTypeNamed(type));
}

describe('Afosto nodes as AI tools (the description n8n gives the model)', () => {
	it('says what the operation does and which ID it needs, and that a delete is destructive', () => {
		expect(toolDescription('afostoOrders', 'orders', 'getOdrOrdersById')).toBe('Get order by ID in Afosto Orders');
		expect(toolDescription('afostoOrders', 'orders', 'getOdrOrdersByIdBackorders')).toBe('Get backorders by order ID in Afosto Orders');
		expect(toolDescription('afostoOrders', 'orders', 'deleteOdrOrdersById')).toBe('Remove order by ID (destructive) in Afosto Orders');
		expect(toolDescription('afostoOrders', 'orders', 'getOdrOrders')).toBe('Get many orders in Afosto Orders');
	});

	it('marks every delete of every Afosto node destructive, and nothing else', () => {
		const operations = afostoOperations().filter(({ endpoint }) => endpoint);
		const deletes = operations.filter(({ endpoint }) => endpoint!.startsWith('DELETE '));

		expect(deletes.length).toBeGreaterThan(40);
		expect(deletes.filter(({ option }) => !String(option.action).endsWith(' (destructive)')).map(({ endpoint }) => endpoint)).toEqual([]);
		expect(operations.filter(({ endpoint, option }) => !endpoint!.startsWith('DELETE ') && String(option.action).includes('destructive'))).toEqual([]);
	});

	it('names in the action every path value an operation needs', () => {
		const needingIds = afostoOperations().filter(({ endpoint }) => endpoint?.includes('{'));

		expect(needingIds.filter(({ option }) => !/ by [^ ]/.test(String(option.action))).map(({ endpoint }) => endpoint)).toEqual([]);
	});
});

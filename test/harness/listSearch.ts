import { LoadOptionsContext } from 'n8n-core';
import type { INodeListSearchResult, INodeType } from 'n8n-workflow';

import { testWorkflow } from '../../scripts/n8nCore/testWorkflow';
import type { TestNodeSpec } from '../../scripts/n8nCore/testWorkflow';

/**
 * Runs one of a node's `methods.listSearch` as the editor does to fill a resource locator's
 * "From List" (n8n's LoadOptionsContext, with the node's parameters and credentials).
 */
export async function searchList(
	spec: TestNodeSpec,
	method: string,
	parameterPath: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { workflow, node, additionalData } = testWorkflow(spec);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	const search = nodeType.methods?.listSearch?.[method];
	if (!search) throw new Error(`The node has no listSearch method ${method}`);
	return await search.call(new LoadOptionsContext(workflow, node, additionalData, parameterPath), filter, paginationToken);
}

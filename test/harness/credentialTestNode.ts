import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType } from 'n8n-workflow';

import { credentialTypes } from '../../scripts/n8nCore/packageTypes';

/**
 * A declarative node whose only request is a credential type's `test.request`, the way n8n's
 * credential tester runs it: through RoutingNode, signed by the credential itself.
 */
export function credentialTestNode(credentialName: string): INodeType {
	const test = credentialTypes.get(credentialName)?.test;
	if (!test?.request) throw new Error(`Credential ${credentialName} has no test request`);
	return {
		description: {
			displayName: `Test ${credentialName}`,
			name: `credentialTest${credentialName}`,
			group: ['transform'],
			version: 1,
			description: 'Runs a credential test request',
			defaults: { name: 'Credential Test' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credentialName, required: true }],
			requestDefaults: test.request,
			properties: [],
		},
	};
}

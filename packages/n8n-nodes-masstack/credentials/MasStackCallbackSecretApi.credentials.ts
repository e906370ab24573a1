import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { callbackSecretProperties } from './shared/callbackSecretProperties';

/** The secret MasStack's callbacks must carry to start a workflow at the MasStack Trigger. */
export class MasStackCallbackSecretApi implements ICredentialType {
	name = 'masStackCallbackSecretApi';

	displayName = 'MasStack Callback Secret API';

	icon = 'fa:key' as const;

	documentationUrl = 'https://github.com/n8n-nodes-telco-partners/n8n-nodes-telco-partners/tree/main/packages/n8n-nodes-masstack#credentials';

	properties: INodeProperties[] = callbackSecretProperties;
}

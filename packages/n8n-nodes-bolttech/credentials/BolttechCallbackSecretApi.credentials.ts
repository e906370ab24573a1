import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { callbackSecretProperties } from './shared/callbackSecretProperties';

/** The secret Bolttech's callbacks must carry to start a workflow at the Bolttech Trigger. */
export class BolttechCallbackSecretApi implements ICredentialType {
	name = 'bolttechCallbackSecretApi';

	displayName = 'Bolttech Callback Secret API';

	icon = 'fa:key' as const;

	documentationUrl = 'https://github.com/n8n-nodes-telco-partners/n8n-nodes-telco-partners/tree/main/packages/n8n-nodes-bolttech#credentials';

	properties: INodeProperties[] = callbackSecretProperties;
}

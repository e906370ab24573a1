import type { IHookFunctions } from 'n8n-workflow';

import { requireCallbackSecret } from './callbackSecret';

/**
 * The webhook lifecycle of a trigger whose partner takes the callback URL with each request, so
 * there is nothing to register remotely: while the workflow is active, the node's callback URLs
 * are noted in the workflow's static data. `callbackUrls` derives them from the first webhook's URL.
 * Activation fails while Authentication is Callback Secret and the `secretCredential` holds none.
 */
export function callbackUrlLifecycle(secretCredential: string, callbackUrls: (firstUrl: string) => string[]) {
	return {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			const noted = this.getWorkflowStaticData('node').callbackUrls as string[] | undefined;
			return noted?.[0] === this.getNodeWebhookUrl('default');
		},
		async create(this: IHookFunctions): Promise<boolean> {
			await requireCallbackSecret(this, secretCredential);
			this.getWorkflowStaticData('node').callbackUrls = callbackUrls(this.getNodeWebhookUrl('default') ?? '');
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			delete this.getWorkflowStaticData('node').callbackUrls;
			return true;
		},
	};
}

import type { IDataObject } from 'n8n-workflow';

/**
 * What a catalog action's callback body says. The bolttech Catalog API (v4.1) and Verify IMEI (v4)
 * does not document that body, so both are read leniently.
 */

/** The action id, at the top or in `configuration`. */
export function actionIdOf(body: IDataObject): string | undefined {
	const configuration = body.configuration as IDataObject | undefined;
	const actionId = body.action_id ?? configuration?.action_id ?? body.actionId;
	return typeof actionId === 'string' ? actionId : undefined;
}

/** The product code, at the top or in `configuration`, as the action's configuration carried it. */
export function productCodeOf(body: IDataObject): unknown {
	const configuration = body.configuration as IDataObject | undefined;
	return body.product_code ?? configuration?.product_code ?? body.productCode;
}

/** Whether it reports a failure: a status that says it failed counts as an error. */
export function reportsFailure(body: IDataObject): boolean {
	const status = body.status ?? (body.result as IDataObject | undefined)?.status;
	return typeof status === 'string' && /fail|error|reject/i.test(status);
}

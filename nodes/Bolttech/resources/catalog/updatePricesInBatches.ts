import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { invalidInput } from '../../../shared/invalidInput';
import { asNodeError } from '../../../shared/partnerError';
import { sendPartnerRequest } from '../../../shared/partnerRequest';
import { retryDelaySeconds } from '../../../shared/retryAfter';
import { partnerCredentialType } from '../../../shared/authentication';
import type { PartnerAuthentication } from '../../../shared/authentication';
import { payloadInKeyStyle } from '../../shared/payloadKeys';
import type { PayloadKeyStyle } from '../../shared/payloadKeys';
import { priceRowReader, skuOf } from '../../shared/priceRows';
import type { PriceRow } from '../../shared/priceRows';
import { DEFAULT_BATCH_SIZE } from './updatePrices';

/** Status codes after which bolttech may accept the same batch later (document-independent HTTP semantics). */
const RETRYABLE_STATUSES = [429, 503];

interface BatchSettings {
	credentialType: string;
	productCode: string;
	callbackUrl?: string;
	keyStyle: PayloadKeyStyle;
	incremental: boolean;
	maxRetries: number;
	maxRetryWaitSeconds: number;
}

type BatchOutcome =
	| { ok: true; response: IN8nHttpFullResponse; attempts: number }
	| { ok: false; error: NodeApiError | NodeOperationError; attempts: number };

function chunk<T>(rows: T[], size: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < rows.length; start += size) batches.push(rows.slice(start, start + size));
	return batches;
}

function priceListBody(settings: BatchSettings, rows: PriceRow[], incremental: boolean): IDataObject {
	const payload: IDataObject = {
		incremental,
		asset_model_prices: rows.map((row) => row.wire),
	};
	return {
		configuration: {
			action_id: 'update_price',
			product_code: settings.productCode,
			...(settings.callbackUrl ? { callback_url: settings.callbackUrl } : {}),
		},
		payload: payloadInKeyStyle(payload, settings.keyStyle),
	};
}

async function sendBatch(
	context: IExecuteFunctions,
	settings: BatchSettings,
	body: IDataObject,
	batchNumber: number,
): Promise<BatchOutcome> {
	for (let attempt = 1; ; attempt++) {
		let response: IN8nHttpFullResponse;
		try {
			response = await sendPartnerRequest(context, {
				partner: 'bolttech',
				credentialType: settings.credentialType,
				method: 'POST',
				path: '/v4.1/catalog/action',
				body,
				statusesHandedBack: attempt <= settings.maxRetries ? RETRYABLE_STATUSES : [],
			});
		} catch (error) {
			return { ok: false, error: asNodeError(context.getNode(), error, 0), attempts: attempt };
		}
		if (response.statusCode < 400) return { ok: true, response, attempts: attempt };
		const waitSeconds = retryDelaySeconds(response.headers['retry-after'], attempt - 1, settings.maxRetryWaitSeconds);
		context.logger.debug(`bolttech asked to retry price batch ${batchNumber} in ${waitSeconds}s`);
		await sleep(waitSeconds * 1000);
	}
}

function readSettings(context: IExecuteFunctions, credentialType: string): BatchSettings {
	const retryOptions = context.getNodeParameter('priceSyncOptions', 0, {}) as IDataObject;
	return {
		credentialType,
		productCode: String(context.getNodeParameter('productCode', 0)).trim(),
		callbackUrl: String(context.getNodeParameter('callbackUrl', 0, '')).trim() || undefined,
		keyStyle: context.getNodeParameter('payloadKeyStyle', 0, 'snakeCase') as PayloadKeyStyle,
		incremental: context.getNodeParameter('incremental', 0, true) as boolean,
		maxRetries: (retryOptions.maxRetries as number | undefined) ?? 3,
		maxRetryWaitSeconds: (retryOptions.maxRetryWaitSeconds as number | undefined) ?? 60,
	};
}

/**
 * Update Prices: every input item is one SKU; they go to bolttech as price lists of "Batch Size"
 * rows, in input order, one request per batch. Declarative routing sends one request per item,
 * which is why this operation is code.
 */
export async function updatePricesInBatches(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const output: INodeExecutionData[] = [];

	const rows: PriceRow[] = [];
	const readPriceRow = priceRowReader(this);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const rowOrProblem = readPriceRow(itemIndex);
		if (!(rowOrProblem instanceof NodeOperationError)) {
			rows.push(rowOrProblem);
			continue;
		}
		if (!continueOnFail) throw rowOrProblem;
		output.push({
			json: { error: rowOrProblem.message, description: rowOrProblem.description },
			pairedItem: { item: itemIndex },
		});
	}
	if (rows.length === 0) return [output];

	const credentialType = partnerCredentialType(
		'bolttech',
		this.getNodeParameter('authentication', 0, 'accessToken') as PartnerAuthentication,
	);
	const settings = readSettings(this, credentialType);
	if (!settings.productCode) {
		throw invalidInput(this.getNode(), 0, 'Product Code', 'is empty', 'Enter the ID of your rental program at bolttech.');
	}
	const batchSize = Math.max(1, Math.floor((this.getNodeParameter('batchSize', 0, DEFAULT_BATCH_SIZE) as number) || 1));
	const batches = chunk(rows, batchSize);

	for (const [index, batch] of batches.entries()) {
		const batchNumber = index + 1;
		// A full list sent in several batches must replace the old list once, not once per batch:
		// only the first batch carries incremental=false, the rest add to it.
		const incremental = settings.incremental || index > 0;
		const outcome = await sendBatch(this, settings, priceListBody(settings, batch, incremental), batchNumber);
		const report = {
			batch: batchNumber,
			batches: batches.length,
			skus: batch.length,
			firstSku: skuOf(batch[0]),
			lastSku: skuOf(batch[batch.length - 1]),
			incremental,
			attempts: outcome.attempts,
		};
		if (outcome.ok) {
			const answer = outcome.response.body as IDataObject | undefined;
			output.push({
				json: { ...report, status: (answer?.status as string | undefined) ?? 'success', response: answer ?? {} },
				pairedItem: batch.map((row) => ({ item: row.itemIndex })),
			});
			continue;
		}
		const failure = `Price batch ${batchNumber} of ${batches.length} (${batch.length} SKUs from ${report.firstSku}) failed: ${outcome.error.message}`;
		if (!continueOnFail) {
			outcome.error.message = failure;
			outcome.error.context.itemIndex = batch[0].itemIndex;
			throw outcome.error;
		}
		for (const row of batch) {
			output.push({
				json: {
					error: failure,
					batch: batchNumber,
					...row.wire,
				},
				pairedItem: { item: row.itemIndex },
			});
		}
	}
	return [output];
}

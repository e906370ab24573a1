import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { asNodeError, partnerApiError } from '../../../shared/transport/partnerError';
import { RETRYABLE_STATUSES, sendWithRetries } from '../../../shared/transport/retries';
import type { RetryPolicy } from '../../../shared/transport/retries';
import { checkedBodyOf, shownProperties } from '../../../shared/validation/valueChecks';
import { catalogActionBody, sendCatalogAction } from './catalogAction';
import { catalogConfigurationFields } from './index';
import type { PayloadKeyStyle } from './catalogAction';
import { CsvReader, JsonLinesReader, recordsOf } from './priceListFile';
import type { FileRecord } from './priceListFile';
import { fileRowReader, priceRowReader, skuOf } from './priceRows';
import type { PriceRow } from './priceRows';
import { DEFAULT_BATCH_SIZE, updatePrices } from './updatePrices';

interface BatchSettings {
	/** Product code and callback URL, checked as the other catalog operations check them. */
	configuration: IDataObject;
	keyStyle: PayloadKeyStyle;
	incremental: boolean;
	retryPolicy: RetryPolicy;
}

type BatchOutcome =
	| { ok: true; answer: IDataObject; attempts: number }
	| {
			ok: false;
			error: NodeApiError | NodeOperationError;
			attempts: number;
			/** bolttech's answer says it did not take the batch; otherwise whether it did is unknown. */
			refused: boolean;
	  };

/** What a run got done before a batch failed. */
interface Accepted {
	batches: number;
	skus: number;
}

/** How many batches and SKUs a run sends in all. */
type Totals = Accepted;

function chunk<T>(rows: T[], size: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < rows.length; start += size) batches.push(rows.slice(start, start + size));
	return batches;
}

function priceListBody(settings: BatchSettings, rows: PriceRow[]): IDataObject {
	const payload: IDataObject = {
		incremental: settings.incremental,
		asset_model_prices: rows.map((row) => row.wire),
	};
	return catalogActionBody(updatePrices, { configuration: settings.configuration, payload }, settings.keyStyle);
}

/**
 * Whether an answer's status says bolttech did not take the request: a 4xx refuses it, a 503 is
 * not served. After a 500, 502 or 504 (an error inside, or a gateway that may have passed the
 * request on), no answer at all, or an unreadable one, nobody knows.
 */
function isRefusal(statusCode: number): boolean {
	return (statusCode >= 400 && statusCode < 500) || statusCode === 503;
}

async function sendBatch(context: IExecuteFunctions, settings: BatchSettings, body: IDataObject): Promise<BatchOutcome> {
	let attempts = 0;
	let response: IN8nHttpFullResponse;
	try {
		({ answer: response } = await sendWithRetries(settings.retryPolicy, async (attempt) => {
			attempts = attempt;
			return await sendCatalogAction(context, body, RETRYABLE_STATUSES);
		}));
	} catch (error) {
		const nodeError = asNodeError(context.getNode(), error, 0);
		const statusCode = nodeError instanceof NodeApiError ? Number(nodeError.httpCode) : NaN;
		return { ok: false, error: nodeError, attempts, refused: isRefusal(statusCode) };
	}
	if (response.statusCode >= 400) {
		const error = partnerApiError(context.getNode(), { partner: 'bolttech', statusCode: response.statusCode, body: response.body });
		return { ok: false, error, attempts, refused: isRefusal(response.statusCode) };
	}
	// sendPartnerRequest has refused a 2xx that is not JSON (documentedJsonOrError): what is left is bolttech's answer.
	return { ok: true, answer: response.body as IDataObject, attempts };
}

function readSettings(context: IExecuteFunctions): BatchSettings {
	const options = context.getNodeParameter('priceSyncOptions', 0, {}) as IDataObject;
	return {
		// The fields' own checks: never "null" or "[object Object]" on the wire.
		configuration: (checkedBodyOf(context, shownProperties(context, catalogConfigurationFields), 0).configuration ?? {}) as IDataObject,
		keyStyle: context.getNodeParameter('payloadKeyStyle', 0, 'snakeCase') as PayloadKeyStyle,
		incremental: context.getNodeParameter('incremental', 0, true) as boolean,
		retryPolicy: {
			maxRetries: (options.maxRetries as number | undefined) ?? 3,
			maxRetryWaitSeconds: (options.maxRetryWaitSeconds as number | undefined) ?? 60,
		},
	};
}

const batchCount = (count: number) => `${count} batch${count === 1 ? '' : 'es'}`;
const skuCount = (count: number) => `${count} SKU${count === 1 ? '' : 's'}`;
const attemptCount = (count: number) => (count === 1 ? 'Sent once' : `Sent ${count} times`);

/**
 * The message and description of a failed batch: which batch (number, first and last SKU) and
 * what was and was not done at bolttech because of it.
 */
function describeFailure(
	batch: PriceRow[],
	index: number,
	totals: Totals,
	skusThroughBatch: number,
	accepted: Accepted,
	outcome: Extract<BatchOutcome, { ok: false }>,
	settings: BatchSettings,
	continueOnFail: boolean,
): { message: string; description: string } {
	const skuRange = `${skuCount(batch.length)}, ${skuOf(batch[0])} to ${skuOf(batch[batch.length - 1])}`;
	// n8n fills an API error's description with the partner's message when there is no other: said once is enough.
	const { description } = outcome.error;
	const partnerDetails = description && !outcome.error.message.includes(description) ? [description] : [];
	if (!settings.incremental) {
		return {
			message: `The whole price list (${skuRange}, one request) failed: ${outcome.error.message}`,
			description: [
				outcome.refused
					? 'Incremental is off, so the whole list went as one request and bolttech refused it: its price list was not replaced and still holds the previous prices. None of the SKUs were updated.'
					: "Incremental is off, so the whole list went as one request, and bolttech's answer does not say whether it took it: bolttech holds either its previous list or the whole new one, never part of it. Sending the same list again is safe.",
				`${attemptCount(outcome.attempts)}.`,
				...partnerDetails,
			].join('\n'),
		};
	}
	const totalSkus = totals.skus;
	const laterBatches = totals.batches - index - 1;
	const laterSkus = totals.skus - skusThroughBatch;
	const lines = [
		accepted.batches
			? `Accepted before it: ${batchCount(accepted.batches)} (${skuCount(accepted.skus)}); they stay applied, as with Incremental on each batch adds to bolttech's list.`
			: 'No batch was accepted before it.',
		outcome.refused
			? `bolttech refused this batch: its ${skuCount(batch.length)} were not updated.`
			: `bolttech's answer does not say whether it took this batch: its ${skuCount(batch.length)} may or may not be updated.`,
		`${attemptCount(outcome.attempts)}.`,
	];
	if (continueOnFail) {
		lines.push('The batches after it are still sent (Continue On Fail) and report in their own items.');
	} else {
		if (laterBatches) lines.push(`Not sent: ${batchCount(laterBatches)} after it (${skuCount(laterSkus)}).`);
		lines.push(`${totalSkus - accepted.skus} of ${skuCount(totalSkus)} are not confirmed as updated; sending the same prices again is safe.`);
	}
	return {
		message: `Price batch ${index + 1} of ${totals.batches} (${skuRange}) failed: ${outcome.error.message}`,
		description: [...lines, ...partnerDetails].join('\n'),
	};
}

/**
 * Sends `batches` (in input order, one request each) and reports each: one item per accepted batch;
 * a failed batch stops the run naming what was and was not done, or with Continue On Fail comes
 * out as one error item per SKU while the later batches are still sent.
 */
async function sendBatches(
	context: IExecuteFunctions,
	settings: BatchSettings,
	batches: AsyncIterable<PriceRow[]> | Iterable<PriceRow[]>,
	totals: Totals,
	output: INodeExecutionData[],
): Promise<void> {
	const continueOnFail = context.continueOnFail();
	const accepted: Accepted = { batches: 0, skus: 0 };
	let index = 0;
	let skusThroughBatch = 0;
	for await (const batch of batches) {
		skusThroughBatch += batch.length;
		const outcome = await sendBatch(context, settings, priceListBody(settings, batch));
		const report = {
			batch: index + 1,
			batches: totals.batches,
			skus: batch.length,
			firstSku: skuOf(batch[0]),
			lastSku: skuOf(batch[batch.length - 1]),
			incremental: settings.incremental,
			attempts: outcome.attempts,
		};
		if (outcome.ok) {
			accepted.batches++;
			accepted.skus += batch.length;
			output.push({
				json: { ...report, status: (outcome.answer.status as string | undefined) ?? 'success', response: outcome.answer },
				pairedItem: [...new Set(batch.map((row) => row.itemIndex))].map((item) => ({ item })),
			});
			index++;
			continue;
		}
		const failure = describeFailure(batch, index, totals, skusThroughBatch, accepted, outcome, settings, continueOnFail);
		if (!continueOnFail) {
			outcome.error.message = failure.message;
			outcome.error.description = failure.description;
			outcome.error.context.itemIndex = batch[0].itemIndex;
			throw outcome.error;
		}
		const failedBatch = {
			...report,
			applied: outcome.refused ? 'no' : 'unknown',
			acceptedBefore: { ...accepted },
		};
		for (const row of batch) {
			output.push({
				json: { error: failure.message, description: failure.description, ...failedBatch, ...row.wire },
				pairedItem: { item: row.itemIndex },
			});
		}
		index++;
	}
}

/** The batch size of a run: Batch Size with Incremental on; every SKU in one request with it off. */
function batchSizeOf(context: IExecuteFunctions, settings: BatchSettings, skus: number): number {
	// The bolttech Catalog API (v4.1) and Verify IMEI (v4): with incremental=false the input "contains
	// whole pricelist which will overwrites old records", so every such request replaces the list;
	// the whole list therefore goes as one request, whatever the batch size.
	if (!settings.incremental) return Math.max(1, skus);
	return Math.max(1, Math.floor((context.getNodeParameter('batchSize', 0, DEFAULT_BATCH_SIZE) as number) || 1));
}

/**
 * Update Prices: every input item is one SKU, or (Map Prices From: File) every row of the first
 * item's price list file. With Incremental on they go to bolttech as price lists of "Batch Size"
 * rows, in input order, one request per batch; with it off, as one request. Declarative routing
 * sends one request per item, which is why this operation is code.
 */
export async function updatePricesInBatches(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	if (this.getNodeParameter('priceMapping', 0, 'inputFields') === 'file') return await updatePricesFromFile(this);
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

	const settings = readSettings(this);
	if (!settings.incremental && output.length) {
		// A whole list without the refused items would delete their prices at bolttech.
		const error = `Price list not sent: ${output.length} of ${items.length} items are invalid, and with Incremental off the list would replace bolttech's without them, removing their prices`;
		for (const row of rows) output.push({ json: { error, ...row.wire }, pairedItem: { item: row.itemIndex } });
		return [output];
	}
	const batches = chunk(rows, batchSizeOf(this, settings, rows.length));
	await sendBatches(this, settings, batches, { batches: batches.length, skus: rows.length }, output);
	return [output];
}

/** The bytes of the first item's price list file, as a stream when n8n keeps it outside memory. */
async function priceListFileChunks(context: IExecuteFunctions): Promise<AsyncIterable<Uint8Array>> {
	const property = String(context.getNodeParameter('binaryPropertyName', 0, 'data'));
	const binary = context.helpers.assertBinaryData(0, property);
	if (binary.id) return await context.helpers.getBinaryStream(binary.id, 1024 * 1024);
	const buffer = await context.helpers.getBinaryDataBuffer(0, property);
	return (async function* () {
		yield buffer;
	})();
}

/** The file's records as objects: CSV rows by their header's column names, JSON Lines as they are. */
async function* fileRecords(context: IExecuteFunctions): AsyncGenerator<FileRecord<Record<string, unknown>>> {
	const chunks = await priceListFileChunks(context);
	if (context.getNodeParameter('fileFormat', 0, 'csv') === 'jsonLines') {
		for await (const records of recordsOf(chunks, new JsonLinesReader())) yield* records;
		return;
	}
	let header: string[] | undefined;
	for await (const records of recordsOf(chunks, new CsvReader(String(context.getNodeParameter('csvDelimiter', 0, ',')) || ','))) {
		for (const { line, values } of records) {
			if (!header) {
				header = values.map((name) => name.trim());
				continue;
			}
			yield { line, values: Object.fromEntries(header.map((name, column) => [name, values[column]])) };
		}
	}
}

/**
 * Update Prices from a file, in two passes over its bytes so that no more than a batch of rows is
 * held at once: the first checks every row (an error names the line and field, and nothing is
 * sent, as with items), the second sends the batches. With Incremental off the whole list is one
 * request, so its rows are held for it.
 */
async function updatePricesFromFile(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const readRow = fileRowReader(context);
	let skus = 0;
	for await (const { line, values } of fileRecords(context)) {
		const row = readRow(values, line);
		if (row instanceof NodeOperationError) throw row;
		skus++;
	}
	const output: INodeExecutionData[] = [];
	if (skus === 0) return [output];
	const settings = readSettings(context);
	const batchSize = batchSizeOf(context, settings, skus);
	async function* batches(): AsyncGenerator<PriceRow[]> {
		let batch: PriceRow[] = [];
		for await (const { line, values } of fileRecords(context)) {
			batch.push(readRow(values, line) as PriceRow);
			if (batch.length === batchSize) {
				yield batch;
				batch = [];
			}
		}
		if (batch.length) yield batch;
	}
	await sendBatches(context, settings, batches(), { batches: Math.ceil(skus / batchSize), skus }, output);
	return [output];
}

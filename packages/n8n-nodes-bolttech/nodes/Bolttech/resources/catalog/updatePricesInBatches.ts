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
import { PriceMemory } from './priceMemory';
import type { PriceChanges } from './priceMemory';
import { PriceMemoryFile } from './priceMemoryFile';
import { DEFAULT_BATCH_SIZE, DEFAULT_BATCHES_IN_FLIGHT, DEFAULT_MEMORY_FIELD, updatePrices } from './updatePrices';

interface BatchSettings {
	/** Product code and callback URL, checked as the other catalog operations check them. */
	configuration: IDataObject;
	keyStyle: PayloadKeyStyle;
	incremental: boolean;
	retryPolicy: RetryPolicy;
	/** How many incremental batches may wait for bolttech's answer at once. */
	batchesInFlight: number;
	/** Send Only Changed Prices: compare with what the node remembers (Incremental on only). */
	sendOnlyChanged: boolean;
	/** Remember In: A File You Keep: the binary fields the memory comes in and goes out in. */
	memoryFile?: { inputField: string; outputField: string };
	dryRun: boolean;
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
	const incremental = context.getNodeParameter('incremental', 0, true) as boolean;
	const sendOnlyChanged = incremental && options.sendOnlyChanged === true;
	const memoryFile = sendOnlyChanged && options.rememberIn === 'file' ? memoryFileFields(context, options) : undefined;
	return {
		// The fields' own checks: never "null" or "[object Object]" on the wire.
		configuration: (checkedBodyOf(context, shownProperties(context, catalogConfigurationFields), 0).configuration ?? {}) as IDataObject,
		keyStyle: context.getNodeParameter('payloadKeyStyle', 0, 'snakeCase') as PayloadKeyStyle,
		incremental,
		retryPolicy: {
			maxRetries: (options.maxRetries as number | undefined) ?? 3,
			maxRetryWaitSeconds: (options.maxRetryWaitSeconds as number | undefined) ?? 60,
		},
		batchesInFlight: Math.max(1, Math.floor(Number(options.batchesInFlight ?? DEFAULT_BATCHES_IN_FLIGHT) || 1)),
		sendOnlyChanged,
		memoryFile,
		dryRun: sendOnlyChanged && options.dryRun === true,
	};
}

/** Memory Input Field and Memory Output Field; the memory file cannot be the price list file. */
function memoryFileFields(context: IExecuteFunctions, options: IDataObject): { inputField: string; outputField: string } {
	const inputField = String(options.memoryInputField ?? DEFAULT_MEMORY_FIELD).trim() || DEFAULT_MEMORY_FIELD;
	const outputField = String(options.memoryOutputField ?? DEFAULT_MEMORY_FIELD).trim() || DEFAULT_MEMORY_FIELD;
	const priceListField = context.getNodeParameter('priceMapping', 0, 'inputFields') === 'file' ? String(context.getNodeParameter('binaryPropertyName', 0, 'data')) : undefined;
	if (inputField === priceListField) {
		throw new NodeOperationError(context.getNode(), `Memory Input Field and Input Binary Field are both "${inputField}"`, {
			itemIndex: 0,
			description: 'The price list file and the price memory file are two files: give them two binary fields of the first input item.',
		});
	}
	return { inputField, outputField };
}

const batchCount = (count: number) => `${count} batch${count === 1 ? '' : 'es'}`;
const skuCount = (count: number) => `${count} SKU${count === 1 ? '' : 's'}`;
const attemptCount = (count: number) => (count === 1 ? 'Sent once' : `Sent ${count} times`);

/** A batch that went to bolttech and what came of it. */
interface SentBatch {
	rows: PriceRow[];
	outcome: BatchOutcome;
}

/** "batch 4" or "batches 4, 5 and 9" (1-based), at most ten of them named. */
function batchNumbers(indexes: number[]): string {
	const numbers = indexes.slice(0, 10).map((index) => String(index + 1));
	const more = indexes.length - numbers.length;
	const listed = more > 0 ? `${numbers.join(', ')} and ${more} more` : numbers.length > 1 ? `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}` : numbers[0];
	return `batch${indexes.length === 1 ? '' : 'es'} ${listed}`;
}

function tally(sent: SentBatch[], indexes: number[]): Accepted {
	return { batches: indexes.length, skus: indexes.reduce((sum, index) => sum + sent[index].rows.length, 0) };
}

/**
 * The message and description of a failed batch: which batch (number, first and last SKU) and
 * what was and was not done at bolttech because of it, including the batches that were in flight
 * with it (Batches in Flight): each of them was answered before this is told.
 */
function describeFailure(
	sent: SentBatch[],
	index: number,
	totals: Totals,
	notSent: Accepted,
	settings: BatchSettings,
	continueOnFail: boolean,
): { message: string; description: string } {
	const { rows: batch } = sent[index];
	const outcome = sent[index].outcome as Extract<BatchOutcome, { ok: false }>;
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
	const indexes = [...sent.keys()];
	const acceptedBefore = tally(sent, indexes.filter((other) => other < index && sent[other].outcome.ok));
	const lines = [
		acceptedBefore.batches
			? `Accepted before it: ${batchCount(acceptedBefore.batches)} (${skuCount(acceptedBefore.skus)}); they stay applied, as with Incremental on each batch adds to bolttech's list.`
			: 'No batch was accepted before it.',
		outcome.refused
			? `bolttech refused this batch: its ${skuCount(batch.length)} were not updated.`
			: `bolttech's answer does not say whether it took this batch: its ${skuCount(batch.length)} may or may not be updated.`,
		`${attemptCount(outcome.attempts)}.`,
	];
	if (continueOnFail) {
		lines.push('The batches after it are still sent (Continue On Fail) and report in their own items.');
	} else {
		const failedBefore = indexes.filter((other) => other < index && !sent[other].outcome.ok);
		const acceptedAfter = indexes.filter((other) => other > index && sent[other].outcome.ok);
		const failedAfter = indexes.filter((other) => other > index && !sent[other].outcome.ok);
		// Only possible with several batches in flight: they were sent before this one failed.
		if (failedBefore.length) lines.push(`Also failed before it: ${batchNumbers(failedBefore)} (${skuCount(tally(sent, failedBefore).skus)}); see the SKUs they carried in the run's log.`);
		if (acceptedAfter.length) lines.push(`Accepted after it, as they were in flight with it: ${batchNumbers(acceptedAfter)} (${skuCount(tally(sent, acceptedAfter).skus)}); they stay applied.`);
		if (failedAfter.length) lines.push(`Also failed, in flight with it: ${batchNumbers(failedAfter)} (${skuCount(tally(sent, failedAfter).skus)}), not confirmed as updated.`);
		if (notSent.batches) lines.push(`Not sent: ${batchCount(notSent.batches)} after it (${skuCount(notSent.skus)}).`);
		const acceptedSkus = tally(sent, indexes.filter((other) => sent[other].outcome.ok)).skus;
		lines.push(`${totals.skus - acceptedSkus} of ${skuCount(totals.skus)} are not confirmed as updated; sending the same prices again is safe.`);
	}
	return {
		message: `Price batch ${index + 1} of ${totals.batches} (${skuRange}) failed: ${outcome.error.message}`,
		description: [...lines, ...partnerDetails].join('\n'),
	};
}

/** What bolttech identifies a row's device by: its EAN and its partner device ID, each on its own. */
function identifiersOf(rows: PriceRow[]): string[] {
	const identifiers: string[] = [];
	for (const { wire } of rows) {
		if (wire.ean !== undefined) identifiers.push(`e${wire.ean}`);
		if (wire.partner_device_id !== undefined) identifiers.push(`p${wire.partner_device_id}`);
	}
	return identifiers;
}

/** What happens at bolttech to each batch, for the price memory. */
interface BatchListener {
	accepted(rows: PriceRow[]): void;
	failed(rows: PriceRow[]): void;
}

/**
 * Sends `batches`, one request each, with at most Batches in Flight waiting for bolttech at once,
 * and returns their reports in batch order: one item per accepted batch; a failed batch stops the
 * run (no further batch starts; those in flight are awaited) naming what was and was not done, or
 * with Continue On Fail comes out as one error item per SKU while the later batches are still sent.
 * A batch that names a device (EAN or partner device ID) of a batch still in flight waits for it,
 * so that bolttech ends with the later price of a SKU listed twice, as when batches go one by one.
 */
async function sendBatches(
	context: IExecuteFunctions,
	settings: BatchSettings,
	batches: AsyncIterable<PriceRow[]> | Iterable<PriceRow[]>,
	totals: Totals,
	listener?: BatchListener,
): Promise<INodeExecutionData[]> {
	const continueOnFail = context.continueOnFail();
	const limit = settings.incremental ? settings.batchesInFlight : 1;
	const sent: SentBatch[] = [];
	const inFlight = new Set<Promise<void>>();
	const identifiersInFlight = new Map<string, number>();
	const waitsForEarlier = (identifiers: string[]) => limit > 1 && identifiers.some((identifier) => identifiersInFlight.has(identifier));
	let stopped = false;
	let sentSkus = 0;
	let answered = 0;
	// The first batch goes alone: with OAuth2 it fetches the token that the others then reuse, where
	// batches sent together before any token exists would each fetch one.
	const limitNow = () => (answered ? limit : 1);
	for await (const rows of batches) {
		if (stopped) break;
		const identifiers = limit > 1 ? identifiersOf(rows) : [];
		while (inFlight.size >= limitNow() || (inFlight.size && waitsForEarlier(identifiers))) await Promise.race(inFlight);
		if (stopped) break;
		for (const identifier of identifiers) identifiersInFlight.set(identifier, (identifiersInFlight.get(identifier) ?? 0) + 1);
		const index = sent.length;
		sent.push({ rows, outcome: undefined as unknown as BatchOutcome });
		sentSkus += rows.length;
		const request: Promise<void> = sendBatch(context, settings, priceListBody(settings, rows)).then((outcome) => {
			inFlight.delete(request);
			answered++;
			for (const identifier of identifiers) {
				const count = (identifiersInFlight.get(identifier) as number) - 1;
				if (count) identifiersInFlight.set(identifier, count);
				else identifiersInFlight.delete(identifier);
			}
			sent[index].outcome = outcome;
			if (outcome.ok) listener?.accepted(rows);
			else {
				listener?.failed(rows);
				if (!continueOnFail) stopped = true;
			}
		});
		inFlight.add(request);
	}
	await Promise.all(inFlight);

	const output: INodeExecutionData[] = [];
	const notSent = { batches: totals.batches - sent.length, skus: totals.skus - sentSkus };
	for (const [index, { rows, outcome }] of sent.entries()) {
		const report = {
			batch: index + 1,
			batches: totals.batches,
			skus: rows.length,
			firstSku: skuOf(rows[0]),
			lastSku: skuOf(rows[rows.length - 1]),
			incremental: settings.incremental,
			attempts: outcome.attempts,
		};
		if (outcome.ok) {
			output.push({
				json: { ...report, status: (outcome.answer.status as string | undefined) ?? 'success', response: outcome.answer },
				pairedItem: [...new Set(rows.map((row) => row.itemIndex))].map((item) => ({ item })),
			});
			continue;
		}
		const failure = describeFailure(sent, index, totals, notSent, settings, continueOnFail);
		if (!continueOnFail) {
			outcome.error.message = failure.message;
			outcome.error.description = failure.description;
			outcome.error.context.itemIndex = rows[0].itemIndex;
			throw outcome.error;
		}
		const acceptedBefore = tally(sent, [...sent.keys()].filter((other) => other < index && sent[other].outcome.ok));
		const failedBatch = { ...report, applied: outcome.refused ? 'no' : 'unknown', acceptedBefore };
		for (const row of rows) {
			output.push({
				json: { error: failure.message, description: failure.description, ...failedBatch, ...row.wire },
				pairedItem: { item: row.itemIndex },
			});
		}
	}
	return output;
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
 * Send Only Changed Prices for one run: the memory of the run's product code, what the run does
 * with it, and the report's words for it.
 */
class ChangedPrices implements BatchListener {
	readonly memory: PriceMemory;
	readonly writable: boolean;

	private constructor(
		context: IExecuteFunctions,
		settings: BatchSettings,
		/** Remember In: A File You Keep; without it, the node's static data. */
		private readonly file?: PriceMemoryFile,
	) {
		this.memory = file ? new PriceMemory(file) : PriceMemory.of(context, String(settings.configuration.product_code));
		this.writable = PriceMemory.isWritableIn(context);
	}

	/** Reads the memory from where Remember In says it is. */
	static async open(context: IExecuteFunctions, settings: BatchSettings): Promise<ChangedPrices> {
		const productCode = String(settings.configuration.product_code);
		const file = settings.memoryFile ? await PriceMemoryFile.read(context, productCode, settings.memoryFile.inputField) : undefined;
		return new ChangedPrices(context, settings, file);
	}

	/**
	 * With Remember In: A File You Keep, puts the memory on the first output item: updated after a
	 * production run, as it came in after a manual run or a Dry Run (none counts as empty).
	 */
	async outputMemoryFile(context: IExecuteFunctions, settings: BatchSettings, output: INodeExecutionData[]): Promise<void> {
		if (this.file && settings.memoryFile && output.length) await this.file.attachTo(context, output[0], settings.memoryFile.outputField);
	}

	accepted(rows: PriceRow[]): void {
		this.memory.accepted(rows);
	}

	failed(rows: PriceRow[]): void {
		this.memory.failed(rows);
	}

	/** Saves the memory unless this run only reads it; what the reports say of it. */
	finish(context: IExecuteFunctions): IDataObject {
		if (!this.writable) return { memory: `not changed (${context.getMode()} run)` };
		const leftOut = this.memory.save();
		if (leftOut === undefined) return { memory: 'as before (nothing sent)' };
		return leftOut ? { memory: 'updated', notRemembered: leftOut } : { memory: 'updated' };
	}
}

/**
 * Sends the rows chosen for this run, and with Send Only Changed Prices adds the comparison to
 * every report (or, when nothing is to be sent, reports it alone) and keeps the memory, also when a
 * batch fails.
 */
async function sendRun(
	context: IExecuteFunctions,
	settings: BatchSettings,
	batches: AsyncIterable<PriceRow[]> | Iterable<PriceRow[]>,
	totals: Totals,
	changed?: { prices: ChangedPrices; changes: PriceChanges },
): Promise<INodeExecutionData[]> {
	if (!changed) {
		// Without Send Only Changed Prices, this run's prices are not followed: what the node remembered would go stale.
		if (PriceMemory.isWritableIn(context)) PriceMemory.forget(context, String(settings.configuration.product_code));
		return await sendBatches(context, settings, batches, totals);
	}
	let reports: INodeExecutionData[];
	let memory: IDataObject = {};
	try {
		reports = await sendBatches(context, settings, batches, totals, changed.prices);
	} finally {
		// Also when a batch failed and the run stops: what was accepted before is remembered, the failed batch's SKUs are forgotten.
		memory = changed.prices.finish(context);
	}
	const priceChanges = { ...changed.changes, ...memory };
	if (totals.batches === 0) {
		return [{ json: { batches: 0, skus: 0, incremental: true, status: 'unchanged', priceChanges }, pairedItem: { item: 0 } }];
	}
	for (const report of reports) report.json.priceChanges = priceChanges;
	return reports;
}

/** Dry Run: what Send Only Changed Prices would send, and the counts, without sending or remembering. */
function dryRunReport(
	changed: { prices: ChangedPrices; changes: PriceChanges },
	rowsToSend: PriceRow[],
	batchSize: number,
	settings: BatchSettings,
): INodeExecutionData[] {
	return [
		{
			json: {
				dryRun: true,
				productCode: settings.configuration.product_code as string,
				skusToSend: rowsToSend.length,
				batchesToSend: Math.ceil(rowsToSend.length / batchSize),
				priceChanges: { ...changed.changes, memory: 'not changed (Dry Run)' },
				wouldSend: rowsToSend.map((row) => ({ change: changed.prices.memory.changeOf(row), ...row.wire })),
			},
			pairedItem: { item: 0 },
		},
	];
}

/**
 * Update Prices: every input item is one SKU, or (Map Prices From: File) every row of the first
 * item's price list file. With Incremental on they go to bolttech as price lists of "Batch Size"
 * rows, Batches in Flight of them at once, one request per batch; with it off, as one request.
 * With Send Only Changed Prices only the SKUs new or changed since the prices bolttech last
 * accepted from this node go. Declarative routing sends one request per item, which is why this
 * operation is code.
 */
export async function updatePricesInBatches(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	if (this.getNodeParameter('priceMapping', 0, 'inputFields') === 'file') return await updatePricesFromFile(this);
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const output: INodeExecutionData[] = [];

	let rows: PriceRow[] = [];
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
	const batchSize = batchSizeOf(this, settings, rows.length);
	let changed: { prices: ChangedPrices; changes: PriceChanges } | undefined;
	if (settings.sendOnlyChanged) {
		const prices = await ChangedPrices.open(this, settings);
		for (const row of rows) prices.memory.list(row);
		changed = { prices, changes: prices.memory.changes() };
		rows = rows.filter((row, position) => prices.memory.isToSend(row, position));
	}
	if (changed && settings.dryRun) output.push(...dryRunReport(changed, rows, batchSize, settings));
	else {
		const batches = chunk(rows, batchSize);
		output.push(...(await sendRun(this, settings, batches, { batches: batches.length, skus: rows.length }, changed)));
	}
	await changed?.prices.outputMemoryFile(this, settings, output);
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
 * sent, as with items), and with Send Only Changed Prices lists every SKU's fingerprint; the second
 * sends the batches. With Incremental off the whole list is one request, so its rows are held for it.
 */
async function updatePricesFromFile(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const readRow = fileRowReader(context);
	const settings = readSettings(context);
	const prices = settings.sendOnlyChanged ? await ChangedPrices.open(context, settings) : undefined;
	let skus = 0;
	for await (const { line, values } of fileRecords(context)) {
		const row = readRow(values, line);
		if (row instanceof NodeOperationError) throw row;
		prices?.memory.list(row);
		skus++;
	}
	if (skus === 0) return [[]];
	const batchSize = batchSizeOf(context, settings, skus);
	const changed = prices ? { prices, changes: prices.memory.changes() } : undefined;
	const skusToSend = prices ? prices.memory.rowsToSend() : skus;
	async function* rowsToSend(): AsyncGenerator<PriceRow> {
		let position = 0;
		for await (const { line, values } of fileRecords(context)) {
			const row = readRow(values, line) as PriceRow;
			if (!prices || prices.memory.isToSend(row, position)) yield row;
			position++;
		}
	}
	if (changed && settings.dryRun) {
		const rows: PriceRow[] = [];
		for await (const row of rowsToSend()) rows.push(row);
		const report = dryRunReport(changed, rows, batchSize, settings);
		await changed.prices.outputMemoryFile(context, settings, report);
		return [report];
	}
	async function* batches(): AsyncGenerator<PriceRow[]> {
		let batch: PriceRow[] = [];
		for await (const row of rowsToSend()) {
			batch.push(row);
			if (batch.length === batchSize) {
				yield batch;
				batch = [];
			}
		}
		if (batch.length) yield batch;
	}
	const output = await sendRun(context, settings, batches(), { batches: Math.ceil(skusToSend / batchSize), skus: skusToSend }, changed);
	await changed?.prices.outputMemoryFile(context, settings, output);
	return [output];
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PriceRow } from './priceRows';

/**
 * What "Send Only Changed Prices" remembers: for each SKU whose price bolttech accepted, a
 * fingerprint of the SKU (a 48-bit hash of its EAN and partner device ID) and one of its
 * price (price_net modulo 2^36: exact for any price below 687,194,767.36 in a 2-decimal currency),
 * kept in the node's static data, which n8n saves with the workflow after each production run, or
 * (Remember In: A File You Keep) in a file the workflow passes from one run to the next
 * (priceMemoryFile.ts).
 * Each SKU takes 14 characters of one string per product code: 1.4 MB for 100,000 SKUs.
 */

/** Where the node's static data keeps the memory, by product code. */
const MEMORY_KEY = 'rememberedPrices';
/** The format of a remembered string; another one (or none) counts as no memory at all. */
const FORMAT = 'v1:';
const KEY_CHARACTERS = 8;
const PRICE_CHARACTERS = 6;
const ENTRY_CHARACTERS = KEY_CHARACTERS + PRICE_CHARACTERS;
const PRICE_MODULUS = 2 ** 36;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * At most this many SKUs are remembered per product code (3.5 MB in the saved workflow); SKUs past
 * it, missing ones first, are forgotten and so sent again each run, which is safe (an incremental
 * price list only sets the prices it carries).
 */
export const MAX_REMEMBERED_SKUS = 250_000;

/**
 * A 48-bit hash of `text`: two 32-bit multiply-xorshift lanes mixed at the end (the construction
 * of cyrb53). Not cryptographic, and need not be: SKUs are the user's own, and it is 15 times
 * faster than SHA-1 (30 ms against 480 ms for 300,000 keys), which a 100,000-SKU run computes
 * three times per SKU. Two SKUs of 100,000 share a fingerprint with a chance of 1 in 56,000: a
 * second hash (another seed) tells them apart within a run (PriceMemory.list), and such SKUs are
 * then always sent and never remembered.
 */
function hash48(text: string, seed = 0): number {
	let first = 0xdeadbeef ^ seed;
	let second = 0x41c6ce57 ^ seed;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		first = Math.imul(first ^ code, 2654435761);
		second = Math.imul(second ^ code, 1597334677);
	}
	first = Math.imul(first ^ (first >>> 16), 2246822507) ^ Math.imul(second ^ (second >>> 13), 3266489909);
	second = Math.imul(second ^ (second >>> 16), 2246822507) ^ Math.imul(first ^ (first >>> 13), 3266489909);
	return ((second >>> 0) % 65536) * 4294967296 + (first >>> 0);
}

/** The SKU's identity as bolttech knows it: its EAN and partner device ID, either may be absent. */
export function skuKeyOf(row: PriceRow): number {
	return hash48(skuText(row));
}

const skuText = (row: PriceRow) => `${row.wire.ean ?? ''}\u0000${row.wire.partner_device_id ?? ''}`;

export function priceFingerprintOf(row: PriceRow): number {
	return row.wire.price_net % PRICE_MODULUS;
}

const CODE_OF_DIGIT = Buffer.from(BASE64URL, 'latin1');
const DIGIT_OF_CODE = new Int8Array(128).fill(-1);
for (const [digit, code] of CODE_OF_DIGIT.entries()) DIGIT_OF_CODE[code] = digit;

function encodeInto(bytes: Buffer, offset: number, value: number, characters: number): void {
	for (let position = characters - 1; position >= 0; position--) {
		bytes[offset + position] = CODE_OF_DIGIT[value % 64];
		value = Math.floor(value / 64);
	}
}

function decode(text: string, start: number, characters: number): number | undefined {
	let value = 0;
	for (let position = start; position < start + characters; position++) {
		const code = text.charCodeAt(position);
		const digit = code < 128 ? DIGIT_OF_CODE[code] : -1;
		if (digit < 0) return undefined;
		value = value * 64 + digit;
	}
	return value;
}

/** A remembered string as a map of SKU fingerprint to price fingerprint, or undefined if it is not one. */
export function parseMemory(text: unknown): Map<number, number> | undefined {
	if (typeof text !== 'string' || !text.startsWith(FORMAT) || (text.length - FORMAT.length) % ENTRY_CHARACTERS !== 0) return undefined;
	const memory = new Map<number, number>();
	for (let start = FORMAT.length; start < text.length; start += ENTRY_CHARACTERS) {
		const key = decode(text, start, KEY_CHARACTERS);
		const price = decode(text, start + KEY_CHARACTERS, PRICE_CHARACTERS);
		if (key === undefined || price === undefined) return undefined;
		memory.set(key, price);
	}
	return memory;
}

/** A remembered string as a map; a damaged or foreign one is no memory: everything is sent, which is safe. */
export function decodeMemory(text: unknown): Map<number, number> {
	return parseMemory(text) ?? new Map();
}

/** The map as one string of base64url characters (no escaping in JSON): 14 per SKU. */
export function encodeMemory(memory: Map<number, number>): string {
	const bytes = Buffer.allocUnsafe(memory.size * ENTRY_CHARACTERS);
	let offset = 0;
	for (const [key, price] of memory) {
		encodeInto(bytes, offset, key, KEY_CHARACTERS);
		encodeInto(bytes, offset + KEY_CHARACTERS, price, PRICE_CHARACTERS);
		offset += ENTRY_CHARACTERS;
	}
	return FORMAT + bytes.toString('latin1');
}

/** How this run's SKUs compare with the memory. */
export interface PriceChanges {
	new: number;
	changed: number;
	unchanged: number;
	/** Remembered SKUs this run's list does not hold (they keep their entry: bolttech keeps their price). */
	missingFromInput: number;
	/**
	 * SKUs the memory held when the run started. 0 says why every SKU is new: a first run, a reset
	 * memory, or an n8n that starts the run without the workflow's static data (n8n 2.40.7 on a
	 * queue-mode worker, test/e2e-queue/priceListFile.e2e.ts).
	 */
	rememberedBeforeRun: number;
}

/**
 * Where the memory of one product code is kept between runs: the node's static data
 * (staticDataStore), or a file the user's workflow keeps (priceMemoryFile.ts).
 */
export interface MemoryStore {
	/** The remembered string, or anything else (nothing, another format) for no memory. */
	load(): unknown;
	save(remembered: string): void;
}

/** The memory of `productCode` in the node's static data, under rememberedPrices. */
export function staticDataStore(context: IExecuteFunctions, productCode: string): MemoryStore {
	const staticData = context.getWorkflowStaticData('node');
	return {
		load: () => (staticData[MEMORY_KEY] as IDataObject | undefined)?.[productCode],
		save: (remembered) => {
			const byProduct = (staticData[MEMORY_KEY] ?? {}) as IDataObject;
			staticData[MEMORY_KEY] = { ...byProduct, [productCode]: remembered };
		},
	};
}

/**
 * The memory of one product code, in a MemoryStore. Manual runs (and evaluations) read it
 * and never write it: n8n 2.x does not save the static data of a manual execution (its
 * hookFunctionsSave and hookFunctionsSaveWorker skip mode "manual"; measured in n8n 2.40.7 with
 * this check forced off: test/e2e/changedPrices.e2e.ts still found the saved memory unchanged after
 * the manual run), and the node does not even change it then, so a test run in the editor never
 * changes what production runs remember, whatever a later n8n does.
 */
export class PriceMemory {
	private readonly remembered: Map<number, number>;
	/** SKU fingerprint → price fingerprint of the last occurrence of each SKU in this run's list. */
	private readonly listed = new Map<number, number>();
	/** SKU fingerprint → the position in the list of its last occurrence. */
	private readonly lastPosition = new Map<number, number>();
	/** SKU fingerprint → a second hash of the SKU, which tells two SKUs of one fingerprint apart. */
	private readonly secondHash = new Map<number, number>();
	/** Fingerprints that two SKUs of this run's list share: their rows are all sent, and not remembered. */
	private readonly shared = new Set<number>();
	/** SKU fingerprint → how many rows of the list carry it. */
	private readonly occurrences = new Map<number, number>();
	private rowsListed = 0;
	private changedSinceLoad = false;

	constructor(private readonly store: MemoryStore) {
		this.remembered = decodeMemory(store.load());
	}

	/** The memory of `productCode` in the node's static data. */
	static of(context: IExecuteFunctions, productCode: string): PriceMemory {
		return new PriceMemory(staticDataStore(context, productCode));
	}

	static isWritableIn(context: IExecuteFunctions): boolean {
		return !['manual', 'evaluation'].includes(context.getMode());
	}

	get size(): number {
		return this.remembered.size;
	}

	/** Notes the next row of this run's list; a later row of the same SKU replaces an earlier one. */
	list(row: PriceRow): void {
		const key = skuKeyOf(row);
		const second = hash48(skuText(row), 0x5bd1e995);
		const known = this.secondHash.get(key);
		if (known === undefined) this.secondHash.set(key, second);
		else if (known !== second) this.shared.add(key);
		this.listed.set(key, priceFingerprintOf(row));
		this.lastPosition.set(key, this.rowsListed++);
		this.occurrences.set(key, (this.occurrences.get(key) ?? 0) + 1);
	}

	/** How many rows of the list isToSend takes: one per new or changed SKU, every row of a shared fingerprint. */
	rowsToSend(): number {
		let rows = 0;
		for (const [key, price] of this.listed) {
			if (this.shared.has(key)) rows += this.occurrences.get(key) as number;
			else if (this.remembered.get(key) !== price) rows++;
		}
		return rows;
	}

	/**
	 * Whether the row at `position` of the list (0-based, as listed) is to be sent: it is the last
	 * of its SKU in the list (bolttech ends with the list's last price of a SKU) and its price is not
	 * the remembered one.
	 */
	isToSend(row: PriceRow, position: number): boolean {
		const key = skuKeyOf(row);
		// Rows of SKUs that share a fingerprint all go, in list order: Batches in Flight keeps them in order.
		if (this.shared.has(key)) return true;
		return this.lastPosition.get(key) === position && this.remembered.get(key) !== priceFingerprintOf(row);
	}

	/** Whether the SKU of a row to send is new to the memory or has another price there. */
	changeOf(row: PriceRow): 'new' | 'changed' {
		return this.remembered.has(skuKeyOf(row)) ? 'changed' : 'new';
	}

	/** Counts new, changed and unchanged SKUs of the list (each SKU once), and remembered ones missing from it. */
	changes(): PriceChanges {
		const changes: PriceChanges = { new: 0, changed: 0, unchanged: 0, missingFromInput: 0, rememberedBeforeRun: this.remembered.size };
		for (const [key, price] of this.listed) {
			const remembered = this.remembered.get(key);
			if (remembered === undefined) changes.new++;
			else if (remembered === price) changes.unchanged++;
			else changes.changed++;
		}
		for (const key of this.remembered.keys()) if (!this.listed.has(key)) changes.missingFromInput++;
		return changes;
	}

	/** bolttech accepted these rows: their prices are what it holds. */
	accepted(rows: PriceRow[]): void {
		for (const row of rows) {
			const key = skuKeyOf(row);
			if (this.shared.has(key)) this.remembered.delete(key);
			else this.remembered.set(key, priceFingerprintOf(row));
		}
		this.changedSinceLoad = true;
	}

	/** bolttech refused these rows, or may or may not have taken them: forget them so that they are sent again. */
	failed(rows: PriceRow[]): void {
		for (const row of rows) this.remembered.delete(skuKeyOf(row));
		this.changedSinceLoad = true;
	}

	/**
	 * Writes the memory back to its store, within MAX_REMEMBERED_SKUS (the SKUs of this
	 * run's list kept first); answers how many SKUs had to be left out, or undefined when nothing
	 * changed (no batch was sent) and nothing was written.
	 */
	save(): number | undefined {
		if (!this.changedSinceLoad) return undefined;
		let kept = this.remembered;
		if (kept.size > MAX_REMEMBERED_SKUS) {
			kept = new Map();
			for (const key of this.listed.keys()) {
				const price = this.remembered.get(key);
				if (price !== undefined && kept.size < MAX_REMEMBERED_SKUS) kept.set(key, price);
			}
			for (const [key, price] of this.remembered) if (kept.size < MAX_REMEMBERED_SKUS && !kept.has(key)) kept.set(key, price);
		}
		this.store.save(encodeMemory(kept));
		return this.remembered.size - kept.size;
	}

	/** Drops what the node remembers for the product code (a run that does not keep it up to date). */
	static forget(context: IExecuteFunctions, productCode: string): void {
		const store = context.getWorkflowStaticData('node');
		const byProduct = store[MEMORY_KEY] as IDataObject | undefined;
		if (!byProduct || !(productCode in byProduct)) return;
		const rest = { ...byProduct };
		delete rest[productCode];
		store[MEMORY_KEY] = rest;
	}
}

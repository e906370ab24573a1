import { createHash } from 'node:crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PriceRow } from './priceRows';

/**
 * What "Send Only Changed Prices" remembers: for each SKU whose price bolttech accepted, a
 * fingerprint of the SKU (48 bits of the SHA-1 of its EAN and partner device ID) and one of its
 * price (price_net modulo 2^36: exact for any price below 687,194,767.36 in a 2-decimal currency),
 * kept in the node's static data, which n8n saves with the workflow after each production run.
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
const DIGIT_OF = new Map([...BASE64URL].map((character, digit) => [character, digit]));

/**
 * At most this many SKUs are remembered per product code (3.5 MB in the saved workflow); SKUs past
 * it, missing ones first, are forgotten and so sent again each run, which is safe (an incremental
 * price list only sets the prices it carries).
 */
export const MAX_REMEMBERED_SKUS = 250_000;

/** The SKU's identity as bolttech knows it: its EAN and partner device ID, either may be absent. */
export function skuKeyOf(row: PriceRow): number {
	const digest = createHash('sha1').update(`${row.wire.ean ?? ''}\u0000${row.wire.partner_device_id ?? ''}`).digest();
	return digest.readUIntBE(0, 6);
}

export function priceFingerprintOf(row: PriceRow): number {
	return row.wire.price_net % PRICE_MODULUS;
}

function encode(value: number, characters: number, into: string[]): void {
	for (let position = characters - 1; position >= 0; position--) into.push(BASE64URL[Math.floor(value / 64 ** position) % 64]);
}

function decode(text: string, start: number, characters: number): number | undefined {
	let value = 0;
	for (let position = start; position < start + characters; position++) {
		const digit = DIGIT_OF.get(text[position]);
		if (digit === undefined) return undefined;
		value = value * 64 + digit;
	}
	return value;
}

/** A remembered string as a map of SKU fingerprint to price fingerprint; empty if it is not one. */
export function decodeMemory(text: unknown): Map<number, number> {
	const memory = new Map<number, number>();
	if (typeof text !== 'string' || !text.startsWith(FORMAT) || (text.length - FORMAT.length) % ENTRY_CHARACTERS !== 0) return memory;
	for (let start = FORMAT.length; start < text.length; start += ENTRY_CHARACTERS) {
		const key = decode(text, start, KEY_CHARACTERS);
		const price = decode(text, start + KEY_CHARACTERS, PRICE_CHARACTERS);
		// A damaged memory is no memory: everything is sent, which is safe.
		if (key === undefined || price === undefined) return new Map();
		memory.set(key, price);
	}
	return memory;
}

export function encodeMemory(memory: Map<number, number>): string {
	const characters: string[] = [FORMAT];
	for (const [key, price] of memory) {
		encode(key, KEY_CHARACTERS, characters);
		encode(price, PRICE_CHARACTERS, characters);
	}
	return characters.join('');
}

/** How this run's SKUs compare with the memory. */
export interface PriceChanges {
	new: number;
	changed: number;
	unchanged: number;
	/** Remembered SKUs this run's list does not hold (they keep their entry: bolttech keeps their price). */
	missingFromInput: number;
}

/**
 * The memory of one product code in the node's static data. Manual runs (and evaluations) read it
 * and never write it: n8n 2.x does not save the static data of a manual execution (its
 * hookFunctionsSave skips mode "manual"), and the node does not even change it then, so a test run
 * in the editor never changes what production runs remember.
 */
export class PriceMemory {
	private readonly remembered: Map<number, number>;
	/** SKU fingerprint → price fingerprint of the last occurrence of each SKU in this run's list. */
	private readonly listed = new Map<number, number>();
	/** SKU fingerprint → the position in the list of its last occurrence. */
	private readonly lastPosition = new Map<number, number>();
	private rowsListed = 0;
	private changedSinceLoad = false;

	private constructor(
		private readonly store: IDataObject | undefined,
		private readonly productCode: string,
	) {
		const byProduct = store?.[MEMORY_KEY] as IDataObject | undefined;
		this.remembered = decodeMemory(byProduct?.[productCode]);
	}

	/** The memory of `productCode`; `writable` is false in manual runs. */
	static of(context: IExecuteFunctions, productCode: string): PriceMemory {
		return new PriceMemory(context.getWorkflowStaticData('node'), productCode);
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
		this.listed.set(key, priceFingerprintOf(row));
		this.lastPosition.set(key, this.rowsListed++);
	}

	/**
	 * Whether the row at `position` of the list (0-based, as listed) is to be sent: it is the last
	 * of its SKU in the list (bolttech ends with the list's last price of a SKU) and its price is not
	 * the remembered one.
	 */
	isToSend(row: PriceRow, position: number): boolean {
		const key = skuKeyOf(row);
		return this.lastPosition.get(key) === position && this.remembered.get(key) !== priceFingerprintOf(row);
	}

	/** Whether the SKU of a row to send is new to the memory or has another price there. */
	changeOf(row: PriceRow): 'new' | 'changed' {
		return this.remembered.has(skuKeyOf(row)) ? 'changed' : 'new';
	}

	/** Counts new, changed and unchanged SKUs of the list (each SKU once), and remembered ones missing from it. */
	changes(): PriceChanges {
		const changes: PriceChanges = { new: 0, changed: 0, unchanged: 0, missingFromInput: 0 };
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
		for (const row of rows) this.remembered.set(skuKeyOf(row), priceFingerprintOf(row));
		this.changedSinceLoad = true;
	}

	/** bolttech refused these rows, or may or may not have taken them: forget them so that they are sent again. */
	failed(rows: PriceRow[]): void {
		for (const row of rows) this.remembered.delete(skuKeyOf(row));
		this.changedSinceLoad = true;
	}

	/**
	 * Writes the memory back to the node's static data, within MAX_REMEMBERED_SKUS (the SKUs of this
	 * run's list kept first); answers how many SKUs had to be left out.
	 */
	save(): number {
		if (!this.changedSinceLoad || !this.store) return 0;
		let kept = this.remembered;
		if (kept.size > MAX_REMEMBERED_SKUS) {
			kept = new Map();
			for (const key of this.listed.keys()) {
				const price = this.remembered.get(key);
				if (price !== undefined && kept.size < MAX_REMEMBERED_SKUS) kept.set(key, price);
			}
			for (const [key, price] of this.remembered) if (kept.size < MAX_REMEMBERED_SKUS && !kept.has(key)) kept.set(key, price);
		}
		const byProduct = (this.store[MEMORY_KEY] ?? {}) as IDataObject;
		this.store[MEMORY_KEY] = { ...byProduct, [this.productCode]: encodeMemory(kept) };
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

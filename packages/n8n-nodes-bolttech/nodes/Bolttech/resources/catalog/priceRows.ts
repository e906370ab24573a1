import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { isEan } from '../../checkDigits';
import { invalidInput } from '../../../shared/validation/invalidInput';
import { optionalText } from '../../../shared/validation/valueChecks';

/** One row of the bolttech Catalog API (v4.1) and Verify IMEI (v4)'s asset_model_prices, with the input item it came from. */
export interface PriceRow {
	itemIndex: number;
	/** The row as it goes over the wire (snake_case), built once during validation. */
	wire: { ean?: string; partner_device_id?: string; price_net: number };
}

export type PriceMapping = 'inputFields' | 'expressions' | 'file';

/** The SKU a user recognises a row by: partner device ID, else EAN. */
export function skuOf(row: PriceRow): string {
	return row.wire.partner_device_id ?? row.wire.ean ?? `item ${row.itemIndex}`;
}

/**
 * A reader of `a.b.c` from an item's JSON; the path is split once, not once per item. Only the
 * item's own keys are read: a path `constructor` or `toString` finds nothing rather than
 * Object.prototype's function.
 */
function fieldReader(path: string): (json: IDataObject) => unknown {
	if (!path) return () => undefined;
	const keys = path.split('.');
	const ownValue = (object: IDataObject, key: string) => (Object.hasOwn(object, key) ? object[key] : undefined);
	if (keys.length === 1) return (json) => ownValue(json, path);
	return (json) => {
		let value: unknown = json;
		for (const key of keys) {
			if (typeof value !== 'object' || value === null) return undefined;
			value = ownValue(value as IDataObject, key);
		}
		return value;
	};
}

interface PriceRules {
	node: INode;
	unit: 'minor' | 'major';
	decimalPlaces: number;
	validateEanCheckDigit: boolean;
}

/** Validates the raw values of one SKU; positional, as this runs once per SKU of a large sync. */
function toPriceRow(
	rawEan: unknown,
	rawPartnerDeviceId: unknown,
	rawPrice: unknown,
	itemIndex: number,
	rules: PriceRules,
): PriceRow {
	const { node } = rules;
	// Text or a number (IDs from spreadsheets), never an object or true/false: String() would send
	// "[object Object]" or "true" as the device's identifier.
	const ean = optionalText(rawEan, 'EAN', node, itemIndex, '');
	const partnerDeviceId = optionalText(rawPartnerDeviceId, 'Partner Device ID', node, itemIndex, '');
	if (!ean && !partnerDeviceId) {
		throw invalidInput(
			node,
			itemIndex,
			'EAN',
			'and "Partner Device ID" are both empty',
			'bolttech identifies a device by its EAN or your partner device ID: map at least one of them.',
		);
	}
	if (ean && !(rules.validateEanCheckDigit ? isEan(ean) : /^(\d{8}|\d{13})$/.test(ean))) {
		throw invalidInput(
			node,
			itemIndex,
			'EAN',
			`"${ean}" is not a valid EAN-8 or EAN-13`,
			'An EAN has 8 or 13 digits and ends with its GS1 check digit; check for a typo or a dropped leading zero. If bolttech really holds this EAN, turn off "Validate EAN Check Digits".',
		);
	}

	const price = typeof rawPrice === 'number' ? rawPrice : Number(String(rawPrice ?? '').trim() || NaN);
	if (!Number.isFinite(price) || price < 0) {
		throw invalidInput(
			node,
			itemIndex,
			'Net Price',
			`must be a non-negative number, got ${JSON.stringify(rawPrice)}`,
			'Map a number such as 899900 (minor units) or 8999.00 (major units).',
		);
	}
	let priceNetMinorUnits = price;
	if (rules.unit === 'major') {
		const scaled = price * 10 ** rules.decimalPlaces;
		priceNetMinorUnits = Math.round(scaled);
		if (Math.abs(scaled - priceNetMinorUnits) > 1e-6) {
			throw invalidInput(
				node,
				itemIndex,
				'Net Price',
				`${price} has more than ${rules.decimalPlaces} decimal places`,
				'Round the price to the currency\'s decimal places, or change "Decimal Places".',
			);
		}
	} else if (!Number.isInteger(price)) {
		throw invalidInput(
			node,
			itemIndex,
			'Net Price',
			`${price} is not a whole number of minor units`,
			'Send cents as a whole number (899900), or switch "Price Unit" to Major Units.',
		);
	}
	// Keys in the bolttech Catalog API (v4.1) and Verify IMEI (v4)'s order: ean, partner_device_id, price_net.
	const wire = (ean ? { ean } : {}) as PriceRow['wire'];
	if (partnerDeviceId) wire.partner_device_id = partnerDeviceId;
	wire.price_net = priceNetMinorUnits;
	return { itemIndex, wire };
}

/** The price checks the node's settings ask for, read once per run. */
function priceRulesOf(context: IExecuteFunctions): PriceRules {
	const options = context.getNodeParameter('priceSyncOptions', 0, {}) as { validateEanCheckDigit?: boolean };
	const unit = context.getNodeParameter('priceUnit', 0, 'minor') as 'minor' | 'major';
	return {
		node: context.getNode(),
		unit,
		decimalPlaces: unit === 'major' ? (context.getNodeParameter('decimalPlaces', 0, 2) as number) : 0,
		validateEanCheckDigit: options.validateEanCheckDigit ?? true,
	};
}

/** Readers of the three fields (input fields, or a file's columns) the node names. */
function namedFieldReaders(context: IExecuteFunctions) {
	return {
		readEan: fieldReader(String(context.getNodeParameter('eanField', 0, 'ean'))),
		readPartnerDeviceId: fieldReader(String(context.getNodeParameter('partnerDeviceIdField', 0, 'partner_device_id'))),
		readNetPrice: fieldReader(String(context.getNodeParameter('netPriceField', 0, 'price_net'))),
	};
}

/**
 * Returns a reader that gives the validated price row of an input item, or the error naming the
 * item and field. "Input Fields" mapping reads the named fields of each item directly, which keeps
 * a 100,000-SKU sync fast; "Expressions" evaluates the three fields per item, as n8n usually does.
 */
export function priceRowReader(context: IExecuteFunctions): (itemIndex: number) => PriceRow | NodeOperationError {
	const rules = priceRulesOf(context);
	const mapping = context.getNodeParameter('priceMapping', 0, 'inputFields') as PriceMapping;
	let rowOf: (itemIndex: number) => PriceRow;
	if (mapping === 'inputFields') {
		const items = context.getInputData();
		const { readEan, readPartnerDeviceId, readNetPrice } = namedFieldReaders(context);
		rowOf = (itemIndex) => {
			const json = items[itemIndex].json;
			return toPriceRow(readEan(json), readPartnerDeviceId(json), readNetPrice(json), itemIndex, rules);
		};
	} else {
		rowOf = (itemIndex) =>
			toPriceRow(
				context.getNodeParameter('ean', itemIndex, ''),
				context.getNodeParameter('partnerDeviceId', itemIndex, ''),
				context.getNodeParameter('netPrice', itemIndex, ''),
				itemIndex,
				rules,
			);
	}
	return (itemIndex) => {
		try {
			return rowOf(itemIndex);
		} catch (error) {
			if (error instanceof NodeOperationError) return error;
			return new NodeOperationError(rules.node, error as Error, { itemIndex });
		}
	};
}

/**
 * Returns a reader that gives the validated price row of a record of a price list file (CSV with
 * its header's column names, or a JSON Lines object), or the error naming the file's line and the
 * field. The checks are those of an input item's row; the rows count as the first item's.
 */
export function fileRowReader(context: IExecuteFunctions): (record: Record<string, unknown>, line: number) => PriceRow | NodeOperationError {
	const rules = priceRulesOf(context);
	const { readEan, readPartnerDeviceId, readNetPrice } = namedFieldReaders(context);
	const decimalComma = context.getNodeParameter('decimalSeparator', 0, '.') === ',';
	return (record, line) => {
		const rawPrice = readNetPrice(record as IDataObject);
		const price = decimalComma && typeof rawPrice === 'string' ? rawPrice.replace(',', '.') : rawPrice;
		try {
			return toPriceRow(readEan(record as IDataObject), readPartnerDeviceId(record as IDataObject), price, 0, rules);
		} catch (error) {
			// The checks name "Item 0", the item holding the file; a row is found by its line.
			const message = (error as Error).message.replace(/^Item 0: /, `Line ${line} of the price list file: `);
			return new NodeOperationError(rules.node, message, { itemIndex: 0, description: (error as NodeOperationError).description ?? undefined });
		}
	};
}

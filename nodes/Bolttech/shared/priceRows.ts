import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { isEan } from '../../shared/checkDigits';
import { invalidInput } from '../../shared/invalidInput';

/** One row of seed 001's asset_model_prices, with the input item it came from. */
export interface PriceRow {
	itemIndex: number;
	ean?: string;
	partnerDeviceId?: string;
	priceNetMinorUnits: number;
}

/** The SKU a user recognises a row by: partner device ID, else EAN. */
export function skuOf(row: PriceRow): string {
	return row.partnerDeviceId ?? row.ean ?? `item ${row.itemIndex}`;
}

function optionalText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	return text.length ? text : undefined;
}

/** The validated price row of one input item, or the error that names the item and field. */
export function priceRowOrProblem(context: IExecuteFunctions, itemIndex: number): PriceRow | NodeOperationError {
	try {
		return readPriceRow(context, itemIndex);
	} catch (error) {
		if (error instanceof NodeOperationError) return error;
		return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
	}
}

function readPriceRow(context: IExecuteFunctions, itemIndex: number): PriceRow {
	const node = context.getNode();
	const ean = optionalText(context.getNodeParameter('ean', itemIndex, ''));
	const partnerDeviceId = optionalText(context.getNodeParameter('partnerDeviceId', itemIndex, ''));
	if (!ean && !partnerDeviceId) {
		throw invalidInput(
			node,
			itemIndex,
			'EAN',
			'and "Partner Device ID" are both empty',
			'bolttech identifies a device by its EAN or your partner device ID: map at least one of them.',
		);
	}
	if (ean && !isEan(ean)) {
		throw invalidInput(
			node,
			itemIndex,
			'EAN',
			`"${ean}" is not a valid EAN-8 or EAN-13`,
			'An EAN has 8 or 13 digits and ends with its GS1 check digit; check for a typo or a dropped leading zero.',
		);
	}

	const rawPrice = context.getNodeParameter('netPrice', itemIndex, '') as unknown;
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
	const unit = context.getNodeParameter('priceUnit', itemIndex, 'minor') as 'minor' | 'major';
	let priceNetMinorUnits = price;
	if (unit === 'major') {
		const decimalPlaces = context.getNodeParameter('decimalPlaces', itemIndex, 2) as number;
		const scaled = price * 10 ** decimalPlaces;
		priceNetMinorUnits = Math.round(scaled);
		if (Math.abs(scaled - priceNetMinorUnits) > 1e-6) {
			throw invalidInput(
				node,
				itemIndex,
				'Net Price',
				`${price} has more than ${decimalPlaces} decimal places`,
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
	return { itemIndex, ean, partnerDeviceId, priceNetMinorUnits };
}

import { invalidInput } from '../shared/validation/invalidInput';
import { finiteNumber, requiredText } from '../shared/validation/valueChecks';
import type { ValueCheck } from '../shared/validation/valueChecks';
import { isImei } from './checkDigits';

// Checks of the values of bolttech's own field types, beside the generic ones of
// nodes/shared/valueChecks.ts: each returns the value to send or refuses it, naming item and field.

/** An IMEI: 15 digits ending with a Luhn check digit. */
export const imeiValue: ValueCheck<string> = (value, field, node, itemIndex) => {
	const imei = requiredText(value, field, node, itemIndex);
	if (!isImei(imei)) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			`"${imei.length > 20 ? `${imei.slice(0, 20)}…` : imei}" is not a valid IMEI`,
			'An IMEI has exactly 15 digits and ends with a Luhn check digit; check for typos or a missing digit.',
		);
	}
	return imei;
};

/** What the customer paid: a number, not below 0. */
export const purchasePriceValue: ValueCheck<number> = (value, field, node, itemIndex) => {
	const price = finiteNumber(value, field, node, itemIndex);
	if (price < 0) throw invalidInput(node, itemIndex, field, `(${price}) is below 0`, 'Give what the customer paid, e.g. 1199.99.');
	return price;
};

/**
 * An action id as the bolttech Actions API spells them (GeneralActionEnum: imei_verification,
 * document_validation): lower-case words joined by underscores.
 */
export const actionIdValue: ValueCheck<string> = (value, field, node, itemIndex) => {
	const actionId = requiredText(value, field, node, itemIndex);
	if (!/^[a-z0-9_]+$/.test(actionId)) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			`"${actionId.length > 40 ? `${actionId.slice(0, 40)}…` : actionId}" is not an action id`,
			'bolttech action ids are lower-case words joined by underscores, e.g. imei_verification; use the id bolttech gave you.',
		);
	}
	return actionId;
};

import type { IDataObject } from 'n8n-workflow';

import { isImei } from '../../checkDigits';
import { invalidInput } from '../../../shared/validation/invalidInput';
import { toTrimmedList } from '../../listInput';
import { listOf, requiredText } from '../../../shared/validation/valueChecks';
import { actionRequest } from './actionRequest';
import type { BolttechOperation, RequestItem } from './actionRequest';

const showOnlyForVerifyImeis = { show: { resource: ['action'], operation: ['verifyImeis'] } };

export const verifyImeis: BolttechOperation = {
	option: {
		name: 'Verify IMEIs',
		value: 'verifyImeis',
		action: 'Verify IMEIs',
		description: 'Look up one or many IMEIs and return the device models of each',
	},
	request: actionRequest('imei_verification'),
	buildBody: buildImeiVerificationPayload,
	itemsOf: splitResultsPerImei,
	fields: [
		{
			displayName: 'Country Code',
			name: 'countryCode',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'ES',
			description: 'Country of the devices, as two letters (ISO 3166 alpha-2)',
			displayOptions: showOnlyForVerifyImeis,
		},
		{
			displayName: 'IMEIs',
			name: 'imeis',
			type: 'string',
			default: '',
			required: true,
			placeholder: '861248007147070, 356938035643809',
			description:
				'One or many 15-digit IMEIs, separated by commas or new lines, or an array from an expression',
			displayOptions: showOnlyForVerifyImeis,
		},
	],
};

/** Validates country and IMEIs, then writes the bolttech Actions API payload `{country_code, imei[]}`. */
export function buildImeiVerificationPayload(body: IDataObject, { node, itemIndex, parameter }: RequestItem): void {
	const countryCode = requiredText(parameter('countryCode'), 'Country Code', node, itemIndex);
	if (!/^[A-Za-z]{2}$/.test(countryCode)) {
		throw invalidInput(
			node,
			itemIndex,
			'Country Code',
			`must be two letters, got "${countryCode.slice(0, 20)}"`,
			'Use the ISO 3166 alpha-2 code of the country, for example ES, PT or SG.',
		);
	}
	// Text may hold several IMEIs separated by commas or new lines; a list holds one per entry.
	const given = parameter('imeis');
	const imeis = typeof given === 'string' ? toTrimmedList(given) : listOf(requiredText)(given, 'IMEIs', node, itemIndex, '');
	if (imeis.length === 0) {
		throw invalidInput(node, itemIndex, 'IMEIs', 'is empty', 'Enter at least one 15-digit IMEI.');
	}
	const invalid = imeis.filter((imei) => !isImei(imei));
	if (invalid.length) {
		const shown = invalid.slice(0, 5).map((imei) => (imei.length > 20 ? `${imei.slice(0, 20)}…` : imei));
		throw invalidInput(
			node,
			itemIndex,
			'IMEIs',
			`has ${invalid.length} invalid IMEI(s): ${shown.join(', ')}${invalid.length > 5 ? ', …' : ''}`,
			'Each IMEI has exactly 15 digits and ends with a valid Luhn check digit; check for typos or a missing digit.',
		);
	}
	body.payload = { country_code: countryCode.toUpperCase(), imei: imeis };
}

/** One output item per verified IMEI, carrying its device models (the bolttech Actions API response). */
export function splitResultsPerImei(body: IDataObject): IDataObject[] | undefined {
	const results = Array.isArray(body?.payload) ? (body.payload as IDataObject[]) : [];
	const actionId = (body?.configuration as IDataObject | undefined)?.action_id;
	if (results.length === 0) return undefined;
	return results.map((result) => ({ action_id: actionId, ...result }));
}

import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { readListPages } from './listPaging';

/** What a record is cut down to when "Simplify" is on. */
export type RecordSimplifier = (record: IDataObject) => IDataObject;

/** n8n's "Simplify" switch of the Get and Get Many operations of large records (on by default, as n8n's nodes have it). */
export const SIMPLIFY: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

const objectOf = (value: unknown): IDataObject => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : {});
const listOf = (value: unknown): IDataObject[] => (Array.isArray(value) ? value.map(objectOf) : []);

/**
 * Only the fields a record has, so a simplified record never shows fields Afosto did not send.
 * A plain loop: it runs once per record of a Return All (entries/filter/fromEntries took a tenth
 * of a 50,000-order list's node time in a CPU profile).
 */
function present(fields: IDataObject): IDataObject {
	const kept: IDataObject = {};
	for (const key in fields) if (fields[key] !== undefined) kept[key] = fields[key];
	return kept;
}

/**
 * An order as a workflow usually needs it: which order (id, number), where it stands (state's
 * type, flags and progress), who ordered (contact and organisation IDs: the Afosto API reference's
 * order carries no name or e-mail address, those are the contact's), where (channel), its tags,
 * and what it costs: the amount (minor units) and currency of its newest calculation, since the
 * reference puts an order's totals in its calculations. The flow, acceptances, processing settings
 * and the other calculations stay in the raw record.
 */
export const simplifyOrder: RecordSimplifier = (order) => {
	const state = objectOf(order.state);
	const settings = objectOf(order.settings);
	const calculations = listOf(order.calculations);
	const newest = calculations.filter((calculation) => calculation.is_valid !== false).at(-1) ?? calculations.at(-1) ?? {};
	return present({
		id: order.id,
		number: order.number,
		type: state.type ?? order.type,
		is_accepted: state.is_accepted,
		is_confirmed: state.is_confirmed,
		is_finished: state.is_finished,
		is_canceled: state.is_canceled,
		progress: state.progress,
		contact_id: objectOf(settings.contact).id,
		organisation_id: objectOf(settings.organisation).id,
		channel_id: order.channel_id,
		amount: newest.amount,
		currency: newest.currency,
		tags: order.tags,
	});
};

/**
 * A contact as a workflow usually needs it: who (names, e-mail address, guest or not, audience),
 * its tags, and its primary organisation's id and name; addresses, phone numbers and the
 * organisation's payment settings stay in the raw record.
 */
export const simplifyContact: RecordSimplifier = (contact) => {
	const primary = objectOf(objectOf(contact.organisations).primary);
	return present({
		id: contact.id,
		email: contact.email,
		given_name: contact.given_name,
		additional_name: contact.additional_name,
		family_name: contact.family_name,
		is_guest: contact.is_guest,
		audience: contact.audience,
		tags: contact.tags,
		organisation_id: primary.id,
		organisation_name: primary.name,
	});
};

const simplifyOn = (context: IExecuteSingleFunctions | IExecutePaginationFunctions) => context.getNodeParameter('simplify', true) === true;

/** postReceive of a Get: the record simplified when "Simplify" is on, as Afosto answered it when off. */
export function outputSimplified(simplify: RecordSimplifier) {
	return async function outputSimplifiedRecord(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		if (!simplifyOn(this)) return items;
		return items.map((item) => ({ ...item, json: simplify(item.json) }));
	};
}

/** Paging of a Get Many (followPageCursor's), each record simplified when "Simplify" is on, Return All included. */
export function followPageCursorSimplified(simplify: RecordSimplifier) {
	return async function followPageCursorAndSimplify(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		return await readListPages(this, requestData, simplifyOn(this) ? simplify : undefined);
	};
}

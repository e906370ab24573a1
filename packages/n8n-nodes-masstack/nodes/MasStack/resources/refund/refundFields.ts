import type { INodeProperties } from 'n8n-workflow';

import {
	amountFields,
	billableField,
	billingDateField,
	billingAdditionalFields,
} from '../../fields/billingFields';
import { bodyTextField, requiredBodyText } from '../../fields/bodyTextField';

const forSubscribable = { resource: ['refund'], operation: ['create'] };
const forNonSubscribable = { resource: ['refund'], operation: ['createNonSubscribable'] };
const forEveryRefund = { resource: ['refund'] };

export const refundBodyFields: INodeProperties[] = [
	billingDateField(forEveryRefund, 'Refund Date', 'refundDatetime', 'refund_datetime'),
	...amountFields(forEveryRefund),
	requiredBodyText(
		forEveryRefund,
		'Movement ID',
		'refundedMovementId',
		'movement_id',
		'The movement_id of the billing movement being refunded',
	),
	requiredBodyText(
		forSubscribable,
		'External Refund Unique ID',
		'externalRefundUniqueId',
		'external_refund_unique_id',
		'Your own unique ID for this refund',
	),
	billableField(forSubscribable),
	requiredBodyText(
		forNonSubscribable,
		'Transaction Type ID',
		'transactionTypeId',
		'transaction_type_id',
		'The transaction type MasStack agreed with you for this refund',
	),
	billingAdditionalFields(forSubscribable, []),
	billingAdditionalFields(forNonSubscribable, [
		bodyTextField('External Refund Unique ID', 'externalRefundUniqueId', 'external_refund_unique_id', 'Your own unique ID for this refund'),
	]),
];

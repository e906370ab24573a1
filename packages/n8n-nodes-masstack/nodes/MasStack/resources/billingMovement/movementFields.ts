import type { INodeProperties } from 'n8n-workflow';

import { enumValue, sendChecked } from '../../../shared/validation/valueChecks';
import {
	amountFields,
	billableField,
	billingDateField,
	billingAdditionalFields,
} from '../../fields/billingFields';
import { bodyTextField, requiredBodyText } from '../../fields/bodyTextField';

/** The MasStack partner API v2's movement `type` enum. */
const MOVEMENT_TYPES = [
	{ name: 'Recurring Charge', value: 'RECURRING_CHARGE' },
	{ name: 'One-Time Fee', value: 'ONE_TIME_FEE' },
	{ name: 'Installation Fee', value: 'INSTALLATION_FEE' },
	{ name: 'Suspension Service Fee', value: 'SUSPENSION_SERVICE_FEE' },
	{ name: 'Unreturned Equipment Fee', value: 'UNRETURNED_EQUIPMENT_FEE' },
	{ name: 'Discount', value: 'DISCOUNT' },
];

const forSubscribable = { resource: ['billingMovement'], operation: ['create'] };
const forNonSubscribable = { resource: ['billingMovement'], operation: ['createNonSubscribable', 'updateNonSubscribable'] };
const forEveryWrite = { resource: ['billingMovement'], operation: ['create', 'createNonSubscribable', 'updateNonSubscribable'] };

export const movementIdField: INodeProperties = {
	displayName: 'Movement ID',
	name: 'movementId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '4d9d437f-ef3b-41e7-b474-067b1917cc4e',
	description: 'The movement_id MasStack returned when the movement was created',
	displayOptions: {
		show: { resource: ['billingMovement'], operation: ['delete', 'updateNonSubscribable', 'deleteNonSubscribable'] },
	},
};

export const movementFields: INodeProperties[] = [
	movementIdField,
	{
		displayName: 'Movement Type',
		name: 'movementType',
		type: 'options',
		options: MOVEMENT_TYPES,
		default: 'RECURRING_CHARGE',
		required: true,
		displayOptions: { show: forEveryWrite },
		routing: sendChecked('type', 'Movement Type', enumValue(MOVEMENT_TYPES.map((type) => type.value))),
	},
	billingDateField(forEveryWrite, 'Movement Date', 'movementDatetime', 'movement_datetime'),
	...amountFields(forEveryWrite),
	requiredBodyText(
		forSubscribable,
		'External Movement Unique ID',
		'externalMovementUniqueId',
		'external_movement_unique_id',
		'Your own unique ID for this movement',
	),
	billableField(forSubscribable),
	requiredBodyText(
		forNonSubscribable,
		'Transaction Type ID',
		'transactionTypeId',
		'transaction_type_id',
		'The transaction type MasStack agreed with you for this charge',
	),
	billingAdditionalFields(forSubscribable, [
		bodyTextField('Concept ID', 'conceptId', 'concept_id'),
		bodyTextField('Campaign ID', 'campaignId', 'campaign_id', 'The promotion this discount belongs to (Discount movements only)'),
	]),
	billingAdditionalFields(forNonSubscribable, [
		bodyTextField('External Movement Unique ID', 'externalMovementUniqueId', 'external_movement_unique_id', 'Your own unique ID for this movement'),
	]),
];

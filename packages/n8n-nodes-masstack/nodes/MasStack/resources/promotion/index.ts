import type { INodeProperties } from 'n8n-workflow';

import { isoDatetime, sendChecked } from '../../../shared/validation/valueChecks';
import { operationField, serviceIdField, serviceTypeField } from '../../transport/operationRequest';
import type { MasStackOperation, MasStackRequest } from '../../transport/operationRequest';
import { activatePromotionFields, activatePromotionRequest } from './activatePromotion';

/** Update Deactivation Date's request (the MasStack partner API v2); its two fields are below. */
const updateDeactivationDateRequest: MasStackRequest = {
	method: 'PATCH',
	path: '/v2/{service_type}/{service_id}/promotions/{promotion_id}',
};

const showForPromotions = { resource: ['promotion'] };
const showOnlyForDeactivationDate = { resource: ['promotion'], operation: ['updateDeactivationDate'] };

export const promotionOperationList: MasStackOperation[] = [
	{
		name: 'Activate',
		value: 'activate',
		action: 'Activate promotion for service',
		request: activatePromotionRequest,
	},
	{
		name: 'Update Deactivation Date',
		value: 'updateDeactivationDate',
		action: 'Update deactivation date of promotion',
		description: 'Change when an active promotion ends',
		request: updateDeactivationDateRequest,
	},
];

export const promotionOperations = operationField('promotion', 'activate', promotionOperationList);

export const promotionFields: INodeProperties[] = [
	serviceTypeField(showForPromotions),
	serviceIdField(showForPromotions),
	{
		displayName: 'Promotion ID',
		name: 'promotionId',
		type: 'string',
		default: '',
		required: true,
		description: 'The promotion_id MasStack returned when the promotion was activated',
		displayOptions: { show: showOnlyForDeactivationDate },
	},
	{
		displayName: 'Deactivation Date',
		name: 'deactivationDate',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'When the promotion ends; sent as ISO 8601 in UTC',
		displayOptions: { show: showOnlyForDeactivationDate },
		routing: sendChecked('deactivation_date', 'Deactivation Date', isoDatetime),
	},
	...activatePromotionFields,
];

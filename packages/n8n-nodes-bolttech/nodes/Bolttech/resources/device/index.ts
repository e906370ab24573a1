import type { INodeProperties } from 'n8n-workflow';

import type { BolttechOperation } from '../action/actionRequest';
import { verifyImei } from './verifyImei';

/** The device operations. */
export const DEVICE_OPERATIONS: BolttechOperation[] = [verifyImei];

export const deviceFields: INodeProperties[] = [...verifyImei.fields];

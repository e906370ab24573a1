import type { INodeProperties } from 'n8n-workflow';

import type { BolttechOperation } from './actionRequest';
import { customAction } from './customAction';
import { validateDocument } from './validateDocument';
import { verifyImeis } from './verifyImeis';

/** The action operations, in the order the operation list shows them. */
export const ACTION_OPERATIONS: BolttechOperation[] = [customAction, validateDocument, verifyImeis];

export const actionFields: INodeProperties[] = [...verifyImeis.fields, ...validateDocument.fields, ...customAction.fields];

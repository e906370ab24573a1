import type { INode } from 'n8n-workflow';

import { MASSTACK_ERROR_HINTS } from '../../packages/n8n-nodes-masstack/nodes/MasStack/transport/everyRequest';
import { partnerApiError } from '../nodes/transport/partnerError';

const node: INode = {
	id: 'n1',
	name: 'Partner Node',
	type: 'test.partner',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('partner errors', () => {
	it("puts the partner's code and title in the message and the code's hint in the description", () => {
		const error = partnerApiError(node, {
			partner: 'MasStack',
			statusCode: 406,
			body: { code: 'DUPLICATE_WORKFLOW_ID', title: 'Duplicate workflow id' },
			hintsByCode: { DUPLICATE_WORKFLOW_ID: 'Use a new Request-Correlation-Id.' },
		});

		expect(error.message).toBe('MasStack answered 406: DUPLICATE_WORKFLOW_ID: Duplicate workflow id');
		expect(error.description).toBe('Use a new Request-Correlation-Id.');
		expect(error.httpCode).toBe('406');
	});

	it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('gives no hint for a partner code "%s": the hint table is read by its own entries only', (code) => {
		const error = partnerApiError(node, { partner: 'MasStack', statusCode: 400, body: { code, title: 'Odd' }, hintsByCode: MASSTACK_ERROR_HINTS });

		expect(error.message).toBe(`MasStack answered 400: ${code}: Odd`);
		// Not Object.prototype's function or object printed as a hint ("function Object() { [native code] }").
		expect(String(error.description)).not.toMatch(/native code|\[object /);
	});

	it('lists the reference and which fields were invalid', () => {
		const error = partnerApiError(node, {
			partner: 'Afosto',
			statusCode: 400,
			body: {
				code: 400,
				message: 'Validation failed',
				reference: 'ref-9f1',
				errors: { email: ['is required'], 'address.country': ['must be ISO 3166'] },
			},
		});

		expect(error.message).toBe('Afosto answered 400: Validation failed');
		expect(error.description).toBe('Reference: ref-9f1\nemail: is required\naddress.country: must be ISO 3166');
	});

	it('still says something useful when the body is empty or plain text', () => {
		expect(partnerApiError(node, { partner: 'bolttech', statusCode: 502, body: '' }).message).toBe(
			'bolttech answered 502: no error details in the response',
		);
		expect(partnerApiError(node, { partner: 'bolttech', statusCode: 500, body: 'upstream timeout' }).message).toBe(
			'bolttech answered 500: upstream timeout',
		);
	});
});

import { dirname } from 'node:path';

/**
 * The logger n8n-core hands nodes as `this.logger` (its Container's Logger). n8n-core has its own
 * copies of @n8n/di and @n8n/backend-common, so they are loaded from where n8n-core finds them.
 */
export function n8nCoreLogger(): { warn: (message: string, meta?: object) => void } {
	const fromCore = { paths: [dirname(require.resolve('n8n-core'))] };
	const { Container } = require(require.resolve('@n8n/di', fromCore)) as { Container: { get: (type: unknown) => never } };
	const { Logger } = require(require.resolve('@n8n/backend-common', fromCore)) as { Logger: unknown };
	return Container.get(Logger);
}

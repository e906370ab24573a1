import type { ChildProcess } from 'node:child_process';

/**
 * The project's n8n scripts (scripts/n8nRuntime.js and scripts/playground.js, plain JavaScript
 * shared with `npm start` and the e2e tests), typed for the bench. The path is from .build/bench/.
 */

export interface Owner {
	email: string;
	password: string;
}

export const { RUNTIME, N8N_VERSION, ensureN8nRuntime, startN8n } = require('../../scripts/n8nRuntime.js') as {
	RUNTIME: string;
	N8N_VERSION: string;
	ensureN8nRuntime: () => void;
	startN8n: (options: Record<string, unknown>) => Promise<{ child: ChildProcess; stop: () => void }>;
};

export const { importIntoN8n, installPackage, ownerSession } = require('../../scripts/playground.js') as {
	importIntoN8n: (options: Record<string, unknown>) => void;
	installPackage: (userFolder: string) => void;
	ownerSession: (port: number, owner: Owner) => Promise<string>;
};

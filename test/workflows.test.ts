import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeType } from 'n8n-workflow';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PackageNodeTypes, isPartnerNodeType } from '../scripts/n8nCore/packageTypes';

const { EXAMPLE_PLACEHOLDERS } = require('../scripts/exampleWorkflows') as { EXAMPLE_PLACEHOLDERS: Record<string, string> };

const folder = join(__dirname, '..', 'workflows');
const nodeTypes = new PackageNodeTypes();

/** n8n offers each action node as an AI tool under `<node>Tool`, with the node's own parameters. */
const baseType = (type: string) => type.replace(/Tool$/, '');

/** What only the sandbox of `npm start` has: its address, its callback secret, its credentials' ids. */
const SANDBOX_VALUES = [/127\.0\.0\.1/, /localhost/i, /:5680\b/, /sandbox-callback-secret/, /tpSandbox/];

describe.each(readdirSync(folder).filter((name) => name.endsWith('.json')))('example workflow %s', (file) => {
	const text = readFileSync(join(folder, file), 'utf8');
	const workflow = JSON.parse(text) as {
		nodes: INode[];
		connections: Record<string, Record<string, Array<Array<{ node: string }>>>>;
	};
	const ours = workflow.nodes.filter((node) => isPartnerNodeType(baseType(node.type)));
	const stickyNotes = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote').map((node) => String(node.parameters.content));
	const working = workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote');

	it("uses this package's nodes with parameters n8n finds no issue with", () => {
		expect(ours.length).toBeGreaterThan(0);
		for (const node of ours) {
			const type = nodeTypes.getByNameAndVersion(baseType(node.type)) as INodeType;
			const issues = NodeHelpers.getNodeParametersIssues(type.description.properties, node, type.description);
			expect({ node: node.name, issues }).toEqual({ node: node.name, issues: null });
		}
	});

	it("puts each of this package's nodes at its newest version, as the editor would", () => {
		// A trigger at version 1 would take n8n 2.x's slow legacy webhook path (nodes/shared/triggerVersions.ts).
		const newest = (node: INode) => {
			const { version } = (nodeTypes.getByNameAndVersion(baseType(node.type)) as INodeType).description;
			return Array.isArray(version) ? Math.max(...version) : version;
		};
		expect(ours.map((node) => [node.name, node.typeVersion])).toEqual(ours.map((node) => [node.name, newest(node)]));
	});

	it('connects only nodes it contains', () => {
		const names = new Set(workflow.nodes.map((node) => node.name));
		const targets = Object.entries(workflow.connections).flatMap(([source, byType]) => [
			source,
			...Object.values(byType).flatMap((outputs) => outputs.flat().map((connection) => connection.node)),
		]);
		expect(targets.filter((name) => !names.has(name))).toEqual([]);
	});

	it("works in any n8n: names no sandbox address, secret or credential, and bakes in no webhook id", () => {
		expect(SANDBOX_VALUES.filter((pattern) => pattern.test(text)).map(String)).toEqual([]);
		// Credentials are the user's to pick; a fixed webhook id would collide on a second import.
		expect(working.filter((node) => node.credentials !== undefined).map((node) => node.name)).toEqual([]);
		expect(working.filter((node) => node.webhookId !== undefined).map((node) => node.name)).toEqual([]);
	});

	it('says in a sticky note what it does and explains each placeholder it contains', () => {
		expect(stickyNotes.join('').length).toBeGreaterThan(100);
		const parameters = JSON.stringify(working.map((node) => node.parameters));
		const used = Object.values(EXAMPLE_PLACEHOLDERS).filter((placeholder) => parameters.includes(placeholder));
		expect(used.filter((placeholder) => !stickyNotes.some((note) => note.includes(placeholder)))).toEqual([]);
	});
});

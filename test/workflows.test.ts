import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeType } from 'n8n-workflow';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PackageNodeTypes, isPartnerNodeType } from '../scripts/n8nCore/packageTypes';

const folder = join(__dirname, '..', 'workflows');
const nodeTypes = new PackageNodeTypes();

describe.each(readdirSync(folder).filter((name) => name.endsWith('.json')))('example workflow %s', (file) => {
	const workflow = JSON.parse(readFileSync(join(folder, file), 'utf8')) as {
		nodes: INode[];
		connections: Record<string, { main: Array<Array<{ node: string }>> }>;
	};
	const ours = workflow.nodes.filter((node) => isPartnerNodeType(node.type));

	it("uses this package's nodes with parameters n8n finds no issue with", () => {
		expect(ours.length).toBeGreaterThan(0);
		for (const node of ours) {
			const type = nodeTypes.getByNameAndVersion(node.type) as INodeType;
			const issues = NodeHelpers.getNodeParametersIssues(type.description.properties, node, type.description);
			expect({ node: node.name, issues }).toEqual({ node: node.name, issues: null });
		}
	});

	it("puts each of this package's nodes at its newest version, as the editor would", () => {
		// A trigger at version 1 would take n8n 2.x's slow legacy webhook path (nodes/shared/triggerVersions.ts).
		const newest = (node: INode) => {
			const { version } = (nodeTypes.getByNameAndVersion(node.type) as INodeType).description;
			return Array.isArray(version) ? Math.max(...version) : version;
		};
		expect(ours.map((node) => [node.name, node.typeVersion])).toEqual(ours.map((node) => [node.name, newest(node)]));
	});

	it('connects only nodes it contains', () => {
		const names = new Set(workflow.nodes.map((node) => node.name));
		const targets = Object.entries(workflow.connections).flatMap(([source, { main }]) => [
			source,
			...main.flat().map((connection) => connection.node),
		]);
		expect(targets.filter((name) => !names.has(name))).toEqual([]);
	});
});

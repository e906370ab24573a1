import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The n8n-nodes-afosto package, where the generator writes. */
const ROOT = join(__dirname, '..');

// The generator is JSDoc-typed JavaScript (npm run typecheck checks it); its output is what the tests and n8n load.
import { AFOSTO_NODES, generateAfostoNodes, readSpec } from '../generator/generateNodes';
import { NODES, namesOfNode, resourcesOf } from '../generator/nodes';
import { print } from '../generator/printer';
import { partsOf } from '../generator/sharedParts';

function filesBelow(folder: string): string[] {
	return readdirSync(folder).flatMap((entry) => {
		const path = join(folder, entry);
		return statSync(path).isDirectory() ? filesBelow(path) : [relative(ROOT, path)];
	});
}

describe('the generated Afosto nodes', () => {
	const generated = generateAfostoNodes(readSpec());

	it('are exactly what the generator makes of the committed spec (run `npm run generate:afosto` after changing either)', () => {
		const drifted = Object.entries(generated)
			.filter(([path, content]) => !existsSync(join(ROOT, path)) || readFileSync(join(ROOT, path), 'utf8') !== content)
			.map(([path]) => path);
		expect(drifted).toEqual([]);
	});

	it('leave no file in the Afosto node folders that the generator did not make', () => {
		const onDisk = AFOSTO_NODES.flatMap(({ folder }) => filesBelow(join(ROOT, folder)));
		expect(onDisk.filter((path) => !(path in generated))).toEqual([]);
	});

	it('write each body or query part that several operations have once in the package, whichever nodes they are in', () => {
		const spec = readSpec();
		const distinct = spec.endpoints.filter((endpoint) => !endpoint.duplicateOf);
		// How many operations have each part that spans lines (shorter ones stay where they are used).
		const operationsWith = new Map<string, number>();
		for (const node of NODES) {
			const resources = resourcesOf(node, spec.endpoints);
			const named = namesOfNode(resources, distinct);
			for (const endpoint of resources.flatMap(({ endpoints }) => endpoints)) {
				for (const { part } of partsOf(endpoint, named)) {
					const printed = print(part);
					if (printed.includes('\n')) operationsWith.set(printed, (operationsWith.get(printed) ?? 0) + 1);
				}
			}
		}
		// Printed at another depth, a part differs only in its indentation.
		const flat = (text: string) => text.replace(/\s+/g, ' ');
		const everything = flat(Object.values(generated).join('\n'));
		// Written as a constant's value or an argument, not as a property inside a larger body (`order: { … }`).
		const timesWritten = (printed: string) => everything.split(flat(printed)).slice(0, -1).filter((before) => !before.endsWith(': ')).length;
		const sharedParts = [...operationsWith].filter(([, operations]) => operations > 1).map(([printed]) => printed);

		expect(sharedParts.length).toBeGreaterThan(60);
		expect(sharedParts.filter((printed) => timesWritten(printed) !== 1).map((printed) => printed.slice(0, 120))).toEqual([]);
	});
});

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The n8n-nodes-afosto package, where the generator writes. */
const ROOT = join(__dirname, '..');

// The generator is JSDoc-typed JavaScript (npm run typecheck checks it); its output is what the tests and n8n load.
import { AFOSTO_NODES, generateAfostoNodes, readSpec } from '../generator/generateNodes';

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
});

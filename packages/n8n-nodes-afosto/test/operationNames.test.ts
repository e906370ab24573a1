import type { INodeProperties } from 'n8n-workflow';

// The checks live beside the generator, which scripts/reportOperationNames.js runs too.
import { lacksDescription, operationProblems } from '../generator/namingChecks';
import { afostoOperations } from './afostoOperations';

const operations = afostoOperations();
const label = ({ nodeName, resource, option }: (typeof operations)[number]) => `${nodeName} › ${resource} › ${option.name}`;

describe('every Afosto operation is named as n8n names operations', () => {
	it('has a name and an action without articles, HTTP paths, third person or the reference\'s typos, and a description ending with a period', () => {
		const problems = operations.flatMap((operation) => operationProblems(operation.option).map((problem) => `${label(operation)}: ${problem}`));
		expect(problems).toEqual([]);
	});

	it('names each operation of a resource differently, and gives each an action of its own within its node', () => {
		const names = operations.map(({ nodeName, resource, option }) => `${nodeName} ${resource} ${option.name}`);
		expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
		const actions = operations.map(({ nodeName, resource, option }) => `${nodeName} ${resource} ${option.action}`);
		expect(actions.filter((action, index) => actions.indexOf(action) !== index)).toEqual([]);
	});

	it('describes every field it shows, and says whose ID an ID field takes', () => {
		const fields = operations.flatMap((operation) =>
			operation.shown.flatMap((field) => [field, ...(field.type === 'collection' ? ((field.options ?? []) as INodeProperties[]) : [])]).map((field) => ({ operation, field })),
		);
		expect(fields.filter(({ field }) => lacksDescription(field)).map(({ operation, field }) => `${label(operation)}: ${field.displayName}`)).toEqual([]);
		const idFields = fields.filter(({ field }) => field.displayName === 'ID');
		expect(idFields.length).toBeGreaterThan(100);
		expect(idFields.filter(({ field }) => !/^ID of the \w/.test(String(field.description))).map(({ operation }) => label(operation))).toEqual([]);
		// "as Order › Get Many returns it in `id`": the output field as Afosto spells it, which a user looks for.
		const pointers = fields.map(({ field }) => /returns it in `([^`]*)`/.exec(String(field.description))?.[1]).filter((name) => name !== undefined);
		expect(pointers.length).toBeGreaterThan(70);
		expect(pointers.filter((name) => name !== name.toLowerCase())).toEqual([]);
	});

	it('lets Generate Barcode be filled in by name, the value to encode required', () => {
		const barcode = operations.find(({ option }) => option.value === 'getCntBarcode')!;
		const value = barcode.shown.find((field) => field.routing?.send?.property === 'v')!;
		expect([value.displayName, value.required]).toEqual(['Value to Encode', true]);
		const options = (barcode.shown.find((field) => field.name === 'additionalFields')!.options ?? []) as INodeProperties[];
		expect(options.map((field) => field.displayName).sort()).toEqual(['Barcode Type', 'Fallback Type', 'Height (Pixels)', 'Width (Pixels)']);
	});
});

import { performance } from 'node:perf_hooks';

import { checkSync } from 'recheck';
import type { INode } from 'n8n-workflow';

import { headerText, typedValue } from '../packages/n8n-nodes-afosto/nodes/Afosto/shared/fieldTypes';
import { fillPath } from '../shared/nodes/transport/requestPath';
import { type RegexLiteral, shippedRegexLiterals } from './harness/regexLiterals';

/**
 * Every regular expression the shipped code applies to workflow data, credentials or partner
 * answers must take time linear in its input: a backtracking match that is quadratic or worse on
 * some text (a ReDoS) blocks n8n's one JavaScript thread, and every workflow with it, for as long
 * as it runs. Two checks: recheck's static analysis of each literal, and a hang guard that gives
 * each one (and the checkers built on them) adversarial text growing to 1 MB.
 */

const literals = shippedRegexLiterals();

const distinct = (regexes: RegexLiteral[]) => [...new Map(regexes.map((regex) => [`${regex.where} ${regex.literal}`, regex])).values()];
const checked = distinct(literals);

/** recheck's verdict: `safe` when it proves (automaton) or finds by fuzzing with static analysis that no input is super-linear. */
const recheckStatus = (source: string, flags: string) => checkSync(source, flags, { timeout: 20_000 }).status;

describe('regular expressions of the shipped code', () => {
	it('are found in the sources and in the n8n expressions of credentials', () => {
		const places = literals.map((regex) => regex.where);
		expect(places).toContain('packages/n8n-nodes-afosto/nodes/Afosto/shared/fieldTypes.ts');
		expect(places).toContain('shared/nodes/transport/requestPath.ts');
		expect(places).toContain('packages/n8n-nodes-bolttech/credentials/bolttechConnection.ts (expression)');
		expect(literals.length).toBeGreaterThan(20);
	});

	it('recheck flags the number check as it was, and the path and base URL patterns as they were', () => {
		expect(recheckStatus('^-?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?$', 'i')).toBe('vulnerable');
		expect(recheckStatus('\\{([^}]+)\\}', 'g')).toBe('vulnerable');
		expect(recheckStatus('\\/+$', '')).toBe('vulnerable');
	});

	it.each(checked.map((regex) => [regex.literal, regex.where, regex]))('%s in %s runs in linear time (recheck)', (_literal, _where, regex) => {
		expect(recheckStatus((regex as RegexLiteral).source, (regex as RegexLiteral).flags)).toBe('safe');
	});
});

/** 1 MB: more than a header, a path or any field value n8n passes in practice. */
const LARGEST = 1 << 20;
/**
 * The bound of one step of the ladder below: a linear match of 1 MB takes a few milliseconds, so
 * this only catches a hang. Sizes double, so a quadratic match passes it at most one step (4x)
 * before failing, rather than running for hours at 1 MB.
 */
const STEP_BOUND_MS = 1000;

/**
 * Runs `check` on `textOfLength(n)` for n = 16, 32, … up to 1 MB and fails at the first size that
 * takes longer than STEP_BOUND_MS, naming it.
 */
function expectLinearUpTo1Mb(check: (text: string) => unknown, textOfLength: (length: number) => string): void {
	for (let length = 16; length <= LARGEST; length *= 2) {
		const text = textOfLength(length);
		const started = performance.now();
		check(text);
		const took = performance.now() - started;
		if (took > STEP_BOUND_MS) throw new Error(`${Math.round(took)} ms for ${length} characters of ${JSON.stringify(text.slice(0, 12))}…`);
	}
}

/** Text of `length` that repeats `unit` and ends in `end`, the shape that makes a backtracking match retry. */
const pumped = (unit: string, end: string) => (length: number) => unit.repeat(Math.ceil((length - end.length) / unit.length)) + end;

/**
 * The adversarial texts of a regex: each character it names and a few that end a match (a digit,
 * a letter, a space, a slash, a brace, a dot, a line break), repeated alone or in pairs and ended
 * by a character no pattern here accepts. This is what recheck's attack strings look like
 * (`'0'.repeat(54773) + '\x00'`, `'{\x00'.repeat(38730)`).
 */
function adversarialUnits(regex: RegexLiteral): string[] {
	const named = [...new Set(regex.source.replace(/\\[dDwWsSbB]|\\x[0-9a-f]{2}|[\\^$()[\]|?*+]/gi, '').split(''))].slice(0, 10);
	const characters = [...new Set([...named, '0', 'a', ' ', '/', '{', '.', '\n'])];
	return [...characters, ...characters.flatMap((first, index) => characters.slice(index + 1).map((second) => first + second))];
}

describe('every regex of the shipped code, given adversarial text up to 1 MB', () => {
	it.each(checked.map((regex) => [regex.literal, regex.where, regex]))('%s in %s answers without hanging', (_literal, _where, regex) => {
		const { source, flags } = regex as RegexLiteral;
		const pattern = new RegExp(source, flags);
		for (const unit of adversarialUnits(regex as RegexLiteral)) {
			// A global pattern is run the way its callers run it, over every match (replace, matchAll, split).
			expectLinearUpTo1Mb((text) => (pattern.global ? text.replace(pattern, '') : pattern.test(text)), pumped(unit, '\x00'));
		}
	});
});

describe('the checkers of workflow data, given adversarial text up to 1 MB', () => {
	const node = { name: 'Afosto', type: 'afostoCatalog', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
	const refusedOrTyped = (run: () => unknown) => () => {
		try {
			return run();
		} catch (error) {
			return error;
		}
	};

	it.each([
		['digits then a letter', pumped('1', 'x')],
		['a minus sign, digits then a dot and a letter', (length: number) => `-${'9'.repeat(length)}.x`],
		['digits, an exponent, then a letter', (length: number) => `1e${'5'.repeat(length)}x`],
	])('the number check of Afosto fields refuses %s in linear time', (_shape, textOfLength) => {
		for (const type of ['number', 'integer'] as const) {
			expectLinearUpTo1Mb((text) => refusedOrTyped(() => typedValue(text, { field: 'Quantity', type }, node, 0))(), textOfLength);
		}
	});

	it('the header check refuses words separated by spaces and ended by a line break in linear time', () => {
		expectLinearUpTo1Mb((text) => refusedOrTyped(() => headerText(text, 'Idempotency Key', node, 0))(), pumped('a ', '\n'));
	});

	it('filling a path template reads a run of unclosed braces once', () => {
		expectLinearUpTo1Mb((text) => fillPath(`/cat/${text}`, {}, () => '1', node, 0), pumped('{', ''));
	});
});

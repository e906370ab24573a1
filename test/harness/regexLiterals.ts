import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');

/** The shipped code: what the packed packages carry (each package's nodes and credentials, and the shared code linked into them). */
export const SHIPPED_SOURCE_ROOTS = [
	...readdirSync(join(ROOT, 'packages')).flatMap((name) => [`packages/${name}/nodes`, `packages/${name}/credentials`]),
	'shared/nodes',
	'shared/credentials',
];

export interface RegexLiteral {
	/** The literal as written, `/\{([^{}]+)\}/g`. */
	literal: string;
	source: string;
	flags: string;
	/** Where it is, relative to the repository; `(expression)` when it is inside an n8n expression string. */
	where: string;
}

function sourceFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		// The packages' nodes/shared and credentials/shared are links to shared/, read once from there.
		if (entry.isSymbolicLink()) return [];
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.[cm]?[jt]s$/.test(entry.name) ? [path] : [];
	});
}

function asRegexLiteral(literal: string, where: string): RegexLiteral {
	const end = literal.lastIndexOf('/');
	return { literal, source: literal.slice(1, end), flags: literal.slice(end + 1), where };
}

const TOKENS_BEFORE_A_DIVISION = new Set([
	ts.SyntaxKind.Identifier,
	ts.SyntaxKind.CloseParenToken,
	ts.SyntaxKind.CloseBracketToken,
	ts.SyntaxKind.NumericLiteral,
	ts.SyntaxKind.StringLiteral,
]);

/** The regex literals of a piece of JavaScript that is not a whole file: the inside of an n8n expression's `{{ }}`. */
function regexLiteralsOfExpression(code: string, where: string): RegexLiteral[] {
	const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, code);
	const found: RegexLiteral[] = [];
	let previous: ts.SyntaxKind | undefined;
	for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
		const slash = kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken;
		if (slash && (previous === undefined || !TOKENS_BEFORE_A_DIVISION.has(previous))) {
			kind = scanner.reScanSlashToken();
			if (kind === ts.SyntaxKind.RegularExpressionLiteral) found.push(asRegexLiteral(scanner.getTokenText(), where));
		}
		previous = kind;
	}
	return found;
}

/**
 * Every regex literal of the shipped code, with where it is: those of the TypeScript and
 * JavaScript sources, and those inside n8n expressions (`'={{ $credentials.baseUrl.replace(/…/, "") }}'`),
 * which n8n evaluates with the user's data too.
 */
export function shippedRegexLiterals(): RegexLiteral[] {
	const found: RegexLiteral[] = [];
	for (const root of SHIPPED_SOURCE_ROOTS) {
		for (const path of sourceFiles(join(ROOT, root))) {
			const where = relative(ROOT, path);
			const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
			const visit = (node: ts.Node) => {
				if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) found.push(asRegexLiteral(node.getText(file), where));
				if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text.startsWith('=')) {
					for (const code of node.text.split('{{').slice(1).map((part) => part.split('}}')[0])) found.push(...regexLiteralsOfExpression(code, `${where} (expression)`));
				}
				ts.forEachChild(node, visit);
			};
			visit(file);
		}
	}
	return found;
}

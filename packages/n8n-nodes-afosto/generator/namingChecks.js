// @ts-check
// What a reviewer checks of every Afosto operation's name, action and description (n8n's UX
// guidelines), as code: scripts/reportOperationNames.js prints the findings, and
// test/operationNames.test.ts fails on any.
const { TYPOS } = require('./namingExceptions');

const ARTICLE = /\b(a|an|the)\b/i;
const HTTP_PATH = /\b(GET|POST|PUT|PATCH|DELETE)\b|\/[a-z{]/;
/** Third person where n8n says the verb ("Deletes a hub"). */
const THIRD_PERSON = /^(Adds|Cancels|Clears|Creates|Deletes|Gets|Lists|Marks|Returns|Sets|Updates)\b/;

/** @param {string} text */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TYPO = new RegExp(`(^|[^A-Za-z'])(${Object.keys(TYPOS).map(escape).join('|')})(?![A-Za-z'])`, 'i');

/** The problems of one operation option (`name`, `action`, `description`), as sentences; none when it is as n8n wants it. */
/**
 * @param {{ name?: unknown, action?: unknown, description?: unknown }} option
 * @returns {string[]}
 */
function operationProblems(option) {
	/** @type {string[]} */
	const problems = [];
	for (const key of /** @type {const} */ (['name', 'action'])) {
		const text = String(option[key] ?? '');
		if (!text) {
			problems.push(`has no ${key}`);
			continue;
		}
		const afterVerb = text.split(' ').slice(1).join(' ');
		if (ARTICLE.test(afterVerb)) problems.push(`${key} "${text}" has an article`);
		if (HTTP_PATH.test(text)) problems.push(`${key} "${text}" has an HTTP method or path`);
		const typo = TYPO.exec(text);
		if (typo) problems.push(`${key} "${text}" has the reference's typo "${typo[2]}"`);
		if (THIRD_PERSON.test(text)) problems.push(`${key} "${text}" is in the third person`);
	}
	const description = String(option.description ?? '').trim();
	if (!description) problems.push('has no description');
	else if (!/[.!?]$/.test(description)) problems.push(`description "${description}" has no final period`);
	return problems;
}

/** Fields n8n shows without a description because they explain themselves: the Resource and Operation lists. */
const SELF_EXPLAINING = new Set(['resource', 'operation']);

/**
 * Whether a field (or an option of a collection) is shown without a description it needs; a
 * collection ("Additional Fields") is described by the fields it holds, as in n8n's own nodes.
 * @param {{ name: string, type: string, description?: unknown }} field
 */
const lacksDescription = (field) => !SELF_EXPLAINING.has(field.name) && field.type !== 'collection' && !String(field.description ?? '').trim();

module.exports = { operationProblems, lacksDescription };

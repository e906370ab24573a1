import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Every link a user follows from the documentation or from n8n's editor leads somewhere: the
 * README and docs links between the repository's files and their anchors, and each node's and
 * credential's documentation URL (which point at this repository on GitHub).
 */
const ROOT = join(__dirname, '..');
const REPOSITORY_URL = /^https:\/\/github\.com\/n8n-nodes-telco-partners\/n8n-nodes-telco-partners\/(?:tree|blob)\/main\/([^#]*)(?:#(.*))?$/;

function filesBelow(folder: string, keep: (path: string) => boolean): string[] {
	return readdirSync(folder).flatMap((entry) => {
		const path = join(folder, entry);
		if (['node_modules', 'dist', '.git', '.build', '.n8n-runtime', 'release'].includes(entry)) return [];
		if (statSync(path).isDirectory()) return entry === 'shared' && folder.includes('packages') ? [] : filesBelow(path, keep);
		return keep(path) ? [path] : [];
	});
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function slugOf(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[`*_]/g, '')
		.replace(/[^\p{L}\p{N} -]/gu, '')
		.replace(/ /g, '-');
}

function anchorsOf(markdownFile: string): Set<string> {
	const text = readFileSync(markdownFile, 'utf8').replace(/```[\s\S]*?```/g, '');
	const headings = [...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => slugOf(match[1]));
	const explicit = [...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((match) => match[1]);
	return new Set([...headings, ...explicit]);
}

/** Where a link leads in this checkout, and the anchor it asks for; undefined for other sites. */
function localTarget(link: string, from: string): { path: string; anchor?: string } | undefined {
	const repository = REPOSITORY_URL.exec(link);
	if (repository) return { path: join(ROOT, decodeURIComponent(repository[1])), anchor: repository[2] };
	if (/^[a-z]+:/i.test(link)) return undefined;
	const [path, anchor] = link.split('#');
	return { path: path ? resolve(dirname(from), decodeURIComponent(path)) : from, anchor };
}

/** Why a link is broken, or undefined. */
function brokenBecause(link: string, from: string): string | undefined {
	const target = localTarget(link, from);
	if (!target) return undefined;
	if (!existsSync(target.path)) return `${relative(ROOT, target.path)} does not exist`;
	if (!target.anchor) return undefined;
	const markdown = statSync(target.path).isDirectory() ? join(target.path, 'README.md') : target.path;
	if (target.anchor === 'readme' && markdown.endsWith('README.md')) return undefined;
	return anchorsOf(markdown).has(target.anchor) ? undefined : `${relative(ROOT, markdown)} has no anchor #${target.anchor}`;
}

const markdownFiles = filesBelow(ROOT, (path) => path.endsWith('.md') && !path.includes(`${join('test', 'fixtures')}`));

describe.each(markdownFiles.map((file) => [relative(ROOT, file), file]))('%s', (_name, file) => {
	it('links only to files and anchors that exist', () => {
		const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
		const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
		expect(links.map((link) => ({ link, broken: brokenBecause(link, file) })).filter(({ broken }) => broken)).toEqual([]);
	});
});

describe("the documentation URLs n8n's editor shows", () => {
	const shipped = filesBelow(join(ROOT, 'packages'), (path) => /\/(nodes|credentials)\//.test(path) && /\.(ts|json)$/.test(path));
	const urls = shipped.flatMap((file) =>
		[...readFileSync(file, 'utf8').matchAll(/https:\/\/github\.com\/n8n-nodes-telco-partners\/[^'"\s)]+/g)].map((match) => ({ file: relative(ROOT, file), url: match[0] })),
	);

	it('point at a README section of this repository that exists', () => {
		expect(urls.length).toBeGreaterThanOrEqual(20);
		expect(urls.map(({ file, url }) => ({ file, url, broken: brokenBecause(url, join(ROOT, 'README.md')) })).filter(({ broken }) => broken)).toEqual([]);
	});
});

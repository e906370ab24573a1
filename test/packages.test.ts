import { execFileSync, spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

// Plain JavaScript tooling of the repository (scripts/packages/).
const { partnerPackages, ROOT } = require('../scripts/packages/partnerPackages') as {
	ROOT: string;
	partnerPackages: () => Array<{ name: string; directory: string; manifest: Record<string, unknown> & { n8n: { nodes: string[]; credentials: string[]; strict: boolean } } }>;
};
const { packPartnerPackages } = require('../scripts/packages/pack') as { packPartnerPackages: (destination: string) => Record<string, string> };
const { installLikeN8n } = require('../scripts/packages/installLikeN8n') as { installLikeN8n: (userFolder: string, tarball: string) => string };

/** The modules n8n's lint lets community nodes import (no-restricted-imports), and Node's own where lint allows them. */
const ALLOWED_MODULES = new Set(['n8n-workflow', 'luxon', 'crypto', 'node:crypto']);
/** What a package may ship besides package.json: compiled code, codex files, icons, the three documents. */
const SHIPPED = [/^dist\/(nodes|credentials)\/.+\.js$/, /^dist\/nodes\/[^/]+\/[^/]+\.node\.json$/, /^dist\/icons\/[^/]+\.svg$/, /^(README|LICENSE|CHANGELOG)\.md$/, /^package\.json$/];
/** Each package's own partner, as its node and credential type names start. */
const PARTNER_PREFIX: Record<string, RegExp> = {
	'n8n-nodes-afosto': /^afosto/,
	'n8n-nodes-bolttech': /^bolttech/,
	'n8n-nodes-masstack': /^masStack/,
};

const workspace = mkdtempSync(join(tmpdir(), 'partner-packages-'));
let tarballs: Record<string, string> = {};

beforeAll(() => {
	tarballs = packPartnerPackages(join(workspace, 'release'));
}, 240_000);

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

function filesBelow(folder: string): string[] {
	return readdirSync(folder).flatMap((entry) => {
		const path = join(folder, entry);
		return statSync(path).isDirectory() ? filesBelow(path) : [path];
	});
}

/** The modules a compiled file requires. */
function requiredModules(file: string): string[] {
	return [...readFileSync(file, 'utf8').matchAll(/\brequire\((["'])([^"']+)\1\)/g)].map((match) => match[2]);
}

describe.each(partnerPackages().map((partnerPackage) => [partnerPackage.name, partnerPackage] as const))('%s', (name, partnerPackage) => {
	const { manifest } = partnerPackage;

	it("has a package.json n8n verifies: strict, no runtime dependencies, no main that does not exist, no repository.directory, MIT", () => {
		expect(manifest.n8n.strict).toBe(true);
		expect(manifest.dependencies).toBeUndefined();
		expect(manifest.main === undefined || existsSync(join(partnerPackage.directory, String(manifest.main)))).toBe(true);
		expect((manifest.repository as Record<string, unknown>).directory).toBeUndefined();
		expect(manifest.license).toBe('MIT');
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(readFileSync(join(partnerPackage.directory, 'LICENSE.md'), 'utf8')).toMatch(/^MIT License/);
	});

	it('packs only its compiled nodes, credentials, codex files and icons with its README, LICENSE and CHANGELOG', () => {
		const entries = execFileSync('tar', ['-tzf', tarballs[name]], { encoding: 'utf8' })
			.trim()
			.split('\n')
			.map((entry) => entry.replace(/^package\//, ''));
		expect(entries.filter((entry) => !SHIPPED.some((pattern) => pattern.test(entry)))).toEqual([]);
		expect(entries).toEqual(expect.arrayContaining(['README.md', 'LICENSE.md', 'CHANGELOG.md', ...manifest.n8n.nodes, ...manifest.n8n.credentials]));
	});

	it("passes n8n's verification scan on both legs: its source root (found by its name, no inline config) and its tarball", () => {
		const tarballFolder = join(workspace, `extracted-${name}`);
		execFileSync('mkdir', ['-p', tarballFolder]);
		execFileSync('tar', ['-xzf', tarballs[name], '-C', tarballFolder]);
		// Without jest's NODE_ENV=test, under which eslint-plugin-n8n-nodes-base reads file names its test way.
		const { NODE_ENV: _testEnvironment, ...environment } = process.env;
		const scan = (leg: string, folder: string) =>
			spawnSync(process.execPath, [join(ROOT, 'scripts', 'packages', 'scan.mjs'), leg, folder], { encoding: 'utf8', env: environment });
		for (const [leg, folder] of [['source', partnerPackage.directory], ['tarball', join(tarballFolder, 'package')]]) {
			const result = scan(leg, folder);
			expect({ leg, status: result.status, findings: result.stdout.split('\n').slice(1).join('\n').trim() }).toEqual({ leg, status: 0, findings: '' });
		}
	}, 120_000);

	describe('installed the way n8n 2.40.7 installs a community package', () => {
		let installed = '';
		beforeAll(() => {
			installed = installLikeN8n(join(workspace, `user-${name}`), tarballs[name]);
		}, 120_000);

		it('requires nothing but its own files and the modules n8n lets community nodes use', () => {
			const outside = filesBelow(join(installed, 'dist'))
				.filter((file) => file.endsWith('.js'))
				.flatMap((file) =>
					requiredModules(file)
						.filter((module) => {
							if (!module.startsWith('.')) return !ALLOWED_MODULES.has(module) && !builtinModules.includes(module.replace(/^node:/, '')) ;
							const target = resolve(dirname(file), module);
							return relative(installed, target).startsWith('..') || !(existsSync(`${target}.js`) || existsSync(join(target, 'index.js')) || existsSync(target));
						})
						.map((module) => `${relative(installed, file)} requires ${module}`),
				);
			expect(outside).toEqual([]);
		});

		it("loads every node and credential it declares, each of its own partner, with n8n-workflow from n8n's side", () => {
			// A fresh Node process, as n8n loads the files: only n8n-workflow comes from outside the package.
			const script = `
				const { join } = require('node:path');
				const manifest = require(join(process.argv[1], 'package.json'));
				const names = [...manifest.n8n.nodes, ...manifest.n8n.credentials].map((file) => {
					const exported = require(join(process.argv[1], file));
					const instance = new (Object.values(exported).find((value) => typeof value === 'function'))();
					return instance.description ? instance.description.name : instance.name;
				});
				process.stdout.write(JSON.stringify(names));`;
			const run = spawnSync(process.execPath, ['-e', script, installed], {
				encoding: 'utf8',
				env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
			});
			expect(run.stderr).toBe('');
			const names = JSON.parse(run.stdout) as string[];
			expect(names).toHaveLength(manifest.n8n.nodes.length + manifest.n8n.credentials.length);
			expect(names.filter((typeName) => !PARTNER_PREFIX[name].test(typeName))).toEqual([]);
		});
	});
});

describe('what the packages ship as source', () => {
	it('never mentions the development sandbox: a user sees the partner, not this repository', () => {
		const shippedSource = partnerPackages().flatMap(({ directory }) =>
			['nodes', 'credentials'].flatMap((folder) => filesBelow(join(directory, folder))).filter((file) => /\.(ts|json)$/.test(file)),
		);
		const mentions = shippedSource.filter((file) => /127\.0\.0\.1|\bsandbox\b/i.test(readFileSync(file, 'utf8'))).map((file) => relative(ROOT, file));
		expect(shippedSource.length).toBeGreaterThan(100);
		expect(mentions).toEqual([]);
	});
});

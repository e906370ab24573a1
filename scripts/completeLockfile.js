#!/usr/bin/env node
// The npm registry this project is built from carries only the Linux builds of some packages with
// per-platform optional binaries (e.g. @unrs/resolver-binding-*). `npm install` then leaves the
// other platforms out of package-lock.json, and `npm ci` refuses the lock as "out of sync".
// This adds a lock entry, marked optional with the os/cpu its name states, for each such binary,
// so npm ci skips it on a non-matching machine instead of failing. Run after `npm install`.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const lockPath = join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const OS = ['android', 'darwin', 'freebsd', 'linux', 'openharmony', 'win32', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = { 'arm-eabi': 'arm', arm64: 'arm64', x64: 'x64', ia32: 'ia32', arm: 'arm', loong64: 'loong64', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x' };

function platformOf(name) {
	const tokens = name.split('/').pop().split('-');
	const os = tokens.find((token) => OS.includes(token));
	const cpuToken = tokens.includes('eabi') ? 'arm-eabi' : tokens.find((token) => token in CPU);
	if (!os || !cpuToken) return undefined;
	const platform = { os: [os], cpu: [CPU[cpuToken]] };
	if (os === 'linux') platform.libc = [tokens.some((token) => token.startsWith('musl')) ? 'musl' : 'glibc'];
	return platform;
}

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
	for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
		const target = `node_modules/${name}`;
		if (lock.packages[target] || lock.packages[`${path}/${target}`]) continue;
		const platform = platformOf(name);
		if (!platform) {
			console.warn(`left out ${name}: its platform cannot be read from the name`);
			continue;
		}
		lock.packages[target] = { version, dev: entry.dev, optional: true, ...platform };
		added++;
	}
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} optional platform entries`);

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Memory of a running n8n from /proc: every process of its process group (n8n's main process and
 * its task runner; startN8n starts n8n as a group of its own). VmHWM is a process's peak resident
 * memory; writing 5 to clear_refs resets it to the current resident memory, so the peak after a
 * reset is the peak of what ran since.
 */

function processGroup(groupId: number): number[] {
	const members: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// After "pid (command)": state, ppid, pgrp, …
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[2]) === groupId) members.push(Number(entry));
		} catch {
			// gone meanwhile
		}
	}
	return members;
}

function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
	try {
		const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : 0;
	} catch {
		return 0;
	}
}

/** Resets the peak of every process in the group; returns their resident memory now, in MB. */
export function resetPeakMemory(groupId: number): number {
	let kb = 0;
	for (const pid of processGroup(groupId)) {
		try {
			writeFileSync(`/proc/${pid}/clear_refs`, '5');
		} catch {
			// gone meanwhile
		}
		kb += statusKb(pid, 'VmRSS');
	}
	return kb / 1024;
}

/** The sum of the group's processes' peaks since the last reset, in MB. */
export function peakMemory(groupId: number): number {
	return processGroup(groupId).reduce((sum, pid) => sum + statusKb(pid, 'VmHWM'), 0) / 1024;
}

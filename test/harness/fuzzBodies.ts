/** A small deterministic PRNG (mulberry32), so a failing fuzz case can be replayed. */
function randomSource(initialState: number): () => number {
	let state = initialState >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface FuzzedRequest {
	contentType: string;
	body: string;
}

/**
 * Request bodies a callback endpoint must refuse: broken JSON, JSON that is not an object, objects
 * without the fields the trigger needs, wrong content types, and random bytes.
 */
export function fuzzedCallbackBodies(count: number, initialState = 20261123): FuzzedRequest[] {
	const random = randomSource(initialState);
	const pick = <T>(values: T[]): T => values[Math.floor(random() * values.length)];
	const word = () => Math.random.name.slice(0, 1 + Math.floor(random() * 6)) + Math.floor(random() * 1000);
	const scalar = () => pick<unknown>([null, true, false, random() * 1e6, -1, word(), '', []]);
	const generators: Array<() => FuzzedRequest> = [
		() => ({ contentType: 'application/json', body: JSON.stringify(scalar()) }),
		() => ({ contentType: 'application/json', body: JSON.stringify([{ code: word() }, scalar()]) }),
		() => ({ contentType: 'application/json', body: `{"${word()}": ${pick(['', '[', '{', 'tru', '"x'])}` }),
		() => ({ contentType: 'application/json', body: JSON.stringify({ [word()]: scalar(), nested: { [word()]: scalar() } }) }),
		() => ({ contentType: 'text/plain', body: JSON.stringify({ code: 'OK', title: word(), action_id: 'get_stock' }) }),
		() => ({
			contentType: 'application/json',
			body: Buffer.from(Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * 256))).toString('latin1'),
		}),
	];
	return Array.from({ length: count }, (_, index) => generators[index % generators.length]());
}

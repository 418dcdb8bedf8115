/** mulberry32: a small seeded PRNG, so failures reproduce. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** 1 to 12 atoms drawn at random. */
export function randomText(rand: () => number, atoms: readonly string[]): string {
	const n = 1 + Math.floor(rand() * 12);
	let s = '';
	for (let i = 0; i < n; i++) s += atoms[Math.floor(rand() * atoms.length)];
	return s;
}

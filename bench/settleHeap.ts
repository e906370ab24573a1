/**
 * Collects the garbage earlier measurements left, so that no run pays for another's: without it,
 * whichever run follows the 2,000 one-SKU requests takes their collection. Needs `--expose-gc`
 * (the bench script passes it); without the flag it does nothing.
 */
export function settleHeap(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

/**
 * Requests the nodes keep in flight at once: the action node's default Concurrency, and the polling
 * trigger's per-contact reads. 8 keep GHL's 10 requests per second busy up to 0.8 s per answer; the
 * transport's pacer keeps the location under its limit whatever the number.
 */
export const DEFAULT_CONCURRENCY = 8;

/**
 * `work` for each input, up to `concurrency` at once, started in input order. `stop(started)` is
 * asked before each start: once it says so nothing more starts, so what ran is always a prefix of
 * `inputs` (a cursor can move past exactly those). Answers come back in input order, one per input
 * started.
 */
export async function mapInOrder<T, R>(
	inputs: readonly T[],
	concurrency: number,
	work: (input: T, index: number) => Promise<R>,
	stop: (started: number) => boolean = () => false,
): Promise<R[]> {
	const results: R[] = [];
	let next = 0;
	let stopped = false;
	const worker = async () => {
		while (!stopped && next < inputs.length) {
			if (stop(next)) {
				stopped = true;
				break;
			}
			const index = next++;
			results[index] = await work(inputs[index], index);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, inputs.length)) }, worker));
	return results.slice(0, next);
}

/** Jest glue: one stack per test file, started before and stopped after its tests. */
import { startStack, type Stack, type StackOptions } from './stack';

export const BOOT_TIMEOUT_MS = 300_000;

export function useStack(opts: StackOptions = {}): () => Stack {
	let stack: Stack | undefined;
	beforeAll(async () => {
		stack = await startStack(opts);
	}, BOOT_TIMEOUT_MS);
	afterAll(async () => {
		await stack?.stop();
	}, 60_000);
	return () => {
		if (!stack) throw new Error('The e2e stack did not start (see the beforeAll error)');
		return stack;
	};
}

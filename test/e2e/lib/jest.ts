/** Jest glue: one stack per test file, started before and stopped after its tests. */
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';
import { findSecrets, redact } from '../../harness/secrets';
import { RESULTS } from './runtime';
import { startStack, type Stack, type StackOptions } from './stack';

export const BOOT_TIMEOUT_MS = 300_000;

/**
 * Secrets (tokens, client secret, webhook shared secrets the tests registered) in the n8n logs a
 * stack saved to test-results/e2e-logs/, one line per finding, redacted.
 */
export function secretsInSavedLogs(stack: Pick<Stack, 'userFolder'>): string[] {
	const dir = path.join(RESULTS, 'e2e-logs', path.basename(stack.userFolder));
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((file) => {
		const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
		return lines.flatMap((line, index) => findSecrets(line).map((hit) => `${file}:${index + 1}: ${hit.label}: ${redact(line).slice(0, 300)}`));
	});
}

export function useStack(opts: StackOptions = {}): () => Stack {
	let stack: Stack | undefined;
	beforeAll(async () => {
		stack = await startStack(opts);
	}, BOOT_TIMEOUT_MS);
	afterAll(async () => {
		if (!stack) return;
		await stack.stop();
		// n8n's own log output must not hold a secret either (issue 9).
		const found = secretsInSavedLogs(stack);
		if (found.length) throw new Error(`A secret appeared in n8n's logs:\n${found.join('\n')}`);
	}, 60_000);
	return () => {
		if (!stack) throw new Error('The e2e stack did not start (see the beforeAll error)');
		return stack;
	};
}

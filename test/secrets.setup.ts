/**
 * Runs in every jest file (jest.config.js setupFilesAfterEnv): console lines are checked for
 * secrets as they are written (and printed with the secret replaced), and after the file's tests
 * every leak test/harness/secrets.ts recorded — from workflow runs, webhook answers, polls and
 * console lines — fails the file, naming the secret and where it appeared.
 */
import { format } from 'util';
import { describeLeaks, findSecrets, observe, redact, takeLeaks } from './harness/secrets';

for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
	const original = console[method].bind(console);
	console[method] = (...args: unknown[]) => {
		const line = format(...args);
		if (!findSecrets(line).length) {
			original(...args);
			return;
		}
		observe(`console.${method}`, line);
		original(redact(line));
	};
}

afterAll(() => {
	const leaks = takeLeaks();
	if (leaks.length) throw new Error(`A secret appeared in the output of this file's tests:\n${describeLeaks(leaks)}`);
});

// End-to-end suite: a real n8n (installed by scripts/lib/runtime.sh) with our packed package,
// against the GHL sandbox. Run it with `npm run test:e2e` (scripts/e2e.sh), not plain `jest`.
const path = require('path');

/** @type {import('jest').Config} */
module.exports = {
	rootDir: path.resolve(__dirname, '../..'),
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	// One n8n stack at a time: the stacks use fixed ports and the machine has 2 cores.
	maxWorkers: 1,
	testTimeout: 180_000,
	slowTestThreshold: 60,
	// Child processes are stopped in afterAll; the in-process sandbox may keep sockets alive briefly.
	forceExit: true,
};

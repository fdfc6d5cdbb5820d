/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	setupFiles: ['<rootDir>/test/setup.ts'],
	// Fails a test file whose runs put a token or secret into an output, error or log line.
	setupFilesAfterEnv: ['<rootDir>/test/secrets.setup.ts'],
	testTimeout: 60000,
	// n8n-core keeps a few timers alive after the run; the suites close their own servers.
	forceExit: true,
};

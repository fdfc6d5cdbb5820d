// Runs the foundation and workflow suites against the latest n8n 1.x engine pair
// (n8n-core 1.122.48 / n8n-workflow 1.120.31, installed by scripts/compat-1x.sh into .cache/compat-1x).
const base = require('../jest.config.js');
const path = require('path');

const compat = path.resolve(__dirname, '../.cache/compat-1x/node_modules');

module.exports = {
	...base,
	rootDir: path.resolve(__dirname, '..'),
	testMatch: ['<rootDir>/test/foundation/**/*.test.ts', '<rootDir>/test/nodes/**/*.test.ts', '<rootDir>/test/triggers/webhook.test.ts'],
	modulePathIgnorePatterns: ['<rootDir>/dist/'],
	moduleNameMapper: {
		'^n8n-workflow$': path.join(compat, 'n8n-workflow'),
		'^n8n-core$': path.join(compat, 'n8n-core'),
	},
};

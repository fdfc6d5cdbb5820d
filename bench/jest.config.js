const base = require('../jest.config.js');
const path = require('path');

module.exports = {
	...base,
	rootDir: path.resolve(__dirname, '..'),
	testMatch: ['<rootDir>/bench/**/*.bench.ts'],
	testTimeout: 300000,
};

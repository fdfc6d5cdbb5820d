// Mirrors the tarball half of @n8n/scan-community-package: every packed .js file and package.json.
import tseslint from 'typescript-eslint';
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

export default [
	{
		files: ['**/*.js'],
		...communityNodes.configs.recommended,
		rules: { ...communityNodes.configs.recommended.rules, 'no-console': 'error' },
	},
	{
		files: ['**/package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: { 'n8n-nodes-base': n8nNodesBase, ...communityNodes.configs.recommended.plugins },
		rules: { ...communityNodes.configs.recommended.rules, ...n8nNodesBase.configs.community.rules },
	},
];

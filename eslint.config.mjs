import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

// The rules n8n verifies community packages with (@n8n/eslint-plugin-community-nodes),
// applied to everything that ships: credentials/, nodes/ and package.json.
export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'bench/**', 'scripts/**', '*.js', '*.mjs'] },
	{
		files: ['credentials/**/*.ts', 'nodes/**/*.ts'],
		extends: [tseslint.configs.base],
		languageOptions: {
			parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
		},
	},
	// The package.json rules read the file as a JavaScript object expression.
	{ files: ['package.json'], languageOptions: { parser: tseslint.parser } },
	{
		files: ['credentials/**/*.ts', 'nodes/**/*.ts', 'package.json'],
		...n8nCommunityNodesPlugin.configs.recommended,
	},
);

// Tests, benchmarks, scripts and the emulators are not shipped: typescript-eslint's recommended
// rules apply to them (n8n's node rules, in eslint.config.mjs, apply to what is published).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'test/e2e/screenshots/**'] },
	js.configs.recommended,
	tseslint.configs.recommended,
	// The browser suite runs some functions inside the page (Playwright's page.evaluate).
	{ files: ['test/e2e/browser.mjs'], languageOptions: { globals: globals.browser } },
	{
		languageOptions: { globals: { ...globals.node, ...globals.jest } },
		rules: {
			// `_name` marks a value left out on purpose (destructuring, unused handler arguments).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
			],
		},
	},
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test/fixtures/**'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.ts'],
		languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
		rules: {
			// A promise nobody awaits loses its failure: await it, or hand it to inBackground() (src/vscode/background.ts).
			'@typescript-eslint/no-floating-promises': [
				'error',
				// node:test's test() and describe() return promises the runner itself awaits.
				{ allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }] },
			],
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
			eqeqeq: ['error', 'smart'],
			curly: ['error', 'multi-line'],
		},
	},
	{
		// In the extension, `void promise` is not a way out either: failures go through inBackground(), which logs them.
		files: ['src/**/*.ts'],
		rules: { '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }] },
	},
	{
		files: ['src/core/**/*.ts', 'src/improve/core/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'core modules stay free of VS Code; put the call in a vscode/ folder.' }] }],
		},
	},
	{
		files: ['**/*.js', '**/*.mjs'],
		languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
);

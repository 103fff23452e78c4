// Lint rules, including the import direction of docs/architecture.md: a wrong import fails `npm test`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeModules = { group: ['node:*'], message: 'Only main/ may use Node APIs.' };
const electron = { name: 'electron', message: 'Only main/app/ and preload/ may import electron.' };
const mainOnlyPackages = ['better-sqlite3', 'keytar', 'undici'].map((name) => ({
  name,
  message: 'Only main/ may use this package.',
}));

/** Raw IPC belongs to main/ipc/ and preload/ only; everything else goes through the contract. */
const rawIpc = [
  { selector: "MemberExpression[object.name='ipcMain']", message: 'Register channels in main/ipc/ only.' },
  { selector: "MemberExpression[object.name='ipcRenderer']", message: 'Only preload/ talks to ipcRenderer.' },
  {
    selector: "CallExpression[callee.property.name='send'][callee.object.property.name='webContents']",
    message: 'Send events through the event bus (main/ipc/).',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.renderer.json', './tsconfig.e2e.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      'no-restricted-syntax': ['error', ...rawIpc],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, ...mainOnlyPackages, { name: 'react', message: 'shared/ is plain TypeScript.' }],
          patterns: [
            nodeModules,
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'shared/ imports nothing of ours.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, ...mainOnlyPackages],
          patterns: [
            nodeModules,
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer knows only shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: mainOnlyPackages,
          patterns: [nodeModules, { group: ['**/main/**', '**/renderer/**'], message: 'preload/ uses shared/ only.' }],
        },
      ],
    },
  },
  {
    files: ['main/**'],
    ignores: ['main/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ ...electron, allowTypeImports: true }],
          patterns: [{ group: ['**/renderer/**', '**/preload/**'], message: 'main/ imports shared/ only.' }],
        },
      ],
    },
  },
  {
    files: ['main/ipc/**', 'preload/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);

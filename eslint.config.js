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

/**
 * An import of one of main/'s folders, written as Cadence writes them: `../db/x` and `../../db`
 * from a folder of main/, `../../main/db/x` from further away, and `./db/x` from main/ itself.
 * `except` names files of the folder that stay allowed (`settingsStore` allows `../db/settingsStore`).
 */
function mainFolders(folders, message, except = []) {
  const allowed = except.map((name) => `(?!${name}(?:\\.ts)?$)`).join('');
  return {
    regex: `^(?:\\./|(?:\\.\\./)+(?:main/)?)(?:${folders.join('|')})(?:$|/${allowed})`,
    caseSensitive: true,
    message,
  };
}

const hosts = ['app', 'cli', 'serve'];
/** What every service of main/ stays below: the hosts, the IPC router and the one wiring module. */
const aboveServices = mainFolders(
  [...hosts, 'ipc', 'core', 'services'],
  'Services never import the hosts (app, cli, serve), main/ipc/, main/core.ts or main/services.ts: arrows point down (docs/architecture.md).',
);
const under = (folders) => folders.map((folder) => `main/${folder}/**`);

/**
 * The rooms of main/ and what each never imports, from docs/architecture.md ("Inside main/").
 * Flat config keeps only the last matching `no-restricted-imports`, so each entry is complete and
 * a file matches one entry: main/ as a whole first, then each folder.
 */
const mainBoundaries = [
  { files: ['main/**'], forbidden: [], allowElectron: false },
  {
    files: ['main/services.ts'],
    forbidden: [
      mainFolders(
        [...hosts, 'ipc', 'core'],
        'main/services.ts wires the services for every host and the tests; it never imports the hosts or main/ipc/.',
      ),
    ],
  },
  {
    files: ['main/core.ts'],
    forbidden: [mainFolders(hosts, 'main/core.ts wires the services for the hosts; it never imports them.')],
  },
  {
    files: ['main/app/**'],
    forbidden: [mainFolders(['cli', 'serve'], 'The hosts never import each other.')],
    allowElectron: true,
  },
  { files: ['main/cli/**'], forbidden: [mainFolders(['app', 'serve'], 'The hosts never import each other.')] },
  { files: ['main/serve/**'], forbidden: [mainFolders(['app', 'cli'], 'The hosts never import each other.')] },
  { files: ['main/ipc/**'], forbidden: [mainFolders(hosts, 'main/ipc/ serves the hosts; it never imports them.')] },
  { files: under(['sync', 'drafts', 'checkin', 'meetings', 'reports', 'assets']), forbidden: [aboveServices] },
  {
    files: under(['account']),
    forbidden: [
      aboveServices,
      mainFolders(
        ['sync', 'drafts', 'checkin', 'meetings', 'reports'],
        'main/account/ makes the Zoom client; the services that use it are above it.',
      ),
      mainFolders(['db'], 'Of main/db/, main/account/ uses the settings store only.', ['settingsStore']),
    ],
  },
  {
    files: under(['zoom']),
    forbidden: [
      aboveServices,
      mainFolders(
        ['db', 'vault', 'sync', 'account', 'drafts', 'checkin', 'meetings', 'reports'],
        'main/zoom/ is the HTTP client only: credentials and settings come in as options (main/account/ wires them).',
      ),
    ],
  },
  {
    files: under(['db']),
    forbidden: [
      aboveServices,
      mainFolders(
        ['sync', 'drafts', 'checkin', 'meetings', 'reports', 'account'],
        'main/db/ stores; the services above it call it, never the other way round.',
      ),
    ],
  },
  {
    files: under(['vault', 'config', 'log']),
    forbidden: [
      aboveServices,
      mainFolders(
        ['sync', 'drafts', 'checkin', 'meetings', 'reports', 'account', 'zoom', 'db'],
        'main/vault/, main/config/ and main/log/ are the floor: they import none of the folders above them.',
      ),
    ],
  },
  {
    files: under(['sandbox']),
    forbidden: [
      mainFolders(
        [...hosts, 'ipc', 'core', 'sync', 'drafts', 'checkin', 'meetings', 'reports', 'account', 'db', 'vault'],
        "The sandbox simulates Zoom: it uses no service of Cadence's, only the operation catalogue of main/zoom/.",
      ),
    ],
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
  ...mainBoundaries.map(({ files, forbidden, allowElectron }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: allowElectron ? [] : [{ ...electron, allowTypeImports: true }],
          patterns: [
            { group: ['**/renderer/**', '**/preload/**'], message: 'main/ imports shared/ only.' },
            ...forbidden,
          ],
        },
      ],
    },
  })),
  {
    files: ['main/ipc/**', 'preload/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);

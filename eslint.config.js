// `npm run lint`: typescript-eslint, React's rules of hooks, no import cycles, and the layers (README, "Layers").
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

const root = path.dirname(fileURLToPath(import.meta.url));
const abs = (p) => path.join(root, p);
/** The rule below wants globs where `from` is a glob: a plain file name becomes one that matches only itself. */
const glob = (p) => (/[*?{[]/.test(p) ? p : p.replace(/\.([^./]+)$/, '[.]$1'));

// ---------------------------------------------------------------------------------------------------------------
// Layers: which folder of src/ may import which. A layer imports itself and the layers it lists, nothing else.
// Bottom to top: domain ← db ← sql ← ingest, store ← app ← features ← the entry (main.tsx, App.tsx).
// Beside them: export/ (downloads) and i18n/ (the dictionaries, merged from each part's messages.ts) serve any layer
// that draws or saves something; charts/ draws and knows no feature and no app.
const MESSAGES = ['src/features/*/messages.ts', 'src/features/*/*/messages.ts', 'src/ingest/messages.ts'];
const LAYERS = {
  domain: { files: ['src/domain/**'], may: [] },
  db: { files: ['src/db/**'], may: ['domain'] },
  sql: { files: ['src/sql/**'], may: ['domain', 'db'] },
  ingest: { files: ['src/ingest/**'], may: ['domain', 'db', 'sql'] },
  store: { files: ['src/store/**'], may: ['domain', 'db', 'sql'] },
  export: { files: ['src/export/**'], may: ['domain'] },
  // Texts only: each part's messages.ts is data the dictionaries merge (i18n/vi.ts), importing nothing but i18n/format.
  messages: { files: MESSAGES, may: [], extra: ['src/i18n/format.ts'] },
  i18n: { files: ['src/i18n/**'], may: ['messages'] },
  charts: { files: ['src/charts/**'], may: ['domain', 'export', 'i18n'] },
  app: { files: ['src/app/**'], may: ['domain', 'db', 'sql', 'ingest', 'store', 'export', 'i18n', 'charts'] },
  features: { files: ['src/features/**'], may: ['domain', 'db', 'sql', 'ingest', 'store', 'export', 'i18n', 'charts', 'app', 'messages'] },
  entry: {
    files: ['src/{main,App}.tsx', 'src/*.css'],
    may: ['domain', 'db', 'sql', 'ingest', 'store', 'export', 'i18n', 'charts', 'app', 'features', 'messages'],
  },
};

// One feature may use another's parts only along these edges (a page that embeds or settles another's): one way.
const FEATURES = {
  data: [],
  indices: [],
  par: [],
  sipas: [],
  overview: ['indices'],
  settings: ['indices', 'par', 'sipas'],
  plan: ['indices', 'par', 'sipas'],
  workbench: [],
  present: ['indices', 'overview', 'par', 'sipas', 'plan', 'workbench'],
};

/** Throws when the feature edges above would allow a cycle. */
function assertAcyclic(graph) {
  const state = {};
  const visit = (n, trail) => {
    if (state[n] === 'done') return;
    if (state[n] === 'open') throw new Error(`eslint.config.js: features import each other: ${[...trail, n].join(' → ')}`);
    state[n] = 'open';
    for (const m of graph[n] ?? []) visit(m, [...trail, n]);
    state[n] = 'done';
  };
  for (const n of Object.keys(graph)) visit(n, []);
}
assertAcyclic(FEATURES);

function layerZones() {
  const zones = Object.entries(LAYERS).map(([name, l]) => ({
    target: l.files.map(abs),
    from: [abs('src/**')],
    except: [...l.files, ...l.may.flatMap((m) => LAYERS[m].files), ...(l.extra ?? [])].map((p) => glob(abs(p))),
    message: `src/${name} may import only ${[name, ...l.may].join(', ')} (README, "Layers").`,
  }));
  for (const [f, may] of Object.entries(FEATURES)) {
    const others = Object.keys(FEATURES).filter((o) => o !== f && !may.includes(o));
    zones.push({
      target: [abs(`src/features/${f}/**`)],
      from: others.map((o) => abs(`src/features/${o}/**`)),
      except: MESSAGES.map((p) => glob(abs(p))),
      message: `features/${f} may use ${may.length ? `only features ${may.join(', ')}` : 'no other feature'} (eslint.config.js FEATURES: one way, no cycle).`,
    });
  }
  return zones;
}

const SOURCE = ['src/**/*.{ts,tsx}'];
const TESTS = ['**/*.test.ts', '**/*.e2e.ts', 'src/ingest/__fixtures__/**', 'tests/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/fixtures/**', 'tests/e2e/artifacts/**', '.scratch-me/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Node scripts and configs.
  {
    files: ['scripts/**', 'bench/**', 'tests/**', '*.config.{js,ts}', '**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // useQuery(run, deps) is checked like useEffect: deps must name everything `run` reads.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useQuery$' }],
    },
  },
  // Layers and cycles: the app's own modules. Tests may import anything.
  {
    files: SOURCE,
    ignores: TESTS,
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: abs('tsconfig.json') })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones() }],
    },
  },
  {
    files: ['src/domain/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^[^.]', message: 'src/domain is pure: no package (no React, no DuckDB).' }] }],
    },
  },
  {
    files: ['src/{db,sql,ingest,store,export}/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(react|react-dom|echarts|echarts-for-react)(/|$)', message: 'No React or ECharts below src/app (README, "Layers").' }] },
      ],
    },
  },
);

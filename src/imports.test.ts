// The layering as the code's imports show it, type-only imports included (import-x/no-cycle in `npm run lint` skips
// those): no module reaches itself through its imports, and no folder of src/ through the folders it imports.
// Which folder may import which is `npm run lint`'s (eslint.config.js, README "Layers").
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.dirname(fileURLToPath(import.meta.url));
const isTest = (f: string) => /\.test\.tsx?$/.test(f) || f.includes(`${path.sep}__fixtures__${path.sep}`);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !isTest(p) ? [p] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec.replace(/\?.*$/, ''));
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return null;
}

/** Every module of src/ (tests aside) and the modules of src/ it imports: static, dynamic and type-only. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles.map((i) => resolve(file, i.fileName)).filter((t): t is string => t !== null && /\.tsx?$/.test(t));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** One cycle of the graph, as a path that ends where it starts; null when there is none. */
function findCycle(graph: Map<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    if (state.get(n) === 'done') return null;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      const c = visit(m);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of graph.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return null;
}

/** The folder a module belongs to: src/features/<page> for a page, else src/<folder>; main.tsx and App.tsx are the entry. */
function folderOf(file: string): string {
  const [top, second] = path.relative(SRC, file).split(path.sep);
  if (top === 'features') return `features/${second}`;
  return second === undefined ? 'entry' : top!;
}

const graph = importGraph();
const rel = (f: string) => path.relative(SRC, f);

describe('the imports of src/', () => {
  it('reads the modules and their imports', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get(path.join(SRC, 'main.tsx'))?.map(rel)).toContain('App.tsx');
  });

  it('have no cycle between modules, type-only imports included', () => {
    expect(findCycle(graph)?.map(rel) ?? null).toBeNull();
  });

  it('have no cycle between folders (each page of features/ a folder of its own)', () => {
    const folders = new Map<string, Set<string>>();
    for (const [file, targets] of graph) {
      const from = folderOf(file);
      const to = folders.get(from) ?? new Set<string>();
      // A page's texts (messages.ts) are data the dictionaries in i18n/ merge, not the page: i18n → messages is no edge to the page.
      for (const t of targets) if (folderOf(t) !== from && !(from === 'i18n' && path.basename(t) === 'messages.ts')) to.add(folderOf(t));
      folders.set(from, to);
    }
    expect(findCycle(new Map([...folders].map(([k, v]) => [k, [...v]])))).toBeNull();
  });
});

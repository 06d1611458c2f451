// The SQL editor: CodeMirror 6 with its SQL language (DuckDB's words added), completion of the tables and columns an
// analyst may query, Ctrl+Enter (⌘+Enter) to run, the place DuckDB's error points at marked. Loaded with this page only.
// It lives in a shadow root: CodeMirror styles itself through style-mod, which writes a <style> element into a document
// (refused by the app's Content-Security-Policy, style-src-elem 'self') but an adopted style sheet into a shadow root.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { Compartment, EditorState, Prec, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers, placeholder, type DecorationSet } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, type Completion, type CompletionContext } from '@codemirror/autocomplete';
import { PostgreSQL, SQLDialect, sql, type SQLNamespace } from '@codemirror/lang-sql';

// DuckDB reads PostgreSQL's syntax and adds these words (FROM-first, SUMMARIZE, PIVOT, QUALIFY, …).
const DuckDB = SQLDialect.define({
  ...PostgreSQL.spec,
  keywords: `${PostgreSQL.spec.keywords ?? ''} summarize pivot unpivot pivot_wider pivot_longer describe qualify exclude asof positional anti semi sample using`,
});

export interface EditorTable {
  name: string;
  detail: string;
  info?: string;
  columns: { name: string; type: string; info?: string }[];
}

const setError = StateEffect.define<{ from: number; to: number } | null>();
const errorMark = Decoration.mark({ class: 'wb-error-mark' });
const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const e of tr.effects) if (e.is(setError)) return e.value ? Decoration.set([errorMark.range(e.value.from, e.value.to)]) : Decoration.none;
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

function namespaceOf(tables: readonly EditorTable[]): SQLNamespace {
  const ns: Record<string, SQLNamespace> = {};
  for (const t of tables) {
    const self: Completion = { label: t.name, type: 'type', detail: t.detail, info: t.info };
    ns[t.name] = {
      self,
      children: t.columns.map((c): Completion => ({ label: c.name, apply: quoted(c.name), type: 'property', detail: c.type, info: c.info })),
    };
  }
  return ns;
}

/** The editor's look, inside its shadow root (the page's style sheets do not reach in). */
const look = EditorView.theme({
  '&': { minHeight: '9rem', maxHeight: '24rem', fontSize: '0.95rem', backgroundColor: '#fff', borderRadius: '6px' },
  '&.cm-focused': { outline: '3px solid #80b3ff', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace", overflow: 'auto' },
  '.cm-gutters': { backgroundColor: '#f6f8fa', color: '#57606a', borderRight: '1px solid #d0d7de' },
  '.wb-error-mark': { backgroundColor: '#ffebe9', textDecoration: 'underline wavy #b42318' },
});

/** A name as SQL must write it: "Doanh thu" needs quotes, doanh_thu does not. */
const quoted = (name: string) => (/^[\p{Ll}_][\p{Ll}\p{N}_]*$/u.test(name) ? name : `"${name.replaceAll('"', '""')}"`);

/**
 * Columns of the tables the query names, offered without their table's prefix (the SQL language completes `table.`
 * and table names; analysts mostly type a bare column after FROM names its table).
 */
const columnsOfNamedTables = (tables: readonly EditorTable[]) => (context: CompletionContext) => {
  const word = context.matchBefore(/[\p{L}_][\p{L}\p{N}_]*/u);
  if (!word && !context.explicit) return null;
  if (context.state.sliceDoc((word?.from ?? context.pos) - 1, word?.from ?? context.pos) === '.') return null;
  const text = context.state.doc.toString().toLowerCase();
  const named = tables.filter((t) =>
    new RegExp(`(^|[^\\p{L}\\p{N}_])${t.name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}_])`, 'u').test(text),
  );
  const options = named.flatMap((t) =>
    t.columns.map((c): Completion => ({ label: c.name, apply: quoted(c.name), type: 'property', detail: `${t.name} · ${c.type}`, info: c.info, boost: 1 })),
  );
  return options.length ? { from: word?.from ?? context.pos, options, validFor: /^[\p{L}\p{N}_]*$/u } : null;
};

const languageOf = (tables: readonly EditorTable[]): Extension => {
  const language = sql({ dialect: DuckDB, schema: namespaceOf(tables), upperCaseKeywords: true });
  return [language, language.language.data.of({ autocomplete: columnsOfNamedTables(tables) })];
};

interface Props {
  value: string;
  onChange(value: string): void;
  onRun(): void;
  tables: readonly EditorTable[];
  /** Where DuckDB's error points (an offset into the text), marked until the text changes. */
  errorAt: number | null;
  label: string;
  placeholderText: string;
}

export function Editor({ value, onChange, onRun, tables, errorAt, label, placeholderText }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());
  // The latest callbacks, read by the editor's handlers (made once).
  const handlers = useRef({ onChange, onRun });
  useLayoutEffect(() => {
    handlers.current = { onChange, onRun };
  });

  useEffect(() => {
    const el = host.current!;
    const shadow = el.shadowRoot ?? el.attachShadow({ mode: 'open' }); // an effect run twice (StrictMode) finds it made
    const mount = document.createElement('div');
    shadow.appendChild(mount);
    // Keys typed here are the editor's: the page's shortcuts (F opens the deck) see only the shadow's host, which does
    // not look like a text field, so they must not hear them at all.
    const keepKeys = (e: KeyboardEvent) => e.stopPropagation();
    el.addEventListener('keydown', keepKeys);
    const v = new EditorView({
      root: shadow,
      parent: mount,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          bracketMatching(),
          closeBrackets(),
          autocompletion(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          placeholder(placeholderText),
          errorField,
          language.current.of(languageOf([])),
          Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (handlers.current.onRun(), true) }])),
          // Tab is left to the browser: it moves the focus on, as everywhere else on the page.
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
          EditorView.lineWrapping,
          look,
          EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': 'sql-editor' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) handlers.current.onChange(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      mount.remove();
      el.removeEventListener('keydown', keepKeys);
      view.current = null;
    };
    // Made once; later values reach it through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A text set from outside (an example, the history, a link) replaces the editor's.
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: language.current.reconfigure(languageOf(tables)) });
  }, [tables]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    if (errorAt === null) {
      v.dispatch({ effects: setError.of(null) });
      return;
    }
    const from = Math.min(errorAt, v.state.doc.length);
    const word = /^[\p{L}\p{N}_$"']+/u.exec(v.state.doc.sliceString(from, from + 200))?.[0].length ?? 0;
    const to = Math.min(v.state.doc.length, from + Math.max(1, word));
    v.dispatch({ effects: setError.of(from < to ? { from, to } : null), selection: { anchor: from }, scrollIntoView: true });
  }, [errorAt]);

  return <div className="wb-editor" ref={host} />;
}

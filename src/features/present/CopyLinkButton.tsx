import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { copySelection, currentLink, writeClipboard } from './copyLink';
import './topbar.css'; // the top bar is on every page; the deck's own styles load with the deck

type State = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; link: string };

/** "Sao chép liên kết": copies the view's URL and says so; if the clipboard refuses, shows the link selected. */
export function CopyLinkButton() {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.kind === 'copied') {
      const timer = setTimeout(() => setState({ kind: 'idle' }), 3000);
      return () => clearTimeout(timer);
    }
    if (state.kind === 'manual') {
      field.current?.focus();
      field.current?.select();
    }
  }, [state]);

  async function copy() {
    const link = currentLink();
    setState((await writeClipboard(link)) ? { kind: 'copied' } : { kind: 'manual', link });
  }

  return (
    <span className="copy-link">
      <button type="button" className="topbar-button" onClick={copy} title={t('link.copyTitle')} data-testid="copy-link">
        {t('link.copy')}
      </button>
      {state.kind === 'copied' && (
        <span className="copy-link-done" role="status" data-testid="copy-link-done">
          ✓ {t('link.copied')}
        </span>
      )}
      {state.kind === 'manual' && (
        <span className="copy-link-manual" role="dialog" aria-label={t('link.label')}>
          <input
            ref={field}
            readOnly
            value={state.link}
            aria-label={t('link.label')}
            data-testid="copy-link-field"
            onFocus={(e) => e.currentTarget.select()}
            onKeyDown={(e) => e.key === 'Escape' && setState({ kind: 'idle' })}
            onCopy={() => setTimeout(() => setState({ kind: 'copied' }), 0)}
          />
          <span className="copy-link-hint">{t('link.manual')}</span>
          <button type="button" onClick={() => setState(copySelection() ? { kind: 'copied' } : state)}>
            {t('link.copy')}
          </button>
          <button type="button" onClick={() => setState({ kind: 'idle' })} aria-label={t('present.close')}>
            ×
          </button>
        </span>
      )}
    </span>
  );
}

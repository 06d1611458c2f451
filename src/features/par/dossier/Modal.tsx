// A modal dialog (the browser's own <dialog>: focus kept inside, Escape closes, the page behind inert).
import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n';

export function Modal({ title, onClose, children, testId, wide }: { title: string; onClose: () => void; children: ReactNode; testId: string; wide?: boolean }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dossier-modal${wide ? ' wide' : ''}`}
      data-testid={testId}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      // a drop inside the dialog must not reach the page's own drop handling (the import on Dữ liệu)
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => e.preventDefault()}
    >
      <header className="dossier-modal-head">
        <h2>{title}</h2>
        <button type="button" className="close" onClick={onClose} aria-label={t('par.d.close')} data-testid={`${testId}-close`}>
          ×
        </button>
      </header>
      <div className="dossier-modal-body">{children}</div>
    </dialog>
  );
}

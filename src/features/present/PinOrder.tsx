// The deck's slides as a list — the giao ban sequence and the pinned charts — drag and drop (or Lên/Xuống for the
// keyboard) to reorder, × to take a slide out; saved through useDeckOrder. "Thứ tự giao ban" goes back to the default.
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { movePin, pinKey, type Pin } from './pins';

interface Props {
  pins: readonly Pin[];
  onChange(next: Pin[]): void;
  /** Opens the slide at `i`. */
  onOpen(i: number): void;
  onClose(): void;
  /** Back to the giao ban sequence (the charts pinned stay, after it). */
  onReset?(): void;
}

export function PinOrder({ pins, onChange, onOpen, onClose, onReset }: Props) {
  const { t } = useI18n();
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  return (
    <aside className="pin-order" aria-label={t('present.orderTitle')} data-testid="deck-order">
      <header>
        <h2>{t('present.orderTitle')}</h2>
        <button type="button" onClick={onClose} data-testid="deck-order-close">
          {t('present.close')}
        </button>
      </header>
      <p className="pin-order-hint">{t('present.orderHint')}</p>
      {onReset && (
        <p>
          <button type="button" className="pin-order-reset" onClick={onReset} data-testid="deck-order-reset">
            {t('present.orderReset')}
          </button>
        </p>
      )}
      {pins.length === 0 ? (
        <p>{t('present.noPins')}</p>
      ) : (
        <ol>
          {pins.map((p, i) => (
            <li
              key={pinKey(p)}
              draggable
              data-testid="deck-order-item"
              className={[dragging === i ? 'dragging' : '', over === i && dragging !== i ? 'drop-target' : ''].join(' ')}
              onDragStart={(e) => {
                setDragging(i);
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', String(i));
              }}
              onDragOver={(e) => {
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                setOver(i);
              }}
              onDragLeave={() => setOver((o) => (o === i ? null : o))}
              onDrop={(e) => {
                e.preventDefault();
                const from = dragging ?? Number(e.dataTransfer.getData('text/plain'));
                if (Number.isInteger(from)) onChange(movePin(pins, from, i));
                setDragging(null);
                setOver(null);
              }}
              onDragEnd={() => {
                setDragging(null);
                setOver(null);
              }}
            >
              <span className="pin-grip" aria-hidden="true">
                ⠿
              </span>
              <button type="button" className="pin-title" onClick={() => onOpen(i)}>
                {i + 1}. {p.title}
              </button>
              <span className="pin-tools">
                <button type="button" disabled={i === 0} onClick={() => onChange(movePin(pins, i, i - 1))} aria-label={`${t('present.moveUp')}: ${p.title}`}>
                  ↑
                </button>
                <button
                  type="button"
                  disabled={i === pins.length - 1}
                  onClick={() => onChange(movePin(pins, i, i + 1))}
                  aria-label={`${t('present.moveDown')}: ${p.title}`}
                >
                  ↓
                </button>
                <button type="button" onClick={() => onChange(pins.filter((_, j) => j !== i))} aria-label={`${t('present.remove')}: ${p.title}`}>
                  ×
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}

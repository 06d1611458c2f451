// The dossier as stored, kept current: read at first use, again whenever this tab or another one changes it.
import { useEffect, useState } from 'react';
import { EMPTY_DOSSIER, type Dossier } from '../../../domain/dossier';
import { onDossierChanged, readDossier } from '../../../store/documents';

export interface DossierState {
  dossier: Dossier;
  loading: boolean;
  /** Records that could not be read (left out). */
  skipped: number;
  error: string | null;
}

export function useDossier(): DossierState {
  const [state, setState] = useState<DossierState>({ dossier: EMPTY_DOSSIER, loading: true, skipped: 0, error: null });
  useEffect(() => {
    let current = true;
    let seq = 0;
    const load = () => {
      const mine = ++seq;
      readDossier().then(
        ({ skipped, ...dossier }) => current && mine === seq && setState({ dossier, loading: false, skipped, error: null }),
        (e: unknown) => current && mine === seq && setState((s) => ({ ...s, loading: false, error: e instanceof Error ? e.message : String(e) })),
      );
    };
    load();
    const off = onDossierChanged(load);
    return () => {
      current = false;
      off();
    };
  }, []);
  return state;
}

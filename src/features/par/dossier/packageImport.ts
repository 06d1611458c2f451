// A dossier package imported back (on another machine): the year's criteria and scores through the import pipeline
// (checked like any file: ingest/), its documents, files and explanations into the dossier — all in ONE DuckDB
// transaction and ONE stored write, before COMMIT. A package that is truncated, altered, foreign or whose scores do
// not check is refused whole: nothing changes.
import type { Db } from '../../../db/types';
import { replaceYearUnits, type Dossier, type EvidenceDoc } from '../../../domain/dossier';
import type { Answers, ImportOutcome, ImportPlan, Problem } from '../../../ingest/types';
import { commitBatch, type BatchTouched } from '../../../ingest/commit';
import { analyse, discard, recheckAll } from '../../../app/importFlow';
import { ArchiveError, openArchive, verifyFiles } from '../../../store/archive';
import { dossierDiff, readDossier } from '../../../store/documents';
import { revertUnlocked, syncUnlocked, writer, writeUnlocked } from '../../../store/persist';
import { checkEvidence } from './evidenceFiles';
import { PACKAGE_FORMAT, PACKAGE_MANIFEST, PACKAGE_VERSION, PackageManifest } from './packageFormat';

export interface PackageContent {
  manifest: PackageManifest;
  criteria: { name: string; bytes: Uint8Array };
  scores: { name: string; bytes: Uint8Array };
  dossier: Dossier;
  files: { sha256: string; bytes: Uint8Array }[];
}

const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** Reads and checks a package (every file against the manifest, every evidence file by its bytes). Changes nothing. */
export async function readPackage(bytes: Uint8Array): Promise<PackageContent> {
  const { manifest, files } = openArchive(bytes, PACKAGE_MANIFEST);
  const head = PackageManifest.pick({ format: true, version: true }).safeParse(manifest);
  if (!head.success || head.data.format !== PACKAGE_FORMAT) throw new ArchiveError('foreign', 'not a Chỉ số dossier package');
  if (head.data.version > PACKAGE_VERSION) throw new ArchiveError('newer', `version ${head.data.version}`);
  const m = PackageManifest.safeParse(manifest);
  if (!m.success) throw new ArchiveError('damaged', `manifest: ${m.error.issues[0]?.path.join('.')} ${m.error.issues[0]?.message ?? ''}`);
  // A package unpacked and zipped again may carry the file manager's own files: those are ignored, not refused.
  await verifyFiles(files, m.data.files, 'ignore');
  const listed = new Set(m.data.files.map((f) => f.path));
  const get = (path: string) => {
    const b = listed.has(path) ? files.get(path) : undefined;
    if (!b) throw new ArchiveError('damaged', `missing ${path}`);
    return b;
  };
  const docs: EvidenceDoc[] = [];
  const out = new Map<string, Uint8Array>();
  for (const { path, ...doc } of m.data.documents) {
    const b = get(path);
    const checked = await checkEvidence(doc.fileName, b);
    if (!('bytes' in checked) || checked.sha256 !== doc.sha256) throw new ArchiveError('damaged', `${path} is not the document listed`);
    if (doc.links.some((l) => l.year !== m.data.year)) throw new ArchiveError('damaged', `${path}: a link of another year`);
    docs.push(doc);
    out.set(doc.sha256, b);
  }
  const units = new Set(m.data.units);
  if (m.data.notes.some((n) => n.year !== m.data.year || !units.has(n.unitCode))) throw new ArchiveError('damaged', 'an explanation outside the package');
  return {
    manifest: m.data,
    criteria: { name: baseName(m.data.criteriaFile), bytes: get(m.data.criteriaFile) },
    scores: { name: baseName(m.data.scoresFile), bytes: get(m.data.scoresFile) },
    dossier: { docs, notes: m.data.notes },
    files: [...out].map(([sha256, b]) => ({ sha256, bytes: b })),
  };
}

export type PackageOutcome = { ok: true } | { ok: false; problems: Problem[] };

/** The package's scores replace loaded ones of the same year and units: the package is what the commune sent. */
const REPLACE: Answers = { onDuplicate: 'replace' };

/**
 * Lands a checked package: criteria and scores checked as a batch of imports, then committed together with the
 * dossier's change (the year's links and notes of the package's units replaced, its files added) in one stored write.
 */
export async function importPackage(db: Db, pkg: PackageContent, source: string): Promise<PackageOutcome> {
  const batch = `package-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const plans: ImportPlan[] = [];
  let landed = false;
  try {
    for (const f of [pkg.criteria, pkg.scores]) plans.push(await analyse(db, { name: f.name, bytes: f.bytes }, REPLACE, { batch }));
    await recheckAll(db, batch);
    const [criteria, scores] = plans as [ImportPlan, ImportPlan];
    const problems = plans.flatMap((p) => p.problems.filter((x) => x.severity === 'error'));
    if (criteria.kind !== 'par_criteria' || scores.kind !== 'par_scores' || plans.some((p) => !p.stagingId || p.errorCount > 0)) {
      return {
        ok: false,
        problems: problems.length ? problems : [{ severity: 'error', file: pkg.scores.name, expected: { key: 'ingest.problem.hasErrors' } }],
      };
    }
    const outcomes = await writer<ImportOutcome[]>(async () => {
      await syncUnlocked(db);
      const { skipped: _skipped, ...before } = await readDossier();
      const next = replaceYearUnits(before, pkg.manifest.year, pkg.manifest.units, pkg.dossier);
      const side = dossierDiff(before, next, pkg.files);
      const stored: { t: BatchTouched | null } = { t: null };
      const out = await commitBatch(
        db,
        plans.map((plan) => ({ plan, answers: REPLACE })),
        { source },
        {
          beforeCommit: async (t) => {
            await writeUnlocked(db, { save: [...new Set([...t.datasetIds, ...t.replaced, ...t.removed])], drop: t.removed, side });
            stored.t = t;
          },
        },
      );
      if (!out.every((o) => o.ok) && stored.t) {
        // Stored, but DuckDB's COMMIT failed: load what is stored, so this tab shows what a reload would (the package).
        const t = stored.t;
        await revertUnlocked(db, [...t.datasetIds, ...t.replaced, ...t.removed]);
        return out.map((o) => (o.ok ? o : { ok: true, datasetId: '', plan: plans[0]!, replaced: [], removed: [] }));
      }
      return out;
    });
    landed = outcomes.every((o) => o.ok);
    if (landed) return { ok: true };
    return { ok: false, problems: outcomes.flatMap((o) => (o.ok ? [] : o.problems)) };
  } finally {
    if (!landed) for (const p of plans) await discard(db, p).catch(() => undefined);
  }
}

// The dossier package's manifest: what a package built by package.ts holds, read back by packageImport.ts.
// Every file of the ZIP is listed with its size and SHA-256 (store/archive.ts), so a package changed after it was
// made is refused whole.
import { z } from 'zod';
import { DocSchema, NoteSchema } from '../../../store/documents';

export const PACKAGE_MANIFEST = 'du_lieu/chiso-goi-ho-so.json';
export const PACKAGE_FORMAT = 'chiso-dossier';
export const PACKAGE_VERSION = 1;

const ManifestFile = z.object({ path: z.string().min(1), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const PackageManifest = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.number().int().positive(),
  createdAt: z.string(),
  year: z.number().int().min(1900).max(2200),
  commune: z.object({ code: z.string().nullable(), name: z.string() }),
  /** The import-format CSVs the scores are restored from (the workbook is for people). */
  criteriaFile: z.string().min(1),
  scoresFile: z.string().min(1),
  /** Every unit whose scores the package holds: its dossier for the year is replaced on import. */
  units: z.array(z.string().min(1)),
  /** Each document with the path of one copy of its file in the package. */
  documents: z.array(DocSchema.extend({ path: z.string().min(1) })),
  notes: z.array(NoteSchema),
  files: z.array(ManifestFile),
});
export type PackageManifest = z.infer<typeof PackageManifest>;

// The product owner's files (real PAPI data, merger crosswalks, csv-spectrum) that tests read as they are.
// They sit beside the project (../shared); SHARED_DIR points elsewhere, e.g. for a clone in another folder.
import path from 'node:path';

export const SHARED_DIR = process.env.SHARED_DIR ? path.resolve(process.env.SHARED_DIR) : path.resolve(import.meta.dirname, '../../../shared');

export const sharedPath = (...parts: string[]) => path.join(SHARED_DIR, ...parts);

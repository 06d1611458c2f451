// The CSV templates in public/templates (linked from the README, served with the app) are exactly what the Dữ liệu
// page offers. After changing a format: UPDATE_TEMPLATES=1 npx vitest run src/features/data/templateFiles.test.ts
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../ingest/formats';
import { templateCsv, templateFileName } from './templates';

const dir = path.resolve(__dirname, '../../../public/templates');

describe('public/templates', () => {
  for (const f of Object.values(FORMATS)) {
    it(`${templateFileName(f.kind, 'csv')} is the ${f.kind} template of the Dữ liệu page`, () => {
      const file = path.join(dir, templateFileName(f.kind, 'csv'));
      if (process.env.UPDATE_TEMPLATES) {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(file, templateCsv(f));
      }
      expect(fs.readFileSync(file, 'utf8')).toBe(templateCsv(f));
    });
  }
});

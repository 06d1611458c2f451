import { describe, expect, it } from 'vitest';
import { insertPapiWideSql, yearFromFileName } from './papiWide';

describe('PAPI wide files', () => {
  it('takes the year from the file name', () => {
    expect(yearFromFileName('2021.csv')).toBe(2021);
    expect(yearFromFileName('papi_2018_final.csv')).toBe(2018);
    expect(yearFromFileName('papi.csv')).toBeNull();
  });
  it("quotes names so a file called o'brien.csv cannot break the SQL", () => {
    expect(insertPapiWideSql("o'brien.csv", 'd1', 2021)).toContain("read_csv('o''brien.csv'");
  });
});

import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { saveBlob } from '../../export/download';
import { kindKey } from './Catalogue';
import { formatList } from './formatsInfo';
import { templateCsv, templateFileName, templateXlsx, type TemplateFormat } from './templates';

/** One row per import format: its columns (required ones marked) and the CSV / XLSX template to download. */
export function Templates() {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const csv = (f: TemplateFormat) => saveBlob(templateFileName(f.kind, 'csv'), new Blob([templateCsv(f)], { type: 'text/csv;charset=utf-8' }));
  const xlsx = async (f: TemplateFormat) => {
    setBusy(f.kind);
    try {
      const bytes = await templateXlsx(f);
      saveBlob(templateFileName(f.kind, 'xlsx'), new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="templates">
      <p className="note">{t('data.templatesIntro')}</p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('col.kind')}</th>
              <th scope="col">{t('data.templateColumns')}</th>
              <th scope="col">{t('data.templateDownload')}</th>
            </tr>
          </thead>
          <tbody>
            {formatList.map((f) => (
              <tr key={f.kind} data-kind={f.kind}>
                <th scope="row">{t(kindKey(f.kind))}</th>
                <td>
                  <ul className="template-cols">
                    {f.columns.map((c) => (
                      <li key={c.key} title={c.note ? c.note[locale] : undefined}>
                        <span className={c.required ? 'req' : undefined}>{c.vi}</span>
                        {c.required && <span className="muted"> ({t('data.templateRequired')})</span>}
                        {c.note && <span className="muted"> — {c.note[locale]}</span>}
                      </li>
                    ))}
                  </ul>
                  {f.kind === 'sipas_responses' && <p className="note">{t('data.templateSipasNote')}</p>}
                </td>
                <td className="template-buttons">
                  <button type="button" className="btn-small" data-testid={`template-${f.kind}-csv`} onClick={() => csv(f)}>CSV</button>
                  <button type="button" className="btn-small" data-testid={`template-${f.kind}-xlsx`} disabled={busy === f.kind} onClick={() => void xlsx(f)}>XLSX</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note">{t('data.templateTableNote')}</p>
    </div>
  );
}

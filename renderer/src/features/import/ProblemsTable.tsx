// Every problem the import found, where it is (文件 / 工作表 / 行 / 列), the value found and what
// was expected — errors (red) first, then warnings (amber) — so the file can be fixed without guessing.
import type { ImportOutcome } from '../../../../core/import/request';
import { useI18n } from '../../i18n/i18n';
import { inAppWords } from './app-words';

type Problem = ImportOutcome['problems'][number];

export function sortProblems(problems: readonly Problem[]): Problem[] {
  // Stable: the file's order within each severity.
  return [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity !== 'error')];
}

export function ProblemsTable({ problems, problemCount }: { problems: readonly Problem[]; problemCount: number }) {
  const { t, lang } = useI18n();
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <section className="panel" data-testid="import-problems">
      <h3>
        {t('impProblems')} <span className="badge badge-fail">{t('impErrors', { n: errors })}</span> {warnings > 0 && <span className="badge badge-warn">{t('impWarnings', { n: warnings })}</span>}
      </h3>
      <table className="data-table problems-table">
        <thead>
          <tr>
            <th className="align-left">{t('impSeverity')}</th>
            <th className="align-left">{t('impFileCol')}</th>
            <th className="align-left">{t('impSheetCol')}</th>
            <th className="align-right">{t('impRow')}</th>
            <th className="align-left">{t('impColumn')}</th>
            <th className="align-left">{t('impValue')}</th>
            <th className="align-left">{t('impExpected')}</th>
          </tr>
        </thead>
        <tbody>
          {sortProblems(problems).map((p, i) => (
            <tr key={i} className={p.severity === 'error' ? 'problem-error' : 'problem-warning'} data-severity={p.severity} data-code={p.code}>
              <td className="align-left">
                <span className={`badge ${p.severity === 'error' ? 'badge-fail' : 'badge-warn'}`}>{p.severity === 'error' ? t('impError') : t('impWarning')}</span>
              </td>
              <td className="align-left wrap" data-col="file">{p.file}</td>
              <td className="align-left" data-col="sheet">{p.sheet ?? '—'}</td>
              <td className="align-right" data-col="row">{p.row ?? '—'}</td>
              <td className="align-left" data-col="column">{p.column ?? '—'}</td>
              <td className="align-left" data-col="value">{p.value === null ? '—' : <code className="cell-value">{p.value}</code>}</td>
              <td className="align-left wrap" data-col="expected">{inAppWords(p.expected, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problemCount > problems.length && (
        <p className="table-note" data-testid="import-problems-more">
          {t('impMoreProblems', { n: (problemCount - problems.length).toLocaleString('en-US') })}
        </p>
      )}
    </section>
  );
}

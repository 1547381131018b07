// The brief as it will print: title block, sections, tables and the spending chart (the same SVG
// the PDF and Word files carry), and the provenance lines. Rendered from the engine's model with
// React elements — no HTML strings — except the chart SVG, which core/brief/html.ts builds with
// every text escaped.
import type { Brief, BriefTable } from '../../../../core/brief/model';
import { cellText, chartSvg } from '../../../../core/brief/html';

function Table({ t }: { t: BriefTable }) {
  return (
    <table className="brief-table">
      <caption>{t.caption}</caption>
      <thead>
        <tr>
          {t.columns.map((c) => (
            <th key={c.header}>{c.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {t.rows.map((r, i) => (
          <tr key={i}>
            {r.map((v, j) => (
              <td key={j} className={t.columns[j]!.kind === 'text' ? 'text' : typeof v === 'number' && v < 0 && t.columns[j]!.kind === 'percent2' ? 'num fall' : 'num'}>
                {cellText(v, t.columns[j]!.kind)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BriefPreview({ brief }: { brief: Brief }) {
  return (
    <article className="brief-page" data-testid="brief-preview" lang={brief.lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className="brief-title">
        <h1>{brief.title}</h1>
        <div className="meta">
          {brief.subtitle}
          {'\u3000'}
          {brief.date}
        </div>
      </header>
      {brief.sections.map((s) => (
        <section key={s.id} data-section={s.id}>
          <h2>{s.heading}</h2>
          {s.blocks.map((b, i) =>
            b.type === 'paragraph' ? (
              <p key={i}>{b.text}</p>
            ) : b.type === 'table' ? (
              <div key={i} className="brief-table-wrap">
                <Table t={b.table} />
                {b.table.note && <p className="note">{b.table.note}</p>}
              </div>
            ) : (
              <figure key={i} className="brief-chart" dangerouslySetInnerHTML={{ __html: chartSvg(b.chart) }} />
            ),
          )}
        </section>
      ))}
      <footer className="brief-provenance" data-testid="brief-provenance">
        {brief.provenance.map((l) => (
          <p key={l}>{l}</p>
        ))}
      </footer>
    </article>
  );
}

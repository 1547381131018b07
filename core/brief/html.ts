// A brief as one self-contained HTML page for A4 printing (headless Chromium, Electron printToPDF)
// and for preview: 黑体 headings, 仿宋 body (with the Noto CJK fonts as the fallback that is present
// on every build machine), tables with figures right-aligned, the spending chart as inline SVG
// (vector in the PDF), no scripts. Page numbers and the provenance footer are added by the PDF
// writer's footer template; the provenance block is also printed at the end of the document.
import type { Brief, BriefChart, BriefTable, CellKind } from './model';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const BODY_FONT = "'FangSong', 'FangSong_GB2312', '仿宋', 'STFangsong', 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif";
const HEAD_FONT = "'SimHei', '黑体', 'STHeiti', 'Noto Sans CJK SC', sans-serif";

export function cellText(v: string | number | null, kind: CellKind): string {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  const fixed = (d: number) => v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  switch (kind) {
    case 'integer':
      return fixed(0);
    case 'year':
      return String(v);
    case 'decimal4':
      return fixed(4);
    case 'percent2':
      return `${v > 0 ? '+' : ''}${fixed(2)}`;
    case 'text':
      return String(v);
    default:
      return fixed(2);
  }
}

function table(t: BriefTable): string {
  const head = t.columns.map((c) => `<th>${esc(c.header)}</th>`).join('');
  const body = t.rows
    .map((r) => `<tr>${r.map((v, i) => `<td class="${t.columns[i]!.kind === 'text' ? 'text' : 'num'}${typeof v === 'number' && v < 0 && t.columns[i]!.kind === 'percent2' ? ' fall' : ''}">${esc(cellText(v, t.columns[i]!.kind))}</td>`).join('')}</tr>`)
    .join('');
  // The caption is the table's own <caption>, so a page break never separates it from the table.
  return `<figure class="table"><table><caption>${esc(t.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${t.note ? `<p class="note">${esc(t.note)}</p>` : ''}</figure>`;
}

/** A bar chart in SVG: one bar per year, value above, growth below; falls in red. */
export function chartSvg(c: BriefChart, width = 600, height = 240): string {
  const max = Math.max(...c.bars.map((b) => b.value), 1);
  const left = 40;
  const bottom = 44;
  const top = 28;
  const plotH = height - top - bottom;
  const slot = (width - left - 10) / c.bars.length;
  const bars = c.bars
    .map((b, i) => {
      const h = (b.value / max) * plotH;
      const x = left + i * slot + slot * 0.2;
      const w = slot * 0.6;
      const y = top + plotH - h;
      const color = b.fall ? '#c0392b' : '#1d4e89';
      return (
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${color}"/>` +
        `<text x="${(x + w / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle" font-size="11">${esc(b.value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }))}</text>` +
        `<text x="${(x + w / 2).toFixed(1)}" y="${(top + plotH + 16).toFixed(1)}" text-anchor="middle" font-size="12">${esc(b.label)}</text>` +
        `<text x="${(x + w / 2).toFixed(1)}" y="${(top + plotH + 32).toFixed(1)}" text-anchor="middle" font-size="11" fill="${b.fall ? '#c0392b' : '#44546a'}">${esc(b.note)}</text>`
      );
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="${esc(HEAD_FONT)}" role="img" aria-label="${esc(c.title)}"><text x="${left}" y="16" font-size="13">${esc(c.title)}</text><line x1="${left}" y1="${top + plotH}" x2="${width - 10}" y2="${top + plotH}" stroke="#7a8699"/>${bars}</svg>`;
}

export function briefHtml(b: Brief): string {
  const sections = b.sections
    .map(
      (s) =>
        `<section class="section-${s.id}"><h2>${esc(s.heading)}</h2>${s.blocks
          .map((bl) => (bl.type === 'paragraph' ? `<p>${esc(bl.text)}</p>` : bl.type === 'table' ? table(bl.table) : `<figure class="chart">${chartSvg(bl.chart)}</figure>`))
          .join('')}</section>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${b.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(b.title)}</title>
<style>
@page { size: A4; margin: 25mm 20mm 22mm 22mm; }
html { font-family: ${BODY_FONT}; font-size: 15.5pt; line-height: 1.65; color: #111; }
body { margin: 0; }
.title-block { text-align: center; border-bottom: 2px solid #b22222; padding-bottom: 8pt; margin-bottom: 14pt; }
.title-block h1 { font-family: ${HEAD_FONT}; font-size: 21pt; font-weight: normal; margin: 0 0 4pt; letter-spacing: 1pt; }
.title-block .meta { font-size: 11pt; color: #333; }
h2 { font-family: ${HEAD_FONT}; font-size: 16pt; font-weight: normal; margin: 14pt 0 6pt; }
p { text-indent: 2em; margin: 0 0 6pt; text-align: justify; }
figure { margin: 6pt 0 10pt; break-inside: avoid; }
figure.table { break-inside: auto; }
caption { font-family: ${HEAD_FONT}; font-size: 11.5pt; text-align: center; margin-bottom: 3pt; break-after: avoid; }
table { width: 100%; border-collapse: collapse; font-size: 10pt; line-height: 1.35; }
thead { display: table-header-group; }
th { font-family: ${HEAD_FONT}; font-weight: normal; background: #f1f3f6; }
th, td { border: 0.6pt solid #555; padding: 2pt 4pt; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.fall { color: #b22222; }
tr { break-inside: avoid; }
p.note { text-indent: 0; font-size: 9.5pt; color: #444; }
figure.chart { text-align: center; }
.provenance { margin-top: 16pt; border-top: 0.6pt solid #999; padding-top: 4pt; font-size: 8.5pt; line-height: 1.4; color: #444; word-break: break-all; }
.provenance p { text-indent: 0; margin: 0; }
</style></head>
<body>
<header class="title-block"><h1>${esc(b.title)}</h1><div class="meta">${esc(b.subtitle)}\u3000${esc(b.date)}</div></header>
${sections}
<footer class="provenance">${b.provenance.map((l) => `<p>${esc(l)}</p>`).join('')}</footer>
</body></html>`;
}

/**
 * The page footer for Chromium's printToPDF (headless in the CLI, Electron's in the app): the short
 * provenance, then the page number centred, as official documents are numbered.
 */
export function pdfFooterTemplate(footer: string, lang: 'zh' | 'en'): string {
  const page = lang === 'zh' ? '第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页' : 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';
  return `<div style="font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;font-size:6.5pt;color:#444;width:100%;margin:0 20mm 0 22mm;text-align:center"><div>${esc(footer)}</div><div style="font-size:9pt;margin-top:1mm">${page}</div></div>`;
}

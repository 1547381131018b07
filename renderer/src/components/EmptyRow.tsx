// Table helpers: a header with its unit in the reader's punctuation ("支出（亿元）", "Spending
// (yuan)"), and the single row an empty table shows to say why it is empty.
export function withUnit(header: string, unit: string, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? `${header}（${unit}）` : `${header} (${unit})`;
}

export function EmptyRow({ columns, text, testId }: { columns: number; text: string; testId?: string }) {
  return (
    <tr className="empty-row">
      <td colSpan={columns} className="muted align-left wrap" data-testid={testId}>
        {text}
      </td>
    </tr>
  );
}

// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nContext, makeTranslate } from '../../i18n/i18n';
import { MappingEditor } from './MappingEditor';
import type { OutcomeMapping } from './mapping-edit';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mapping: OutcomeMapping = {
  kind: 'capacity',
  sheet: 'x.csv',
  headerRows: [3],
  dataStart: 4,
  columns: ['地区', '2024年', '2023年', '备注'],
  fields: { region: { column: 0 } },
  values: [],
  filters: [],
};

let root: ReturnType<typeof createRoot> | null = null;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

function render(onChange: (m: string[]) => void) {
  const host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  act(() =>
    root!.render(
      <I18nContext.Provider value={{ lang: 'zh', t: makeTranslate('zh') }}>
        <MappingEditor kind="capacity" mapping={mapping} previousMap={[]} mappingSource="suggested" onChange={onChange} onRepreview={() => {}} dirty={false} busy={false} />
      </I18nContext.Provider>,
    ),
  );
  return host;
}

function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('MappingEditor', () => {
  it('lists the file’s columns with a choice each, and tags year columns', () => {
    const host = render(() => {});
    const rows = host.querySelectorAll('[data-testid="mapping-table"] tbody tr');
    expect(rows).toHaveLength(4);
    expect(rows[1]!.textContent).toContain('2024年');
    expect(rows[1]!.querySelector('.tag-year')).not.toBeNull();
    expect(rows[3]!.querySelector('.tag-year')).toBeNull();
    expect((host.querySelector('[data-testid="map-select-1"]') as HTMLSelectElement).value).toBe('region');
  });

  it('binding one year column binds them all, as FIELD=@years; a key field moves to its new column', () => {
    const calls: string[][] = [];
    const host = render((m) => calls.push(m));
    choose(host.querySelector('[data-testid="map-select-2"]') as HTMLSelectElement, 'gpb_expenditure');
    expect(calls.at(-1)).toEqual(['gpb_expenditure=@years']);
    expect((host.querySelector('[data-testid="map-select-3"]') as HTMLSelectElement).value).toBe('gpb_expenditure');
    expect(host.querySelector('[data-testid="mapping-map"]')!.textContent).toBe('gpb_expenditure=@years');

    choose(host.querySelector('[data-testid="map-select-4"]') as HTMLSelectElement, 'region');
    expect([...calls.at(-1)!].sort()).toEqual(['gpb_expenditure=@years', 'region=#4']);
    expect((host.querySelector('[data-testid="map-select-1"]') as HTMLSelectElement).value).toBe('');
  });

  it('a fixed value becomes FIELD==VALUE', () => {
    const calls: string[][] = [];
    const host = render((m) => calls.push(m));
    const input = host.querySelector('[data-testid="map-constant-year"]') as HTMLInputElement;
    act(() => {
      // React tracks the value; set it through the native setter so the change event is seen.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '2019');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(calls.at(-1)).toEqual(['year==2019']);
  });
});

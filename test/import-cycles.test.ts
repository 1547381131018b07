// No import cycles in core/, db/, renderer/, electron/ or cli/ — type-only imports included. A cycle
// is broken by moving what both sides share to a leaf module (e.g. core/transfer/warning.ts,
// renderer/src/features/compliance/cell.ts).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-graph';

const ROOT = join(import.meta.dirname, '..');

describe('import graph', () => {
  it('reads the sources (a sanity floor: the graph is not empty and sees type-only imports)', () => {
    const graph = importGraph(ROOT, ['core']);
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('core/transfer/shares.ts')).toContain('core/transfer/warning.ts');
  });

  it('finds a cycle when there is one', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
      ['e.ts', ['e.ts']],
    ]);
    expect(importCycles(g)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  it('has no cycle in core/, db/, renderer/, electron/ or cli/', () => {
    const cycles = importCycles(importGraph(ROOT, ['core', 'db', 'renderer', 'electron', 'cli']));
    expect(cycles.map((c) => c.join(' ↔ '))).toEqual([]);
  });
});

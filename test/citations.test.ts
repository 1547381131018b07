// Every citation in code, lint messages, on-screen text and docs must resolve inside the repository:
// a `docs/<file>.md#<anchor>` pointer needs the file and the anchor (an `<a id>` or a heading), and
// no reference to documents outside the repository (the DOMAIN/ARCHITECTURE notes) may remain.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const FILES = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'core', 'db', 'electron', 'renderer', 'cli', 'test', 'scripts', 'bench', 'docs', 'eslint.config.js', 'README.md'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|tsx|js|mjs|sql|md|json)$/.test(f) && existsSync(join(ROOT, f)));

const POINTER = /docs\/([\w-]+\.md)(?:#([\w-]+))?/g;

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(join(ROOT, 'docs', file), 'utf8');
  const ids = new Set<string>();
  for (const m of text.matchAll(/<a id="([\w-]+)"><\/a>/g)) ids.add(m[1]!);
  for (const m of text.matchAll(/^#{1,6} (.+)$/gm)) ids.add(m[1]!.toLowerCase().replace(/[^\w\- ]/g, '').trim().replace(/ /g, '-'));
  return ids;
}

describe('citations', () => {
  it('every docs/…md#anchor pointer resolves to a file and an anchor in it', () => {
    const anchors = new Map<string, Set<string>>();
    const broken: string[] = [];
    for (const f of FILES) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      for (const m of text.matchAll(POINTER)) {
        const [whole, doc, anchor] = m;
        if (!existsSync(join(ROOT, 'docs', doc!))) {
          broken.push(`${f}: ${whole} (no such file)`);
          continue;
        }
        if (!anchor) continue;
        if (!anchors.has(doc!)) anchors.set(doc!, anchorsOf(doc!));
        if (!anchors.get(doc!)!.has(anchor)) broken.push(`${f}: ${whole} (no such anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('nothing cites a document outside the repository', () => {
    const outside = /DOMAIN §|DOMAIN\.md|ARCHITECTURE\.md|ARCHITECTURE §|FUNDS-AND-AID/;
    const hits = FILES.filter((f) => !f.endsWith('citations.test.ts') && outside.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(hits).toEqual([]);
  });

  it('a pointer to a missing anchor is caught (the check itself works)', () => {
    expect(anchorsOf('domain.md').has('edge-cases')).toBe(true);
    expect(anchorsOf('domain.md').has('no-such-anchor')).toBe(false);
  });
});

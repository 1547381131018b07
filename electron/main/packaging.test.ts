// The packaged build's Electron fuses (docs/architecture.md#security), read from electron-builder.yml: the
// binary cannot run as Node, ignores NODE_OPTIONS and --inspect, loads code only from an app.asar
// whose integrity is checked, and gives file:// no extra privileges. The binary itself cannot be
// downloaded on the build machines; this pins what electron-builder flips when it can.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const config = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');

/** The key: value lines of one top-level YAML block (flat booleans only, as electronFuses is). */
function block(name: string): Record<string, string> {
  const lines = config.split('\n');
  const start = lines.findIndex((l) => l === `${name}:`);
  if (start < 0) return {};
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const m = /^ {2}(\w+):\s*(\S+)\s*$/.exec(line);
    if (!m) break;
    out[m[1]!] = m[2]!;
  }
  return out;
}

describe('electron fuses in the packaged build', () => {
  it('are set to the locked-down values', () => {
    expect(block('electronFuses')).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      enableCookieEncryption: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
    expect(config).toMatch(/^asar: true$/m);
  });
});

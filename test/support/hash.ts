import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function fileSha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

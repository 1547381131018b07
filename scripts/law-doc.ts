// Writes docs/law.md from the law store (core/law). Run after changing an instrument file:
//   npx tsx scripts/law-doc.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderLawDoc } from '../core/law/doc';

const target = fileURLToPath(new URL('../docs/law.md', import.meta.url));
writeFileSync(target, renderLawDoc());
console.log(`wrote ${target}`);

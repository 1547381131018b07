// Reading a bulletin: its sentences, the figures they state, the checks of the text against itself
// and the never-decrease and three-growths rules on what it states. Pure: text in, a report out.
import { checkBulletin, type Finding } from './checks';
import { extractSentence, type Figure, type ListedFall, type StatedCount } from './extract';
import { indicatorIn, type Indicator } from './indicators';
import { applyLaw, type LawResult } from './law';
import { structure, titleFacts, type Sentence } from './structure';

export type BulletinReading = {
  title: string | null;
  region: string | null;
  year: number | null;
  /** Where the year came from: the title, a sentence, or nowhere. */
  yearFrom: 'title' | 'sentence' | null;
  sentences: Sentence[];
  figures: Figure[];
  falls: ListedFall[];
  counts: StatedCount[];
  findings: Finding[];
  law: LawResult[];
};

export type ReadOptions = { region?: string | null; year?: number | null };

function specific(text: string | undefined): Indicator | null {
  if (text === undefined) return null;
  const i = indicatorIn(text);
  return i?.specific ? i.indicator : null;
}

export function readBulletin(text: string, options: ReadOptions = {}): BulletinReading {
  const sentences = structure(text);
  const title = sentences.find((s) => s.kind === 'title') ?? null;
  const facts = titleFacts(title?.text ?? null);
  let year = options.year ?? facts.year;
  let yearFrom: BulletinReading['yearFrom'] = year !== null ? 'title' : null;
  if (year === null) {
    const stated = sentences.find((s) => s.kind === 'sentence' && /\d{4}年/.test(s.norm));
    if (stated) {
      year = Number(/(\d{4})年/.exec(stated.norm)![1]);
      yearFrom = 'sentence';
    }
  }
  const figures: Figure[] = [];
  const falls: ListedFall[] = [];
  const counts: StatedCount[] = [];
  for (const s of sentences) {
    if (s.kind !== 'sentence') continue;
    const headings = [...s.headings].reverse().map((i) => sentences[i]!.norm);
    const headingIndicator = headings.map(specific).find((x) => x !== null) ?? null;
    const leadIndicator = s.leadIn === null ? null : specific(sentences[s.leadIn]!.norm);
    const got = extractSentence(s, { year, headingIndicator, leadIndicator }, figures.length, figures[figures.length - 1] ?? null);
    figures.push(...got.figures);
    falls.push(...got.falls);
    counts.push(...got.counts);
    // Numbered in reading order once the sentence is read (a share can retire the amount before it).
    figures.forEach((f, i) => (f.id = i));
  }
  const region = options.region ?? facts.region;
  const findings = checkBulletin({ sentences, figures, falls, counts, year, yearFrom });
  const law = applyLaw(figures, falls, findings);
  return { title: title?.text ?? null, region, year, yearFrom, sentences, figures, falls, counts, findings, law };
}

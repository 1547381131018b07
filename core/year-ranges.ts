// Years written as ranges, the way a basis or a gap is read out: 2010–2015、2018.

/** Consecutive years joined by an en dash, runs separated by 、 (input sorted ascending). */
export function yearRanges(years: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    parts.push(i === j ? `${years[i]}` : `${years[i]}–${years[j]}`);
    i = j + 1;
  }
  return parts.join('、');
}

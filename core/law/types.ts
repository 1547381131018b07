// The shapes of the law store: an instrument (one legal document, or the workbench's own documented
// defaults) says which values it sets for which parameters, from when, and under which article.
// Kept free of any reader so that instrument files, the store and the doc generator share them.

/**
 * The unit a value is stored in. Money is integer 分 (never yuan with decimals); a fraction is a
 * share or rate written as a decimal (0.04 = 4 %); `yuan` is used only by the transfer defaults,
 * whose sliders work in whole yuan. `growth_rate` is a year-on-year
 * change that may be negative (−0.1 = a 10 % fall); `ratio` is a dimensionless bound that is not a share (a
 * coefficient of variation); `fen_per_pupil` is a stock per pupil (equipment value), not a yearly flow.
 */
export type LawUnit =
  | 'fen_per_pupil_year'
  | 'fen_per_pupil'
  | 'pupils'
  | 'per_100_pupils'
  | 'sqm_per_pupil'
  | 'fraction'
  | 'growth_rate'
  | 'ratio'
  | 'multiplier'
  | 'switch'
  | 'yuan'
  | 'yuan_per_student'
  | 'count';

/** How sure the project is of a value (the letters the data files use). */
export type Confidence = 'C' | 'M';

/**
 * How far the `url` of a reference can be trusted to show the legal text: `official` — the issuer's
 * own or the central government's publication (gov.cn, moe.gov.cn, mof.gov.cn); `government_copy`
 * — another government site reproducing it; `repost` — a third-party site (news, document-sharing,
 * or of unknown standing), read only until the official text is found; `project` — the
 * workbench's own documentation (its method defaults, not law).
 */
export type UrlKind = 'official' | 'government_copy' | 'repost' | 'project';

/** Where a value comes from: the document, the article (or section) in it, and where to read it. */
export type LawReference = { document: string; article: string; url: string };

/** An ISO date (YYYY-MM-DD). Values take effect on `from` and stop before `to`. */
export type IsoDate = `${number}-${number}-${number}`;

export type LawSpec = {
  label: { zh: string; en: string };
  unit: LawUnit;
  /** What the parameter means, in one sentence (shown in docs/law.md). */
  meaning: string;
};

/** One value an instrument sets: `value` for `key` from `from` until `to` (null = still in force). */
export type InstrumentValue<K extends string> = {
  key: K;
  value: number;
  from: IsoDate;
  to: IsoDate | null;
  article: string;
  /** Overrides the instrument's url when the article is read somewhere else (then say urlKind too). */
  url?: string;
  urlKind?: UrlKind;
  confidence: Confidence;
  /** Why the value or its date is what it is, when that is not obvious from the article. */
  note?: string;
};

export type Instrument<K extends string> = {
  /** File-name-like id, unique: 'guofa-2015-67'. */
  id: string;
  /** 文号 as printed: 国发〔2015〕67号. Empty only for the workbench's own defaults. */
  number: string;
  title: string;
  issuer: string;
  /** Date of issue (成文日期). */
  date: IsoDate;
  url: string;
  /** How far `url` can be trusted to show the text (docs/law.md prints it beside every source). */
  urlKind: UrlKind;
  /** The articles the values cite, with a short paraphrase of what each says. */
  articles: Readonly<Record<string, string>>;
  values: readonly InstrumentValue<K>[];
};

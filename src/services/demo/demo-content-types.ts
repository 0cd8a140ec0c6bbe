/**
 * The shape of the demo publication's content. The text itself lives in
 * demo-content.ts; seed-demo.ts turns it into rows through the same
 * operations the newsroom uses.
 *
 * Inline text in paragraphs, list items and briefs may use three marks:
 *   _italic words_            emphasis
 *   [link text](https://…)    a link (absolute https URL or a site path)
 *   ^[footnote text]          a footnote, numbered in order of appearance
 */

export interface DemoSection {
  slug: string;
  name: string;
  description: string;
}

export interface DemoType {
  slug: string;
  name: string;
  /** schema.org type used in JSON-LD. */
  schemaType:
    'NewsArticle' | 'AnalysisNewsArticle' | 'OpinionNewsArticle' | 'ReviewNewsArticle' | 'BackgroundNewsArticle' | 'ReportageNewsArticle';
  description: string;
}

export interface DemoTopic {
  slug: string;
  name: string;
  description: string;
}

export interface DemoAuthor {
  slug: string;
  name: string;
  /** e.g. "Senior editor, Europe" or "Contributing writer". */
  title: string;
  bio: string;
  links: { label: string; url: string }[];
}

/** Drives a locally generated abstract illustration: no photo, no network. */
export interface DemoPicture {
  /** Any short word; the same motif always draws the same picture. */
  motif: string;
  caption: string;
  /** "AGENCY/Photographer" or "Illustration: Name" */
  credit: string;
  alt: string;
}

export type DemoBlock =
  | { p: string }
  | { h: string }
  | { quote: string; by: string }
  | { pull: string }
  | { list: string[]; ordered?: boolean }
  | { figure: DemoPicture }
  | { embed: string };

export interface DemoArticle {
  slug: string;
  section: string;
  type: string;
  kicker: string;
  headline: string;
  dek: string;
  authors: string[];
  topics: string[];
  /** Published this many hours before the demo is seeded. */
  hoursAgo: number;
  image: DemoPicture;
  body: DemoBlock[];
  /** Slugs of articles an editor pinned as "keep reading". */
  related?: string[];
  corrections?: { kind: 'correction' | 'update'; hoursAfter: number; text: string }[];
}

export interface DemoBrief {
  slug: string;
  headline: string;
  /** Two to four sentences. */
  take: string;
  sourceName: string;
  sourceUrl: string;
  section: string;
  hoursAgo: number;
}

export interface DemoPublication {
  title: string;
  tagline: string;
  description: string;
  sections: DemoSection[];
  types: DemoType[];
  topics: DemoTopic[];
  authors: DemoAuthor[];
  articles: DemoArticle[];
  briefs: DemoBrief[];
}

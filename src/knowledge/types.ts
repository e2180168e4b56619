import type { Category, QaEntry, Quote, Speaker, SynonymGroup, Topic } from './schema.ts';

export interface LoadedPassage {
  id: string;
  /** 1-based paragraph number in the article (p7 is paragraph 7); 0 for a line of the page (headline, source line). */
  paragraph: number;
  /** A page line's name ("headline"); absent for a paragraph. */
  label?: string;
  text: string;
}

/** The validated knowledge base: plain data, read once at start-up. */
export interface Knowledge {
  title: string;
  outlet: string;
  event: string;
  /** The article's text as kept in knowledge/article.txt. */
  article: string;
  passages: LoadedPassage[];
  /** Lines of the page around the paragraphs (source.json's `page`): citable, but not paragraphs. */
  page: LoadedPassage[];
  passageById: ReadonlyMap<string, LoadedPassage>;
  speakers: Speaker[];
  quotes: Quote[];
  topics: Topic[];
  qa: QaEntry[];
  /** Article-specific synonym groups from synonyms.json (empty when the file is absent). */
  synonyms: SynonymGroup[];
  /** Category words and the article's instances of them, from synonyms.json (empty when absent). */
  categories: Category[];
}

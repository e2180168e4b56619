// Every number the engine is tuned by, in one place. `npm run eval` shows what they give; the
// blind sets in test/data measure them honestly only until they have been tuned on.
export const TUNING = {
  /** Longest question the engine reads; the rest of a pasted wall of text adds nothing. */
  maxQuestionChars: 1000,
  /** Up to this many words a message is its own asking clause. */
  shortQuestionWords: 12,

  /** Ranking: an entry's score is this much coverage of the question plus the rest phrasing recall. */
  coverageShare: 0.75,
  /** How much a term from the rest of a long message counts, against one from the asking clause. */
  contextWeight: 0.25,

  /** Entries within this score of the first are a near-tie, settled by BM25's order. */
  nearTie: 0.05,

  /** The gate on its own: the top entry must cover this much of the question… */
  answerMinCoverage: 0.55,
  /** …and leave at most this much of its content unfound. */
  answerMaxMissing: 0.4,
  /** When BM25 ranks the same entry first, a lower floor suffices: two rankers that err differently agree. */
  agreedMinCoverage: 0.3,
  /** BM25 votes for the first suitable entry among its first this many. */
  bm25Votes: 3,
  agreedMaxMissing: 0.5,
  /** …or more still when the entry matches this many of the question's own words. */
  agreedWideMaxMissing: 0.6,
  agreedWideMinMatched: 3,
  agreedWideMinCoverage: 0.4,
  /** Seconded: an entry nearly clear on its own that BM25 ranks among its first `bm25Votes`. */
  seconded: { minCoverage: 0.5, maxMissing: 0.5 },
  /** For a speech question, how much of it may be words the knowledge base knows but the entry lacks. */
  agreedMaxMissingKnown: 0.25,

  /**
   * Filler-tolerant pass: words the knowledge base never uses count this much of their usual
   * weight ("my roommate is obsessed with …"), but then the entry must match at least
   * `looseMinMatched` of the question's own content words and BM25 must agree.
   */
  looseUnknownFactor: 0.2,
  looseMinMatched: 2,

  /** A real-word correction is taken only if the corrected question leaves at most this much unfound. */
  realWordMaxMissing: 0.2,

  /** Answering from one passage alone (no curated entry fits) needs near-full coverage… */
  passageMinCoverage: 0.75,
  /** …and this lead over the next passage. */
  passageMinLead: 0.1,

  /** A refusal cites the related passage (with a note) when the best entry covers this much. */
  relatedMinCoverage: 0.5,
  /** Suggestions need at least this score. */
  suggestionMinScore: 0.2,
} as const;

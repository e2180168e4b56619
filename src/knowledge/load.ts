import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { checkIntegrity } from './integrity.ts';
import { ARTICLE_FILE, KNOWLEDGE_FILES } from './schema.ts';
import type { Knowledge } from './types.ts';

/** The repository's knowledge/, found from this module whether it runs from src/knowledge/ or bundled into dist/. */
export const DEFAULT_KNOWLEDGE_DIR = findKnowledgeDir(dirname(fileURLToPath(import.meta.url)));

function findKnowledgeDir(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'knowledge', 'source.json'))) return join(dir, 'knowledge') + sep;
    if (dirname(dir) === dir) return fileURLToPath(new URL('../../knowledge/', import.meta.url));
  }
}

/** Everything wrong with the knowledge files, one line per problem, each naming file, entry and field. */
export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? problems[0]!
        : `${problems.length} problems in the knowledge files:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
}

/** How a file is named in messages: relative to the working directory, like `knowledge/qa.json`. */
function displayName(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** `entries[3].questions[0]` from zod's path array. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(top level)';
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function readText(path: string, problems: string[]): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push(`${displayName(path)}: cannot read the file (${code === 'ENOENT' ? 'it does not exist' : code})`);
    return undefined;
  }
}

function parseFile<S extends z.ZodType>(path: string, schema: S, problems: string[]): z.output<S> | undefined {
  const raw = readText(path, problems);
  if (raw === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(raw, Number(position[1]))}` : '';
    problems.push(`${displayName(path)}: not valid JSON${where}: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
    return undefined;
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push(`${displayName(path)}: ${formatPath(issue.path)}: ${issue.message}${entryHint(json, issue.path)}`);
  }
  return undefined;
}

/** ` (entry "some-id")` when the path is inside an entry that has an id, to find it without counting. */
function entryHint(json: unknown, path: ReadonlyArray<PropertyKey>): string {
  if (path.length < 2 || typeof path[1] !== 'number' || path.length === 2) return '';
  const list = (json as Record<string, unknown>)?.[path[0] as string];
  const entry = Array.isArray(list) ? list[path[1]] : undefined;
  const id = (entry as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? ` (entry "${id}")` : '';
}

/** What each knowledge file holds once validated (zod's output: defaults filled in). */
export type KnowledgeFiles = { [K in keyof typeof KNOWLEDGE_FILES]: z.output<(typeof KNOWLEDGE_FILES)[K]['schema']> };

/**
 * Knowledge files validated ahead of time, by the build (src/knowledge/precheck.ts): what they
 * held, validated, and a digest of their text. Files with that digest are the same files, so what
 * validating them would give is known without running zod (15–20 ms of every start) or the
 * cross-checks again.
 */
export interface Prechecked {
  digest: string;
  files: KnowledgeFiles;
}

/** One digest of the knowledge files' texts, names and all (`undefined`: the file is absent). */
export function knowledgeDigest(texts: Readonly<Record<string, string | undefined>>): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(texts).sort()) {
    const text = texts[name];
    hash.update(`${name}\0${text === undefined ? '-' : `${Buffer.byteLength(text)}\0${text}`}\0`);
  }
  return hash.digest('hex');
}

/**
 * Reads, validates and cross-checks the knowledge files. Throws a KnowledgeError listing every
 * problem found; never returns a half-valid knowledge base. With `prechecked` (the build's record
 * of files it validated), files with the same digest are taken as validated then; any others are
 * validated now, in full.
 */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR, options: { prechecked?: Prechecked | null } = {}): Knowledge {
  const root = resolve(dir);
  const prechecked = options.prechecked;
  if (prechecked) {
    const texts = readKnowledgeTexts(root);
    if (texts && knowledgeDigest(texts) === prechecked.digest) return assemble(prechecked.files, texts[ARTICLE_FILE]!);
  }
  return validate(root).knowledge;
}

/**
 * Validates the knowledge files in full, as loadKnowledge does, and returns the record that lets
 * a later load of the same files skip it. Throws the same KnowledgeError for files with problems.
 */
export function precheckKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): Prechecked {
  const root = resolve(dir);
  const before = readKnowledgeTexts(root);
  const { files } = validate(root);
  // Files edited while they were checked are not recorded as checked.
  const digest = before && knowledgeDigest(before);
  if (!digest || digest !== knowledgeDigest(readKnowledgeTexts(root) ?? {})) throw new KnowledgeError(['the knowledge files changed while they were checked']);
  return { digest, files };
}

function validate(root: string): { knowledge: Knowledge; files: KnowledgeFiles } {
  const problems: string[] = [];
  const file = (name: string) => join(root, name);
  const source = parseFile(file(KNOWLEDGE_FILES.source.file), KNOWLEDGE_FILES.source.schema, problems);
  const speakers = parseFile(file(KNOWLEDGE_FILES.speakers.file), KNOWLEDGE_FILES.speakers.schema, problems);
  const quotes = parseFile(file(KNOWLEDGE_FILES.quotes.file), KNOWLEDGE_FILES.quotes.schema, problems);
  const topics = parseFile(file(KNOWLEDGE_FILES.topics.file), KNOWLEDGE_FILES.topics.schema, problems);
  const qa = parseFile(file(KNOWLEDGE_FILES.qa.file), KNOWLEDGE_FILES.qa.schema, problems);
  // Optional, so a knowledge directory from before synonyms.json still loads.
  const synonyms = existsSync(file(KNOWLEDGE_FILES.synonyms.file))
    ? parseFile(file(KNOWLEDGE_FILES.synonyms.file), KNOWLEDGE_FILES.synonyms.schema, problems)
    : { groups: [] };
  const article = readText(file(ARTICLE_FILE), problems);
  if (!source || !speakers || !quotes || !topics || !qa || !synonyms || article === undefined) throw new KnowledgeError(problems);

  const files = { source, speakers, quotes, topics, qa, synonyms };
  const knowledge = assemble(files, article);
  problems.push(...checkIntegrity(knowledge, (name) => displayName(file(name))));
  if (problems.length > 0) throw new KnowledgeError(problems);
  return { knowledge, files };
}

/** Every knowledge file's text by name (absent optional files as undefined), or null if a required one cannot be read. */
function readKnowledgeTexts(root: string): Record<string, string | undefined> | null {
  const texts: Record<string, string | undefined> = {};
  for (const name of [...Object.values(KNOWLEDGE_FILES).map((f) => f.file), ARTICLE_FILE]) {
    try {
      texts[name] = readFileSync(join(root, name), 'utf8');
    } catch {
      if (name !== KNOWLEDGE_FILES.synonyms.file) return null;
      texts[name] = undefined;
    }
  }
  return texts;
}

function assemble(files: KnowledgeFiles, article: string): Knowledge {
  const { source, speakers, quotes, topics, qa, synonyms } = files;
  const passages = source.passages.map((p, i) => ({ id: p.id, paragraph: i + 1, text: p.text }));
  const page = (source.page ?? []).map((l) => ({ id: l.id, paragraph: 0, label: l.label, text: l.text }));
  return {
    title: source.title,
    outlet: source.outlet,
    event: source.event,
    article,
    passages,
    page,
    passageById: new Map([...passages, ...page].map((p) => [p.id, p])),
    speakers: speakers.speakers,
    quotes: quotes.quotes,
    topics: topics.topics,
    qa: qa.entries,
    synonyms: synonyms.groups,
    categories: synonyms.categories ?? [],
  };
}

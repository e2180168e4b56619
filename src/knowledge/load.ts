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

/**
 * Reads, validates and cross-checks the knowledge files. Throws a KnowledgeError listing every
 * problem found; never returns a half-valid knowledge base.
 */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): Knowledge {
  const root = resolve(dir);
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

  const passages = source.passages.map((p, i) => ({ id: p.id, paragraph: i + 1, text: p.text }));
  const page = (source.page ?? []).map((l) => ({ id: l.id, paragraph: 0, label: l.label, text: l.text }));
  const knowledge: Knowledge = {
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
  problems.push(...checkIntegrity(knowledge, (name) => displayName(file(name))));
  if (problems.length > 0) throw new KnowledgeError(problems);
  return knowledge;
}

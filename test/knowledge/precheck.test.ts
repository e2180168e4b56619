// The build validates the knowledge once and records it (dist/knowledge.checked.json); the
// compiled bot then skips validating files with the recorded digest, and validates any others in
// full, with the same messages.
import { appendFileSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KnowledgeError, knowledgeDigest, loadKnowledge, precheckKnowledge } from '../../src/knowledge/load.ts';
import { readPrechecked, writePrechecked } from '../../src/knowledge/precheck.ts';
import { copyKnowledge, editJson } from './fixture.ts';

const temp = mkdtempSync(join(tmpdir(), 'precheck-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The message loading `dir` fails with. */
function failure(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as Error).message;
  }
  throw new Error('expected the knowledge to be rejected');
}

describe('knowledge validated by the build', () => {
  const record = precheckKnowledge();

  it('loads to the same knowledge as validating the files, through the JSON file the build writes', () => {
    const path = join(temp, 'knowledge.checked.json');
    writePrechecked(path);
    const read = readPrechecked(path);
    expect(read?.digest).toBe(record.digest);
    expect(loadKnowledge(undefined, { prechecked: read })).toEqual(loadKnowledge());
  });

  it('is taken for files with its digest, without validating them again', () => {
    // A record that says something else for the same files shows which path was taken.
    const marked = { ...record, files: { ...record.files, source: { ...record.files.source, title: 'as recorded' } } };
    expect(loadKnowledge(undefined, { prechecked: marked }).title).toBe('as recorded');
  });

  it('is ignored for files that differ, which are validated in full with the same messages', () => {
    const dir = copyKnowledge();
    editJson(dir, 'quotes.json', (j) => {
      j.quotes[3].text = 'clear eyed';
    });
    const message = failure(() => loadKnowledge(dir, { prechecked: record }));
    expect(message).toBe(failure(() => loadKnowledge(dir)));
    expect(message).toMatch(/quotes\.json: quotes\[3\]\.text: not found verbatim/);
  });

  it('is ignored when a file is added, missing or changed by a single byte', () => {
    const dir = copyKnowledge();
    appendFileSync(join(dir, 'article.txt'), ' ');
    expect(loadKnowledge(dir, { prechecked: { ...record, files: { ...record.files, qa: { entries: [] } } } }).qa.length).toBeGreaterThan(0);
    const missing = copyKnowledge();
    unlinkSync(join(missing, 'source.json'));
    expect(failure(() => loadKnowledge(missing, { prechecked: record }))).toMatch(/source\.json: cannot read the file \(it does not exist\)/);
    const base = { 'a.json': '{}', 'b.txt': 'x' };
    expect(new Set([knowledgeDigest(base), knowledgeDigest({ ...base, 'b.txt': 'y' }), knowledgeDigest({ ...base, 'c.json': undefined })]).size).toBe(3);
  });

  it('is not written for broken files, and a missing or damaged record is no record', () => {
    const dir = copyKnowledge();
    writeFileSync(join(dir, 'qa.json'), '{ "entries": [ }');
    const path = join(temp, 'broken.checked.json');
    expect(() => writePrechecked(path, dir)).toThrow(KnowledgeError);
    expect(readPrechecked(path)).toBeNull();
    writeFileSync(path, '{ "digest": ');
    expect(readPrechecked(path)).toBeNull();
  });
});

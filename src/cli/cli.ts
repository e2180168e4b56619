// npm run --silent cli -- ask|quote|topic "<text>" [--about <text>] [--json]
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createEngine } from '../engine/index.ts';
import { type Engine, EngineInputError } from '../engine/types.ts';
import { KnowledgeError, loadKnowledge } from '../knowledge/load.ts';
import { fail as failWith } from '../lifecycle/fail.ts';
import { askJson, quoteJson, topicJson } from './json-shapes.ts';
import { askText, quoteText, topicText } from './text-output.ts';

const USAGE = `usage: npm run --silent cli -- <command> [options]
  ask "<question>" [--json]            answer a question, citing the article
  ask --json < questions.txt           one question per line, one JSON object per line
  quote "<speaker>" [--about <text>] [--json]
  topic "<name>" [--json]`;

/** Usage problems exit 2. */
function fail(message: string): never {
  return failWith(message, 2);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, about: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const { values, positionals } = parsed;
const [command, ...rest] = positionals;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!command || !['ask', 'quote', 'topic'].includes(command) || rest.length > 1) fail(USAGE);
if (values.about !== undefined && command !== 'quote') fail(`--about goes with quote\n${USAGE}`);

let engine: Engine;
try {
  engine = createEngine(loadKnowledge());
} catch (error) {
  if (error instanceof KnowledgeError) fail(error.message);
  throw error;
}

const json = values.json === true;
const print = (value: unknown, text: string) => console.log(json ? JSON.stringify(value) : text);

function run(input: string): void {
  if (command === 'ask') {
    const r = engine.ask(input);
    print(askJson(r), askText(r));
  } else if (command === 'quote') {
    const r = engine.quote(input, values.about);
    print(quoteJson(r), quoteText(r));
  } else {
    const r = engine.topic(input);
    print(topicJson(r), topicText(r));
  }
}

const [input] = rest;
if (input !== undefined) {
  try {
    run(input);
  } catch (error) {
    if (error instanceof EngineInputError) fail(error.message);
    throw error;
  }
} else if (command === 'ask') {
  // Many questions in one process: one line in, one line out, in order.
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    try {
      run(line);
    } catch (error) {
      if (!(error instanceof EngineInputError)) throw error;
      // Keep one line out per line in, in the contract's shape; the reason goes to stderr.
      console.error(`line ${lineNumber}: ${error.message}`);
      print({ query: line, answered: false, answer: null, citations: [], suggestions: [], note: null }, error.message);
    }
  }
} else {
  fail(USAGE);
}

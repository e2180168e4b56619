// npm run report -- [<log file>…] [--json] [--since <ISO date>]: the curators' report, from the
// bot's JSON log lines (files, or stdin when none are named).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { buildReport } from '../report/build-report.ts';
import { parseLogLine, type LogEvent } from '../report/log-events.ts';
import { renderText } from '../report/render-text.ts';
import { fail as failWith } from '../lifecycle/fail.ts';

const USAGE = `usage: npm run report -- [<log file>…] [--json] [--since <ISO date>]
  reads the bot's JSON log lines (from the files, or stdin when none are named) and prints
  unanswered questions, answers marked Not helpful, and totals`;

function fail(message: string): never {
  return failWith(message, 2);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, since: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
let since: Date | null = null;
if (values.since !== undefined) {
  since = new Date(values.since);
  if (!/^\d{4}-\d{2}-\d{2}/.test(values.since) || Number.isNaN(since.getTime()))
    fail(`--since needs an ISO date such as 2026-11-29 or 2026-11-29T15:00Z (got "${values.since}")\n${USAGE}`);
}

const events: LogEvent[] = [];
const lines = { read: 0, skipped: 0 };

async function read(input: Readable): Promise<void> {
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    lines.read += 1;
    const parsedLine = parseLogLine(line);
    if (!parsedLine.bot) lines.skipped += 1;
    else if (parsedLine.event) events.push(parsedLine.event);
  }
}

if (positionals.length === 0) await read(process.stdin);
for (const file of positionals) {
  const stream = createReadStream(file, { encoding: 'utf8' });
  try {
    await read(stream);
  } catch (error) {
    fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

const report = buildReport(events, lines, since);
console.log(values.json ? JSON.stringify(report, null, 2) : renderText(report));

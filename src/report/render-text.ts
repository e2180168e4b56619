// The report as plain-text tables for a person at a terminal (`--json` prints the Report itself).
import { truncate } from '../replies/limits.ts';
import type { Report } from './build-report.ts';

/** Columns padded to their widest cell; cells cut to `max` characters. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, max = 60): string[] {
  const cells = [headers, ...rows].map((row) => row.map((cell) => truncate(cell.replace(/\s+/g, ' '), max)));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => [...(row[i] ?? '')].length)));
  return cells.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - [...cell].length)))
      .join('  ')
      .trimEnd(),
  );
}

/** `2026-11-29 15:50` in UTC. */
function minute(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

function percent(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)}%`;
}

export function renderText(report: Report): string {
  const t = report.totals;
  const out: string[] = [];
  out.push(`Report on the bot's log${report.since ? ` since ${report.since}` : ''} (times UTC)`);
  out.push(`${report.lines.read} lines read, ${report.lines.skipped} skipped (not the bot's JSON log lines)`);
  out.push('');

  const asked = report.unanswered.reduce((n, g) => n + g.count, 0);
  out.push(`Unanswered questions: ${report.unanswered.length} distinct, asked ${asked} times`);
  if (report.unanswered.length === 0) out.push('  none');
  else {
    const rows = report.unanswered.map((g) => [
      String(g.count),
      minute(g.firstSeen),
      minute(g.lastSeen),
      g.question,
      g.suggestion ? `${g.suggestion.label} (${g.suggestion.customId})` : '—',
      g.suggestion ? `${g.suggestionPressed} of ${g.count}` : '—',
    ]);
    out.push(...table(['asked', 'first seen', 'last seen', 'question', 'suggestion offered', 'pressed'], rows).map((l) => `  ${l}`));
  }
  out.push('');

  out.push(`Answers marked Not helpful: ${report.notHelpful.length} ${report.notHelpful.length === 1 ? 'entry' : 'entries'}`);
  if (report.notHelpful.length === 0) out.push('  none');
  else {
    const rows = report.notHelpful.map((e) => [
      `${e.source === 'passage' ? 'passage ' : ''}${e.id}`,
      String(e.notHelpful),
      String(e.helpful),
      e.questions.map((q) => (q.count > 1 ? `${q.question} (×${q.count})` : q.question)).join(' | ') || '—',
    ]);
    out.push(...table(['entry', 'not helpful', 'helpful', 'questions that led to it'], rows, 100).map((l) => `  ${l}`));
  }
  out.push('');

  out.push('Totals');
  const refusals = Object.entries(t.refusals).sort((a, b) => b[1] - a[1]);
  const rows: string[][] = [
    ['interactions', `${t.interactions} (and ${t.autocomplete} autocomplete requests)`],
    ['answered', `${t.answered} of ${t.asked} questions (${percent(t.answeredShare)})`],
    ['refusals', refusals.length ? refusals.map(([reason, n]) => `${reason} ${n}`).join(', ') : 'none'],
    ['feedback', `${t.feedback.helpful} helpful, ${t.feedback.notHelpful} not helpful (${t.feedback.presses} presses)`],
    ['reloads', `${t.reloads.ok} loaded, ${t.reloads.refused} refused`],
  ];
  out.push(
    ...table(['', ''], rows, 200)
      .slice(1)
      .map((l) => `  ${l}`),
  );
  return out.join('\n');
}

import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Citation } from '../engine/types.ts';
import { escapeAndFit } from './escape.ts';
import { LIMITS, truncate } from './limits.ts';

/** What the replies say about where answers come from: the knowledge base's article. */
export interface SourceInfo {
  title: string;
  outlet: string;
  event: string;
}

export const EMBED_COLOR = 0xbb1919;

export function sourceLine(source: SourceInfo): string {
  return `Source: ${source.outlet} — “${source.title}”`;
}

/** `¶ 7` for a paragraph; a line of the page by its name ("Headline", "Source line"). */
export function paragraphLabel(paragraph: number, label?: string): string {
  return label ? label.charAt(0).toUpperCase() + label.slice(1) : `¶ ${paragraph}`;
}

export interface CitedEmbedInput {
  /** Plain text; escaped here. */
  title: string;
  /** Plain text; escaped here. */
  description: string;
  citations: readonly Citation[];
  source: SourceInfo;
}

/**
 * An answer with its evidence: the answer as the description, then each cited passage, best first,
 * as a block quote in a field named by its paragraph number, and the source in the footer. Stays within every
 * embed limit: passages that no longer fit are named in one last field instead of quoted.
 */
export function citedEmbed(input: CitedEmbedInput): APIEmbed {
  const footer = truncate(sourceLine(input.source), LIMITS.footerText);
  const title = escapeAndFit(input.title, LIMITS.embedTitle);
  const description = escapeAndFit(input.description, LIMITS.embedDescription);
  // In the engine's order: the passage that answers (a two-part question's first part) comes first.
  const citations = input.citations;

  // Room left for fields, keeping enough for a closing "more passages" field.
  const reserve = 200;
  let budget = LIMITS.embedTotal - title.length - description.length - footer.length - reserve;
  const fields: APIEmbedField[] = [];
  let shown = 0;
  for (const c of citations) {
    if (fields.length === LIMITS.embedFields - 1) break;
    const name = paragraphLabel(c.paragraph, c.label);
    const room = Math.min(LIMITS.fieldValue, budget - name.length);
    if (room < 80) break;
    const value = `> ${escapeAndFit(oneLine(c.text), room - 2)}`;
    fields.push({ name, value });
    budget -= name.length + value.length;
    shown += 1;
  }
  const rest = citations.slice(shown);
  if (rest.length > 0) {
    const lines = rest.flatMap((c) => (c.label ? [paragraphLabel(c.paragraph, c.label)] : []));
    const paragraphs = rest.flatMap((c) => (c.label ? [] : [c.paragraph]));
    const value = [paragraphs.length > 0 ? paragraphRanges(paragraphs) : '', ...lines].filter(Boolean).join(', ');
    fields.push({ name: 'More passages', value: truncate(value, reserve - 20) });
  }

  const embed: APIEmbed = { color: EMBED_COLOR, footer: { text: footer } };
  if (title) embed.title = title;
  if (description) embed.description = description;
  if (fields.length > 0) embed.fields = fields;
  return embed;
}

/** Passages are paragraphs; a stray line break would end the block quote early. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** `¶ 3–5, 8, 10`: paragraph numbers with runs shortened. */
export function paragraphRanges(paragraphs: readonly number[]): string {
  const sorted = [...new Set(paragraphs)].sort((a, b) => a - b);
  const parts: string[] = [];
  const range = (start: number, end: number) => (end === start ? `${start}` : `${start}–${end}`);
  let run: { start: number; end: number } | null = null;
  for (const n of sorted) {
    if (run && n === run.end + 1) {
      run.end = n;
      continue;
    }
    if (run) parts.push(range(run.start, run.end));
    run = { start: n, end: n };
  }
  if (run) parts.push(range(run.start, run.end));
  return parts.length > 0 ? `¶ ${parts.join(', ')}` : '';
}

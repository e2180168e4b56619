import { MessageFlags, type APIEmbed } from 'discord-api-types/v10';
import { LIMITS, truncate } from './limits.ts';
import type { ButtonRow, Reply, ReplyChoice } from './types.ts';

/** Mentions in a reply ping nobody, whatever the text says. */
export const NO_MENTIONS = { parse: [] } as const;

/**
 * The last step before any reply leaves: mentions off, every Discord limit enforced. Builders
 * already stay within the limits; this makes it hold for anything that slips through.
 */
export function safeReply(reply: Reply): Reply {
  const out: Reply = { allowed_mentions: { parse: [] } };
  if (reply.content !== undefined) out.content = truncate(reply.content, LIMITS.content);
  if (reply.embeds) out.embeds = fitEmbeds(reply.embeds.slice(0, LIMITS.embeds));
  if (reply.components) out.components = fitComponents(reply.components);
  if (reply.flags !== undefined) out.flags = reply.flags;
  if (!out.content && !out.embeds?.length) out.content = '…';
  return out;
}

export function ephemeral(reply: Reply): Reply {
  return { ...reply, flags: MessageFlags.Ephemeral };
}

export function isEphemeral(reply: Reply): boolean {
  return ((reply.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

/** Autocomplete answers: at most 25, names 1-100 characters, values that fit (never cut: a cut value is a different value). */
export function safeChoices(choices: readonly ReplyChoice[]): ReplyChoice[] {
  const seen = new Set<string>();
  const out: ReplyChoice[] = [];
  for (const choice of choices) {
    const name = truncate(choice.name.trim(), LIMITS.choiceName);
    if (!name || !choice.value || choice.value.length > LIMITS.choiceValue || seen.has(choice.value)) continue;
    seen.add(choice.value);
    out.push({ name, value: choice.value });
    if (out.length === LIMITS.choices) break;
  }
  return out;
}

/** Characters Discord counts towards the 6000 shared by all embeds of a message. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  const fitted = embeds.map(fitEmbed);
  let overflow = fitted.reduce((sum, e) => sum + embedLength(e), 0) - LIMITS.embedTotal;
  // Over the shared budget: cut descriptions from the last embed back, then drop trailing fields.
  for (const embed of [...fitted].reverse()) {
    if (overflow <= 0) break;
    if (embed.description) {
      const before = embed.description.length;
      embed.description = truncate(embed.description, Math.max(0, before - overflow)) || undefined;
      overflow -= before - (embed.description?.length ?? 0);
    }
    for (let field = embed.fields?.at(-1); overflow > 0 && field; field = embed.fields?.at(-1)) {
      embed.fields?.pop();
      overflow -= field.name.length + field.value.length;
    }
    if (overflow > 0 && embed.footer) {
      overflow -= embed.footer.text.length;
      delete embed.footer;
    }
  }
  return fitted;
}

function fitEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncate(out.title, LIMITS.embedTitle);
  if (out.description !== undefined) out.description = truncate(out.description, LIMITS.embedDescription);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footerText) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.authorName) };
  if (out.fields) {
    out.fields = out.fields.slice(0, LIMITS.embedFields).map((f) => ({
      ...f,
      name: truncate(f.name, LIMITS.fieldName) || '\u200b',
      value: truncate(f.value, LIMITS.fieldValue) || '\u200b',
    }));
  }
  return out;
}

function fitComponents(rows: ButtonRow[]): ButtonRow[] {
  const seen = new Set<string>();
  const out: ButtonRow[] = [];
  for (const row of rows) {
    // Discord rejects a message whose buttons share a custom id, or with an id over 100 characters.
    const buttons: ButtonRow['components'] = [];
    for (const b of row.components) {
      if (b.custom_id.length === 0 || b.custom_id.length > LIMITS.customId || seen.has(b.custom_id)) continue;
      seen.add(b.custom_id);
      buttons.push(b.label === undefined ? b : { ...b, label: truncate(b.label, LIMITS.buttonLabel) });
      if (buttons.length === LIMITS.buttonsPerRow) break;
    }
    if (buttons.length > 0) out.push({ ...row, components: buttons });
    if (out.length === LIMITS.actionRows) break;
  }
  return out;
}

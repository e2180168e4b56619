// What every body the bot sends to Discord must satisfy, counted here independently of src/replies:
// Discord's size limits, mentions that ping nobody, and text that cannot ping or render as markup.
import type { APIEmbed } from 'discord-api-types/v10';
import { snowflake, type FakeDiscord, type RecordedCallback, type RecordedWebhookCall } from '../fake-discord/index.ts';

export const EPHEMERAL = 64;

export interface Button {
  type: number;
  style?: number;
  label?: string;
  custom_id?: string;
  url?: string;
  disabled?: boolean;
}
export interface Row {
  type: number;
  components: Button[];
}
/** A message body as the bot sends it (callback data, follow-up or edit). */
export interface MessageData {
  content?: string;
  embeds?: APIEmbed[];
  components?: Row[];
  flags?: number;
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean };
}
export interface Choice {
  name: string;
  value: string | number;
}

/** A user of its own, so the per-user cooldown never links two tests. */
export function freshUser(): { id: string; username: string } {
  const id = snowflake();
  return { id, username: `user${id.slice(-6)}` };
}

export function isEphemeral(data: MessageData): boolean {
  return ((data.flags ?? 0) & EPHEMERAL) === EPHEMERAL;
}

export function buttons(data: MessageData): Button[] {
  return (data.components ?? []).flatMap((row) => row.components);
}

export function customIds(data: MessageData): string[] {
  return buttons(data).flatMap((b) => (b.custom_id === undefined ? [] : [b.custom_id]));
}

/** Every piece of text a person sees in the message. */
export function visibleTexts(data: MessageData): string[] {
  const out: string[] = [];
  if (data.content) out.push(data.content);
  for (const e of data.embeds ?? []) {
    for (const text of [e.title, e.description, e.footer?.text, e.author?.name]) if (text) out.push(text);
    for (const f of e.fields ?? []) out.push(f.name, f.value);
  }
  for (const b of buttons(data)) if (b.label) out.push(b.label);
  return out;
}

export function allText(data: MessageData): string {
  return visibleTexts(data).join('\n');
}

/**
 * Text that would ping or render as a mention if mentions were allowed: @everyone / @here, and
 * <@id>, <@!id>, <@&role>, <#channel> not preceded by a backslash.
 */
export function mentionSyntax(text: string): string[] {
  return [...text.matchAll(/@(everyone|here)|(?<!\\)<(@[!&]?|#)\d+>/g)].map((m) => m[0]);
}

function len(value: string | undefined): number {
  return value?.length ?? 0;
}

/** Problems with a message body: limits, allowed_mentions, mention syntax. */
export function messageProblems(data: MessageData, options: { requireVisible?: boolean } = {}): string[] {
  const out: string[] = [];
  const am = data.allowed_mentions;
  if (!am) out.push('no allowed_mentions');
  else {
    if (!Array.isArray(am.parse) || am.parse.length !== 0) out.push(`allowed_mentions.parse is ${JSON.stringify(am.parse)}`);
    if ((am.users ?? []).length > 0) out.push(`allowed_mentions.users is ${JSON.stringify(am.users)}`);
    if ((am.roles ?? []).length > 0) out.push(`allowed_mentions.roles is ${JSON.stringify(am.roles)}`);
    if (am.replied_user === true) out.push('allowed_mentions.replied_user is true');
  }
  if (len(data.content) > 2000) out.push(`content has ${len(data.content)} characters (max 2000)`);
  const embeds = data.embeds ?? [];
  if (embeds.length > 10) out.push(`${embeds.length} embeds (max 10)`);
  let total = 0;
  embeds.forEach((e, i) => {
    const at = `embeds[${i}]`;
    if (len(e.title) > 256) out.push(`${at}.title has ${len(e.title)} characters (max 256)`);
    if (len(e.description) > 4096) out.push(`${at}.description has ${len(e.description)} characters (max 4096)`);
    if (len(e.footer?.text) > 2048) out.push(`${at}.footer has ${len(e.footer?.text)} characters (max 2048)`);
    if (len(e.author?.name) > 256) out.push(`${at}.author has ${len(e.author?.name)} characters (max 256)`);
    const fields = e.fields ?? [];
    if (fields.length > 25) out.push(`${at} has ${fields.length} fields (max 25)`);
    fields.forEach((f, j) => {
      if (f.name.length < 1 || f.name.length > 256) out.push(`${at}.fields[${j}].name has ${f.name.length} characters (1-256)`);
      if (f.value.length < 1 || f.value.length > 1024) out.push(`${at}.fields[${j}].value has ${f.value.length} characters (1-1024)`);
      total += f.name.length + f.value.length;
    });
    total += len(e.title) + len(e.description) + len(e.footer?.text) + len(e.author?.name);
  });
  if (total > 6000) out.push(`embeds hold ${total} characters together (max 6000)`);
  const rows = data.components ?? [];
  if (rows.length > 5) out.push(`${rows.length} action rows (max 5)`);
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (row.type !== 1) out.push(`components[${i}] is type ${row.type}, not an action row`);
    if (row.components.length < 1 || row.components.length > 5) out.push(`components[${i}] has ${row.components.length} buttons (1-5)`);
    for (const b of row.components) {
      if (b.type !== 2) continue;
      if (len(b.label) > 80) out.push(`button label "${b.label}" has ${len(b.label)} characters (max 80)`);
      if (b.url === undefined) {
        const id = b.custom_id ?? '';
        if (id.length < 1 || id.length > 100) out.push(`custom_id "${id}" has ${id.length} characters (1-100)`);
        if (seen.has(id)) out.push(`duplicate custom_id "${id}"`);
        seen.add(id);
      }
    }
  });
  if (options.requireVisible && !data.content && embeds.length === 0) out.push('an empty message');
  for (const text of visibleTexts(data)) {
    const found = mentionSyntax(text);
    if (found.length > 0) out.push(`mention syntax ${JSON.stringify(found)} in ${JSON.stringify(text.slice(0, 120))}`);
  }
  return out;
}

export function choiceProblems(choices: unknown): string[] {
  if (!Array.isArray(choices)) return ['autocomplete data has no choices array'];
  const out: string[] = [];
  if (choices.length > 25) out.push(`${choices.length} choices (max 25)`);
  for (const c of choices as Choice[]) {
    if (c.name.length < 1 || c.name.length > 100) out.push(`choice name "${c.name}" has ${c.name.length} characters (1-100)`);
    if (typeof c.value === 'string' && (c.value.length < 1 || c.value.length > 100))
      out.push(`choice value "${c.value}" has ${c.value.length} characters (1-100)`);
    if (mentionSyntax(c.name).length > 0) out.push(`mention syntax in choice ${JSON.stringify(c.name)}`);
  }
  return out;
}

export function callbackProblems(callback: RecordedCallback): string[] {
  const where = `callback ${callback.type} for ${callback.interactionId}`;
  const data = (callback.data ?? {}) as MessageData & { choices?: unknown };
  let problems: string[];
  switch (callback.type) {
    case 4:
      problems = messageProblems(data, { requireVisible: true });
      break;
    case 7:
      problems = messageProblems(data);
      break;
    case 8:
      problems = choiceProblems(data.choices);
      break;
    case 5:
    case 6:
      problems = [];
      break;
    default:
      problems = [`unexpected callback type ${callback.type}`];
  }
  return problems.map((p) => `${where}: ${p}`);
}

export function webhookProblems(call: RecordedWebhookCall): string[] {
  if (call.method !== 'POST' && call.method !== 'PATCH') return [];
  const where = `${call.method} webhook ${call.messageId ?? '(follow-up)'} for ${call.interactionId}`;
  return messageProblems((call.body ?? {}) as MessageData, { requireVisible: call.method === 'POST' }).map((p) => `${where}: ${p}`);
}

/**
 * Checks what the fake recorded since the last call: every callback and webhook body against the
 * limits and mention rules, and the spec problems the fake found. Use it in afterEach.
 */
export function createAuditor(fake: FakeDiscord) {
  let callbacks = 0;
  let webhooks = 0;
  let specIssues = 0;
  return function audit(): string[] {
    const problems = [
      ...fake.callbacks.slice(callbacks).flatMap(callbackProblems),
      ...fake.webhookCalls.slice(webhooks).flatMap(webhookProblems),
      ...fake.specIssues.slice(specIssues).map((s) => `spec: ${s.method} ${s.path} ${s.schema}: ${s.problems.join('; ')}`),
    ];
    callbacks = fake.callbacks.length;
    webhooks = fake.webhookCalls.length;
    specIssues = fake.specIssues.length;
    return problems;
  };
}

export interface Answer {
  callback: RecordedCallback;
  /** The body that shows the answer: the callback's data, or for a deferred answer, the edit or follow-up. */
  data: MessageData;
  ephemeral: boolean;
}

/**
 * Waits for the interaction's answer. A deferred reply (type 5) or update (type 6) is followed by
 * an edit of @original or a follow-up; that body is the answer.
 */
export async function answerOf(fake: FakeDiscord, interactionId: string, timeoutMs = 10_000): Promise<Answer> {
  const callback = await fake.waitForCallback(interactionId, timeoutMs);
  const data = (callback.data ?? {}) as MessageData;
  if (callback.type !== 5 && callback.type !== 6) return { callback, data, ephemeral: isEphemeral(data) };
  const deferredEphemeral = isEphemeral(data);
  const call = await fake.waitFor(
    () =>
      fake.webhookCalls.find(
        (w) => w.interactionId === interactionId && ((w.method === 'PATCH' && w.messageId === '@original') || (w.method === 'POST' && w.messageId === null)),
      ),
    timeoutMs,
    `the deferred answer to ${interactionId}`,
  );
  const body = (call.body ?? {}) as MessageData;
  return { callback, data: body, ephemeral: call.method === 'POST' ? isEphemeral(body) : deferredEphemeral };
}

/** The router's answer when a handler threw: never expected from valid or hostile input. */
export const APOLOGY = /something went wrong while answering/;
export const STALE = /that button has expired or isn't one I recognise/;
export const SLOW_DOWN = /^Slow down a little/;

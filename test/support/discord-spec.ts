// Discord's own OpenAPI spec, as zod schemas (discord-api-spec), for checking reply bodies and
// command definitions. The package ships no type declarations, hence the import by variable.
import { MessageFlags } from 'discord-api-types/v10';
import type { Reply } from '../../src/replies/types.ts';

interface Schema {
  safeParse(value: unknown): { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } };
}

const SPEC_MODULE = 'discord-api-spec/zod';
const spec = (await import(SPEC_MODULE)) as Record<string, Schema>;

function issues(schemaName: string, value: unknown): string[] {
  const schema = spec[schemaName];
  if (!schema) return [`schema ${schemaName} is missing from discord-api-spec`];
  const result = schema.safeParse(value);
  return result.success ? [] : (result.error?.issues ?? []).map((i) => `${i.path.map(String).join('.') || '<root>'}: ${i.message}`);
}

/** Problems with an interaction callback body `{ type, data }` (4/5 message, 6/7 update, 8 autocomplete). */
export function callbackIssues(body: { type: number; data?: unknown }): string[] {
  if (body.type === 4 || body.type === 5) return issues('CreateMessageInteractionCallbackRequestSchema', body);
  if (body.type === 6 || body.type === 7) return issues('UpdateMessageInteractionCallbackRequestSchema', body);
  if (body.type === 8) return issues('ApplicationCommandAutocompleteCallbackRequestSchema', body);
  return [`no schema for callback type ${body.type}`];
}

/** Problems with a command definition, as sent in the bulk PUT and in a single create. */
export function commandIssues(data: unknown): string[] {
  return [...issues('ApplicationCommandUpdateRequestSchema', data), ...issues('ApplicationCommandCreateRequestSchema', data)];
}

/** Problems with an edit of the original response (PATCH …/messages/@original). */
export function editIssues(data: unknown): string[] {
  return issues('IncomingWebhookUpdateRequestPartialSchema', data);
}

/**
 * Discord's limits, counted here independently of src/replies, including the ones the OpenAPI
 * spec cannot express (the 6000 characters all embeds share, unique custom ids).
 */
export function limitIssues(reply: Reply): string[] {
  const out: string[] = [];
  if ((reply.content ?? '').length > 2000) out.push(`content has ${reply.content!.length} characters`);
  if (!reply.content && !(reply.embeds ?? []).length) out.push('empty message');
  let total = 0;
  for (const e of reply.embeds ?? []) {
    if ((e.title ?? '').length > 256) out.push('embed title over 256');
    if ((e.description ?? '').length > 4096) out.push('embed description over 4096');
    if ((e.fields ?? []).length > 25) out.push('over 25 fields');
    if ((e.footer?.text ?? '').length > 2048) out.push('footer over 2048');
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length + (e.author?.name ?? '').length;
    for (const f of e.fields ?? []) {
      if (f.name.length > 256 || f.name.length === 0) out.push(`field name length ${f.name.length}`);
      if (f.value.length > 1024 || f.value.length === 0) out.push(`field value length ${f.value.length}`);
      total += f.name.length + f.value.length;
    }
  }
  if (total > 6000) out.push(`embeds total ${total} characters`);
  const ids = new Set<string>();
  for (const row of reply.components ?? []) {
    if (row.components.length > 5) out.push('over 5 buttons in a row');
    for (const b of row.components) {
      if (b.custom_id.length > 100) out.push(`custom id ${b.custom_id} over 100`);
      if (ids.has(b.custom_id)) out.push(`duplicate custom id ${b.custom_id}`);
      ids.add(b.custom_id);
      if ((b.label ?? '').length > 80) out.push('button label over 80');
    }
  }
  if ((reply.components ?? []).length > 5) out.push('over 5 rows');
  return out;
}

/** Everything a reply sent as a new message must satisfy: the spec, the limits, no mentions. */
export function replyIssues(reply: Reply): string[] {
  const out = [...callbackIssues({ type: 4, data: reply }), ...limitIssues(reply)];
  if (JSON.stringify(reply.allowed_mentions) !== JSON.stringify({ parse: [] })) out.push(`allowed_mentions is ${JSON.stringify(reply.allowed_mentions)}`);
  return out;
}

export function isEphemeralReply(reply: Reply): boolean {
  return ((reply.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

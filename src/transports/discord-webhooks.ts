// What comes after an interaction's first response, over REST with plain fetch: the edit of a
// deferred reply, follow-ups, deleting the original. These webhook routes take the interaction's
// token instead of the bot token, so the HTTP door needs no bot token at all.
import { setTimeout as sleep } from 'node:timers/promises';

export interface WebhookClient {
  /** PATCH /webhooks/{application}/{token}/messages/@original */
  editOriginal(token: string, body: unknown): Promise<void>;
  /** DELETE /webhooks/{application}/{token}/messages/@original */
  deleteOriginal(token: string): Promise<void>;
  /** POST /webhooks/{application}/{token} */
  followUp(token: string, body: unknown): Promise<void>;
}

/** Discord refused a webhook call, or could not be reached. The message never holds the token. */
export class WebhookError extends Error {
  override name = 'WebhookError';
  constructor(
    message: string,
    /** The HTTP status, 0 when Discord could not be reached. */
    readonly status: number,
    /** Discord's JSON error code (10015 Unknown Webhook, 10062 Unknown interaction, …). */
    readonly code: number | undefined,
  ) {
    super(message);
  }
}

const ATTEMPTS = 3;
const TIMEOUT_MS = 10_000;
/** Discord asks REST clients to name themselves this way. */
const USER_AGENT = 'DiscordBot (us-china-talks-bot, 0.1.0)';

export function createWebhookClient(options: { apiUrl: string; applicationId: string }): WebhookClient {
  const base = `${options.apiUrl}/v10/webhooks/${options.applicationId}`;

  async function call(method: string, token: string, path: string, body?: unknown): Promise<void> {
    const what = `${method} webhook${path}`;
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(`${base}/${token}${path}`, {
          method,
          headers: { 'User-Agent': USER_AGENT, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: unknown } }).cause?.code ?? (error as Error).name;
        throw new WebhookError(`could not reach Discord for ${what}: ${String(cause)}`, 0, undefined);
      }
      if (res.ok) {
        await res.arrayBuffer();
        return;
      }
      const detail = (await res.json().catch(() => ({}))) as { message?: unknown; code?: unknown; retry_after?: unknown };
      if (attempt < ATTEMPTS && (res.status === 429 || res.status >= 500)) {
        // Rate limited: wait as told (capped); a server error: a short back-off.
        const retryAfter = res.status === 429 ? Number(detail.retry_after ?? res.headers.get('retry-after') ?? 1) : 0.25 * attempt;
        await sleep(Math.min(5, Math.max(0, retryAfter)) * 1000);
        continue;
      }
      const code = typeof detail.code === 'number' ? detail.code : undefined;
      throw new WebhookError(`Discord answered HTTP ${res.status} to ${what}: ${String(detail.message ?? res.statusText)}`, res.status, code);
    }
  }

  return {
    editOriginal: (token, body) => call('PATCH', token, '/messages/@original', body),
    deleteOriginal: (token) => call('DELETE', token, '/messages/@original'),
    followUp: (token, body) => call('POST', token, '', body),
  };
}

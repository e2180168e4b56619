import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApplicationCommandType, InteractionType, MessageFlags, MessageType, type APIMessage } from 'discord-api-types/v10';
import { messageObject, snowflake } from './payloads.ts';
import type { SpecSchemaName } from './spec.ts';
import type { FakeState, InteractionRecord, RecordedFile, RecordedRequest, RouteName } from './state.ts';

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** The spec schema the response body should satisfy. */
  schema?: SpecSchemaName;
  each?: boolean;
}

interface RestUrls {
  gatewayUrl(): string;
  origin(): string;
}

type Json = Record<string, unknown>;

const UNAUTHORIZED: Reply = { status: 401, body: { message: '401: Unauthorized', code: 0 } };
const KEPT_MESSAGE_FLAGS = MessageFlags.SuppressEmbeds | MessageFlags.Ephemeral | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;

function error(status: number, code: number, message: string, errors?: unknown): Reply {
  return { status, body: errors === undefined ? { message, code } : { message, code, errors } };
}

const notFound = (): Reply => error(404, 0, '404: Not Found');
const unknownInteraction = (): Reply => error(404, 10062, 'Unknown interaction');
const unknownWebhook = (): Reply => error(404, 10015, 'Unknown Webhook');
const unknownMessage = (): Reply => error(404, 10008, 'Unknown Message');

function invalidFormBody(field: string, code: string, problems: string[]): Reply {
  return error(400, 50035, 'Invalid Form Body', {
    [field]: { _errors: problems.map((message) => ({ code, message })) },
  });
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Which callback types Discord accepts for which interaction types.
const ALLOWED_CALLBACKS: Record<number, number[]> = {
  [InteractionType.ApplicationCommand]: [4, 5, 9, 12],
  [InteractionType.MessageComponent]: [4, 5, 6, 7, 9, 12],
  [InteractionType.ApplicationCommandAutocomplete]: [8],
  [InteractionType.ModalSubmit]: [4, 5, 6, 7],
};

const CALLBACK_SCHEMAS: Record<number, SpecSchemaName> = {
  1: 'PongInteractionCallbackRequestSchema',
  4: 'CreateMessageInteractionCallbackRequestSchema',
  5: 'CreateMessageInteractionCallbackRequestSchema',
  6: 'UpdateMessageInteractionCallbackRequestSchema',
  7: 'UpdateMessageInteractionCallbackRequestSchema',
  8: 'ApplicationCommandAutocompleteCallbackRequestSchema',
  9: 'ModalInteractionCallbackRequestSchema',
};

export function createRestHandler(state: FakeState, urls: RestUrls) {
  const { world } = state;

  async function readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async function parseBody(contentType: string, raw: Buffer): Promise<{ body: unknown; files: RecordedFile[] }> {
    if (raw.length === 0) return { body: null, files: [] };
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
      const files: RecordedFile[] = [];
      let body: unknown = null;
      const fields: Json = {};
      for (const [field, value] of form.entries()) {
        if (typeof value === 'string') {
          if (field === 'payload_json') body = JSON.parse(value);
          else fields[field] = value;
        } else {
          files.push({
            field,
            filename: value.name,
            contentType: value.type,
            size: value.size,
            data: Buffer.from(await value.arrayBuffer()),
          });
        }
      }
      return { body: body ?? (Object.keys(fields).length > 0 ? fields : null), files };
    }
    const text = raw.toString('utf8');
    return { body: contentType.includes('json') ? JSON.parse(text) : text, files: [] };
  }

  function authorized(request: RecordedRequest): boolean {
    return request.headers['authorization'] === `Bot ${world.token}`;
  }

  function findByToken(token: string): InteractionRecord | undefined {
    for (const record of state.interactions.values()) if (record.payload.token === token) return record;
    return undefined;
  }

  function attachmentsFrom(files: RecordedFile[], described: unknown): APIMessage['attachments'] {
    const descriptions = Array.isArray(described) ? (described as Json[]) : [];
    return files.map((file, index) => {
      const id = snowflake();
      const meta = descriptions.find((a) => String(a['id']) === String(index));
      const filename = typeof meta?.['filename'] === 'string' ? meta['filename'] : file.filename;
      const url = `${urls.origin()}/attachments/${id}/${encodeURIComponent(filename)}`;
      return {
        id,
        filename,
        size: file.size,
        url,
        proxy_url: url,
        content_type: file.contentType,
        ...(typeof meta?.['description'] === 'string' ? { description: meta['description'] } : {}),
      };
    });
  }

  /** Gives every component a numeric `id`, as Discord does, so stored messages look like Discord's. */
  function withComponentIds(components: unknown): APIMessage['components'] {
    let next = 1;
    const visit = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(visit);
      if (!isJson(value)) return value;
      const copy: Json = {};
      if (typeof value['type'] === 'number') copy['id'] = next++;
      for (const [key, inner] of Object.entries(value)) copy[key] = key === 'id' && typeof inner === 'number' ? inner : visit(inner);
      return copy;
    };
    return (Array.isArray(components) ? visit(components) : []) as APIMessage['components'];
  }

  function embedsFrom(embeds: unknown): APIMessage['embeds'] {
    if (!Array.isArray(embeds)) return [];
    return embeds.map((embed: Json) => ({ type: 'rich', ...embed })) as APIMessage['embeds'];
  }

  /** Applies a message create/edit body to a message (new or existing). */
  function applyMessageBody(message: APIMessage, body: unknown, files: RecordedFile[], editing: boolean): APIMessage {
    const data = isJson(body) ? body : {};
    const next: APIMessage = { ...message };
    if ('content' in data) next.content = typeof data['content'] === 'string' ? data['content'] : '';
    if ('embeds' in data) next.embeds = embedsFrom(data['embeds']);
    if ('components' in data) next.components = withComponentIds(data['components']);
    if ('tts' in data && !editing) next.tts = Boolean(data['tts']);
    if ('poll' in data && data['poll'] && !editing) next.poll = data['poll'] as APIMessage['poll'];
    if (typeof data['flags'] === 'number') {
      const kept = editing ? (message.flags ?? 0) : 0;
      next.flags = (kept & ~KEPT_MESSAGE_FLAGS) | (data['flags'] & KEPT_MESSAGE_FLAGS);
    }
    if ('attachments' in data || files.length > 0) {
      const listed = Array.isArray(data['attachments']) ? (data['attachments'] as Json[]) : null;
      const kept = listed ? message.attachments.filter((a) => listed.some((l) => String(l['id']) === a.id)) : editing ? message.attachments : [];
      next.attachments = [...kept, ...attachmentsFrom(files, data['attachments'])];
    }
    if (editing) {
      if ((message.flags ?? 0) & MessageFlags.Loading) next.flags = (next.flags ?? 0) & ~MessageFlags.Loading;
      else next.edited_timestamp = new Date().toISOString();
    }
    return next;
  }

  function newInteractionMessage(record: InteractionRecord, fields: Partial<APIMessage>): APIMessage {
    const payload = record.payload;
    const user = payload.member?.user ?? payload.user;
    const isCommand = payload.type === InteractionType.ApplicationCommand;
    return messageObject(
      { applicationId: world.applicationId, botUser: world.botUser, channelId: payload.channel?.id ?? payload.channel_id ?? '0' },
      {
        // A reply to a message context-menu command is type 23, to a slash command 20.
        type: !isCommand
          ? MessageType.Default
          : payload.data.type === ApplicationCommandType.Message
            ? MessageType.ContextMenuCommand
            : MessageType.ChatInputCommand,
        ...(payload.guild_id ? { guild_id: payload.guild_id } : {}),
        ...(user
          ? {
              interaction_metadata: {
                id: payload.id,
                type: payload.type,
                user,
                authorizing_integration_owners: payload.authorizing_integration_owners,
                ...(payload.type === InteractionType.MessageComponent ? { interacted_message_id: payload.message.id } : {}),
              } as APIMessage['interaction_metadata'],
            }
          : {}),
        ...fields,
      },
    );
  }

  function store(record: InteractionRecord, message: APIMessage): APIMessage {
    state.messages.set(message.id, message);
    if (!record.messageIds.includes(message.id)) record.messageIds.push(message.id);
    return message;
  }

  function interactionCallback(request: RecordedRequest, interactionId: string, token: string): Reply {
    const record = state.interactions.get(interactionId);
    if (!record || record.payload.token !== token) return unknownInteraction();
    if (world.interactionTimeoutMs !== null && Date.now() - record.dispatchedAt > world.interactionTimeoutMs) {
      return unknownInteraction();
    }
    const body = isJson(request.body) ? request.body : {};
    const type = typeof body['type'] === 'number' ? body['type'] : -1;
    const schema = CALLBACK_SCHEMAS[type];
    if (!schema) return invalidFormBody('type', 'BASE_TYPE_CHOICES', [`Value must be one of ${Object.keys(CALLBACK_SCHEMAS).join(', ')}.`]);
    const problems = state.checkSpec('request', request, schema, request.body);
    if (problems.length > 0 && world.rejectSpecViolations) return invalidFormBody('_spec', 'SPEC_VIOLATION', problems);
    if (record.acknowledgedWith !== null) return error(400, 40060, 'Interaction has already been acknowledged.');
    if (!(ALLOWED_CALLBACKS[record.payload.type] ?? []).includes(type)) {
      return invalidFormBody('type', 'INTERACTION_CALLBACK_TYPE_INVALID', [`Callback type ${type} is not valid for interaction type ${record.payload.type}.`]);
    }

    const data = body['data'];
    let message: APIMessage | null = null;
    if (type === 4) {
      message = store(record, applyMessageBody(newInteractionMessage(record, {}), data, request.files, false));
      record.originalMessageId = message.id;
    } else if (type === 5) {
      const ephemeral = isJson(data) && typeof data['flags'] === 'number' ? data['flags'] & MessageFlags.Ephemeral : 0;
      message = store(record, newInteractionMessage(record, { flags: MessageFlags.Loading | ephemeral }));
      record.originalMessageId = message.id;
    } else if ((type === 6 || type === 7) && 'message' in record.payload && record.payload.message) {
      const current = state.messages.get(record.payload.message.id) ?? record.payload.message;
      message = store(record, type === 7 ? applyMessageBody(current, data, request.files, true) : current);
      record.originalMessageId = message.id;
    }
    record.acknowledgedWith = type;

    state.callbacks.push({
      interactionId,
      token,
      type,
      data: data ?? null,
      body: request.body,
      withResponse: request.query['with_response'] === 'true',
      at: Date.now(),
      request,
    });
    state.changed();

    if (request.query['with_response'] !== 'true') return { status: 204 };
    const ephemeral = message ? Boolean((message.flags ?? 0) & MessageFlags.Ephemeral) : undefined;
    return {
      status: 200,
      schema: 'InteractionCallbackResponseSchema',
      body: {
        interaction: {
          id: interactionId,
          type: record.payload.type,
          activity_instance_id: null,
          ...(message ? { response_message_id: message.id, response_message_loading: type === 5, response_message_ephemeral: ephemeral } : {}),
        },
        ...(message && (type === 4 || type === 7) ? { resource: { type, message } } : {}),
      },
    };
  }

  function webhook(request: RecordedRequest, applicationId: string, token: string, messageId: string | null): Reply {
    const record = applicationId === world.applicationId ? findByToken(token) : undefined;
    if (!record) return unknownWebhook();
    const reply = webhookReply(request, record, messageId);
    state.webhookCalls.push({
      interactionId: record.payload.id,
      method: request.method,
      messageId,
      body: request.body,
      status: reply.status,
      at: Date.now(),
      request,
    });
    state.changed();
    return reply;
  }

  function webhookReply(request: RecordedRequest, record: InteractionRecord, messageId: string | null): Reply {
    if (messageId === null) {
      if (request.method !== 'POST') return error(405, 0, '405: Method Not Allowed');
      if (record.acknowledgedWith === null) return unknownWebhook();
      const problems = state.checkSpec('request', request, 'IncomingWebhookRequestPartialSchema', request.body);
      if (problems.length > 0 && world.rejectSpecViolations) return invalidFormBody('_spec', 'SPEC_VIOLATION', problems);
      const message = store(record, applyMessageBody(newInteractionMessage(record, { type: MessageType.Default }), request.body, request.files, false));
      if (request.query['wait'] !== 'true') return { status: 204 };
      return { status: 200, body: message, schema: 'MessageResponseSchema' };
    }
    const id = messageId === '@original' ? record.originalMessageId : messageId;
    const message = id && record.messageIds.includes(id) ? state.messages.get(id) : undefined;
    if (!message) return unknownMessage();
    switch (request.method) {
      case 'GET':
        return { status: 200, body: message, schema: 'MessageResponseSchema' };
      case 'PATCH': {
        const problems = state.checkSpec('request', request, 'IncomingWebhookUpdateRequestPartialSchema', request.body);
        if (problems.length > 0 && world.rejectSpecViolations) return invalidFormBody('_spec', 'SPEC_VIOLATION', problems);
        const edited = store(record, applyMessageBody(message, request.body, request.files, true));
        return { status: 200, body: edited, schema: 'MessageResponseSchema' };
      }
      case 'DELETE':
        state.messages.delete(message.id);
        record.messageIds = record.messageIds.filter((m) => m !== message.id);
        if (record.originalMessageId === message.id) record.originalMessageId = null;
        return { status: 204 };
      default:
        return error(405, 0, '405: Method Not Allowed');
    }
  }

  function commandResponse(body: Json, scope: string, existing: Json | undefined): Json {
    const command: Json = {
      id: existing?.['id'] ?? snowflake(),
      application_id: world.applicationId,
      version: snowflake(),
      type: body['type'] ?? 1,
      name: body['name'],
      description: body['description'] ?? '',
      default_member_permissions: body['default_member_permissions'] == null ? null : String(body['default_member_permissions']),
      contexts: body['contexts'] ?? null,
      integration_types: body['integration_types'] ?? [0],
      nsfw: body['nsfw'] ?? false,
    };
    for (const key of ['name_localizations', 'description_localizations', 'options', 'handler'] as const) {
      if (body[key] != null) command[key] = body[key];
    }
    if (scope === 'global') command['dm_permission'] = body['dm_permission'] ?? true;
    else command['guild_id'] = scope;
    return command;
  }

  function commands(request: RecordedRequest, applicationId: string, guildId: string | null, commandId: string | null): Reply {
    if (!authorized(request)) return UNAUTHORIZED;
    if (applicationId !== world.applicationId) return error(403, 50001, 'Missing Access');
    const scope = guildId ?? 'global';
    const list = state.commands.get(scope) ?? [];
    const sameCommand = (a: Json, b: Json) => a['name'] === b['name'] && (a['type'] ?? 1) === (b['type'] ?? 1);
    const record = (method: 'PUT' | 'POST' | 'DELETE') => {
      state.commandRegistrations.push({ method, applicationId, guildId, body: request.body, at: Date.now() });
      state.changed();
    };

    if (commandId !== null) {
      const found = list.find((c) => c['id'] === commandId);
      if (!found) return error(404, 10063, 'Unknown application command');
      if (request.method === 'GET') return { status: 200, body: found, schema: 'ApplicationCommandResponseSchema' };
      if (request.method === 'DELETE') {
        state.commands.set(
          scope,
          list.filter((c) => c !== found),
        );
        record('DELETE');
        return { status: 204 };
      }
      return error(405, 0, '405: Method Not Allowed');
    }

    switch (request.method) {
      case 'GET':
        return { status: 200, body: list, schema: 'ApplicationCommandResponseSchema', each: true };
      case 'PUT': {
        if (!Array.isArray(request.body)) return invalidFormBody('_root', 'BASE_TYPE_ARRAY', ['Must be an array.']);
        const problems = state.checkSpec('request', request, 'ApplicationCommandUpdateRequestSchema', request.body, true);
        if (problems.length > 0 && world.rejectSpecViolations) return invalidFormBody('_spec', 'SPEC_VIOLATION', problems);
        const next = (request.body as Json[]).map((c) =>
          commandResponse(
            c,
            scope,
            list.find((old) => sameCommand(old, c)),
          ),
        );
        state.commands.set(scope, next);
        record('PUT');
        return { status: 200, body: next, schema: 'ApplicationCommandResponseSchema', each: true };
      }
      case 'POST': {
        if (!isJson(request.body)) return invalidFormBody('_root', 'BASE_TYPE_REQUIRED', ['Body is required.']);
        const body = request.body;
        const problems = state.checkSpec('request', request, 'ApplicationCommandCreateRequestSchema', body);
        if (problems.length > 0 && world.rejectSpecViolations) return invalidFormBody('_spec', 'SPEC_VIOLATION', problems);
        const existing = list.find((old) => sameCommand(old, body));
        const command = commandResponse(body, scope, existing);
        state.commands.set(scope, [...list.filter((c) => c !== existing), command]);
        record('POST');
        return { status: existing ? 200 : 201, body: command, schema: 'ApplicationCommandResponseSchema' };
      }
      default:
        return error(405, 0, '405: Method Not Allowed');
    }
  }

  function route(request: RecordedRequest, segments: string[]): { name: RouteName; run: () => Reply } {
    const [a, b, c, d, e, f] = segments;
    const n = segments.length;
    const get = (run: () => Reply) => () => (request.method === 'GET' ? run() : error(405, 0, '405: Method Not Allowed'));

    if (n === 1 && a === 'gateway') {
      return { name: 'gateway', run: get(() => ({ status: 200, body: { url: urls.gatewayUrl() }, schema: 'GatewayResponseSchema' })) };
    }
    if (n === 2 && a === 'gateway' && b === 'bot') {
      return {
        name: 'gatewayBot',
        run: get(() =>
          authorized(request)
            ? {
                status: 200,
                schema: 'GatewayBotResponseSchema',
                body: {
                  url: urls.gatewayUrl(),
                  shards: world.recommendedShards,
                  // As many as shards, so every shard may identify at once (no 5 s identify queue in tests).
                  session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: world.recommendedShards },
                },
              }
            : UNAUTHORIZED,
        ),
      };
    }
    if (n === 2 && a === 'users' && b === '@me') {
      return {
        name: 'usersMe',
        run: get(() =>
          authorized(request)
            ? { status: 200, schema: 'UserPIIResponseSchema', body: { ...world.botUser, mfa_enabled: false, locale: 'en-US', verified: true, email: null } }
            : UNAUTHORIZED,
        ),
      };
    }
    if (n === 2 && a === 'applications' && b === '@me') {
      return {
        name: 'applicationsMe',
        run: get(() => (authorized(request) ? { status: 200, schema: 'PrivateApplicationResponseSchema', body: applicationObject() } : UNAUTHORIZED)),
      };
    }
    if (a === 'applications' && b !== undefined && c === 'commands' && (n === 3 || n === 4)) {
      return { name: 'applicationCommands', run: () => commands(request, b, null, d ?? null) };
    }
    if (a === 'applications' && b !== undefined && c === 'guilds' && d !== undefined && e === 'commands' && (n === 5 || n === 6)) {
      return { name: 'guildCommands', run: () => commands(request, b, d, f ?? null) };
    }
    if (n === 4 && a === 'interactions' && b !== undefined && c !== undefined && d === 'callback') {
      return {
        name: 'interactionCallback',
        run: () => (request.method === 'POST' ? interactionCallback(request, b, c) : error(405, 0, '405: Method Not Allowed')),
      };
    }
    if (n === 3 && a === 'webhooks' && b !== undefined && c !== undefined) {
      return { name: 'webhookExecute', run: () => webhook(request, b, c, null) };
    }
    if (n === 5 && a === 'webhooks' && b !== undefined && c !== undefined && d === 'messages' && e !== undefined) {
      return { name: 'webhookMessage', run: () => webhook(request, b, c, e) };
    }
    return { name: 'unknown', run: notFound };
  }

  function applicationObject(): Json {
    return {
      id: world.applicationId,
      name: world.botUser.username,
      icon: null,
      description: '',
      type: null,
      flags: 0,
      flags_new: '0',
      bot: world.botUser,
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      redirect_uris: [],
      interactions_endpoint_url: null,
      role_connections_verification_url: null,
      owner: { ...world.botUser, id: snowflake(), username: 'owner', bot: false },
      approximate_guild_count: 1,
      approximate_user_install_count: 0,
      approximate_user_authorization_count: 0,
      team: null,
    };
  }

  function faultReply(request: RecordedRequest): Reply | null {
    const rule = state.faults.rest.find((r) => r.remaining > 0 && r.matches(request));
    if (!rule) return null;
    rule.remaining -= 1;
    if (rule.kind === 'server-error') {
      request.fault = 'server-error';
      return error(rule.status, 0, `${rule.status}: Internal Server Error`);
    }
    request.fault = 'rate-limited';
    const after = String(rule.retryAfterSeconds);
    return {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: rule.retryAfterSeconds, global: rule.global, code: 0 },
      headers: {
        // Discord rounds this header up to whole seconds; the exact value keeps tests fast.
        'Retry-After': after,
        'X-RateLimit-Limit': '5',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': String(Date.now() / 1000 + rule.retryAfterSeconds),
        'X-RateLimit-Reset-After': after,
        'X-RateLimit-Bucket': 'fakebucket',
        'X-RateLimit-Scope': rule.global ? 'global' : 'user',
        ...(rule.global ? { 'X-RateLimit-Global': 'true' } : {}),
      },
    };
  }

  function send(res: ServerResponse, request: RecordedRequest | null, reply: Reply): void {
    if (request) {
      request.status = reply.status;
      request.responseBody = reply.body ?? null;
      if (reply.schema && reply.status < 300) state.checkSpec('response', request, reply.schema, reply.body, reply.each);
      state.changed();
    }
    const headers: Record<string, string> = { ...reply.headers };
    if (reply.body === undefined || reply.status === 204) {
      res.writeHead(reply.status, headers).end();
      return;
    }
    headers['Content-Type'] = 'application/json';
    res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let request: RecordedRequest | null = null;
    try {
      const raw = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
      }
      const prefix = '/api/v10';
      const inApi = url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
      const segments = inApi
        ? url.pathname
            .slice(prefix.length)
            .split('/')
            .filter(Boolean)
            .map((s) => decodeURIComponent(s))
        : [];
      let parsed: { body: unknown; files: RecordedFile[] };
      let badJson = false;
      try {
        parsed = await parseBody(headers['content-type'] ?? '', raw);
      } catch {
        parsed = { body: raw.toString('utf8'), files: [] };
        badJson = true;
      }
      request = {
        seq: state.nextRequestSeq(),
        at: Date.now(),
        method: (req.method ?? 'GET').toUpperCase(),
        path: inApi ? `/${segments.join('/')}` : url.pathname,
        url: req.url ?? '/',
        route: 'unknown',
        query: Object.fromEntries(url.searchParams),
        headers,
        body: parsed.body,
        files: parsed.files,
        status: null,
        responseBody: null,
        fault: null,
      };
      const matched = inApi ? route(request, segments) : { name: 'unknown' as const, run: notFound };
      request.route = matched.name;
      state.requests.push(request);
      if (matched.name === 'unknown') state.unknownRoutes.push(request);
      state.changed();

      if (state.faults.responseDelayMs > 0) await sleep(state.faults.responseDelayMs);
      const reply = badJson ? error(400, 50109, 'The request body contains invalid JSON.') : (faultReply(request) ?? matched.run());
      if (reply.status === 405 && !state.unknownRoutes.includes(request)) state.unknownRoutes.push(request);
      send(res, request, reply);
    } catch (cause) {
      if (!res.headersSent) send(res, request, error(500, 0, `fake-discord internal error: ${String(cause)}`));
    }
  }

  return { handle, interactionCallback };
}

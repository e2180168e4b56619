import { once } from 'node:events';
import { AttachmentBuilder, Client, DiscordAPIError, DiscordjsErrorCodes, Events, GatewayIntentBits, MessageFlags, Routes, type Interaction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from './fake-discord/index.ts';

let fake: FakeDiscord | undefined;
let client: Client | undefined;
let handlerErrors: unknown[] = [];

afterEach(async () => {
  await client?.destroy();
  await fake?.close();
  client = undefined;
  fake = undefined;
  handlerErrors = [];
});

async function start(options: FakeDiscordOptions = {}): Promise<{ fake: FakeDiscord; client: Client }> {
  fake = await startFakeDiscord({ heartbeatIntervalMs: 1000, ...options });
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
  return { fake, client };
}

async function startLoggedIn(options: FakeDiscordOptions = {}) {
  const started = await start(options);
  const ready = once(started.client, Events.ClientReady);
  await started.client.login(started.fake.token);
  await ready;
  return started;
}

/** Registers an interaction handler whose failures surface in the test instead of vanishing. */
function onInteraction(c: Client, handler: (interaction: Interaction) => Promise<unknown>): void {
  c.on(Events.InteractionCreate, (interaction) => {
    handler(interaction).catch((error: unknown) => handlerErrors.push(error));
  });
}

describe('fake Discord with a real discord.js client', () => {
  it('logs in over REST + gateway and emits ready', async () => {
    const { fake, client } = await start();
    const legacyReady = once(client, 'ready');
    const ready = once(client, Events.ClientReady);

    await expect(client.login(fake.token)).resolves.toBe(fake.token);
    await ready;
    await legacyReady;

    expect(client.isReady()).toBe(true);
    expect(client.user?.id).toBe(fake.applicationId);
    expect(client.user?.bot).toBe(true);
    expect(client.application?.id).toBe(fake.applicationId);
    expect(fake.stats.identifies).toBe(1);
    expect(fake.stats.readies).toBe(1);
    await expect(fake.waitForReady(1000)).resolves.toBe(fake.currentSessionId);

    const gatewayBot = fake.requests.find((r) => r.route === 'gatewayBot');
    expect(gatewayBot?.headers['authorization']).toBe(`Bot ${fake.token}`);
    expect(gatewayBot?.status).toBe(200);
    expect(fake.gatewayConnections[0]?.query).toEqual({ v: '10', encoding: 'json' });
    const identify = fake.gatewayReceived.find((f) => f.op === 2);
    expect(identify?.d).toMatchObject({ token: fake.token, intents: GatewayIntentBits.Guilds, shard: [0, 1] });
    expect(fake.unknownRoutes).toEqual([]);
    expect(fake.specIssues).toEqual([]);
  });

  it('delivers a slash command and records the reply callback (type 4)', async () => {
    const { fake, client } = await startLoggedIn();
    const seen: Record<string, unknown> = {};
    onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error(`unexpected ${interaction.type}`);
      Object.assign(seen, {
        name: interaction.commandName,
        question: interaction.options.getString('question'),
        userId: interaction.user.id,
        guildId: interaction.guildId,
        channelId: interaction.channelId,
        inGuild: interaction.inGuild(),
      });
      await interaction.reply({ content: 'hi', allowedMentions: { parse: [] } });
    });

    const id = fake.dispatchInteraction(fake.build.chatInput({ name: 'ask', options: { question: 'how long?' } }));
    const callback = await fake.waitForCallback(id, 3000);

    expect(callback.type).toBe(4);
    expect(callback.data).toMatchObject({ content: 'hi', allowed_mentions: { parse: [] } });
    expect(seen).toEqual({
      name: 'ask',
      question: 'how long?',
      userId: fake.user.id,
      guildId: fake.guildId,
      channelId: fake.channelId,
      inGuild: true,
    });
    expect(fake.originalMessage(id)?.content).toBe('hi');
    expect(callback.request.headers['authorization']).toBeUndefined();
    expect(handlerErrors).toEqual([]);
    expect(fake.specIssues).toEqual([]);
  });

  it('answers autocomplete with respond() as callback type 8', async () => {
    const { fake, client } = await startLoggedIn();
    let focused: unknown;
    onInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error(`unexpected ${interaction.type}`);
      focused = interaction.options.getFocused(true);
      await interaction.respond([{ name: 'Taiwan', value: 'taiwan' }]);
    });

    const id = fake.dispatchInteraction(fake.build.autocomplete({ name: 'topic', options: { name: 'tai' }, focused: 'name' }));
    const callback = await fake.waitForCallback(id, 3000);

    expect(callback.type).toBe(8);
    expect(callback.data).toEqual({ choices: [{ name: 'Taiwan', value: 'taiwan' }] });
    expect(focused).toMatchObject({ name: 'name', value: 'tai', focused: true });
    expect(handlerErrors).toEqual([]);
    expect(fake.specIssues).toEqual([]);
  });

  it('records a button update (type 7) and deferReply + editReply (type 5, then PATCH @original)', async () => {
    const { fake, client } = await startLoggedIn();
    const edited: string[] = [];
    onInteraction(client, async (interaction) => {
      if (interaction.isButton()) {
        await interaction.update({ content: `pressed ${interaction.customId}`, components: [] });
      } else if (interaction.isChatInputCommand()) {
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const message = await interaction.editReply({ content: 'done thinking' });
        edited.push(message.content);
      }
    });

    const buttonId = fake.dispatchInteraction(fake.build.button({ customId: 'more:2' }));
    const update = await fake.waitForCallback(buttonId, 3000);
    expect(update.type).toBe(7);
    expect(update.data).toMatchObject({ content: 'pressed more:2', components: [] });
    expect(fake.originalMessage(buttonId)).toMatchObject({ content: 'pressed more:2', components: [] });

    const commandId = fake.dispatchInteraction(fake.build.chatInput({ name: 'ask' }));
    const patch = await fake.waitForWebhook(commandId, { method: 'PATCH', messageId: '@original' }, 3000);
    expect(fake.callbacksFor(commandId).map((c) => c.type)).toEqual([5]);
    expect(fake.callbacksFor(commandId)[0]?.data).toEqual({ flags: MessageFlags.Ephemeral });
    expect(patch.request.path).toBe(`/webhooks/${fake.applicationId}/${fake.callbacksFor(commandId)[0]?.token}/messages/@original`);
    expect(patch.body).toMatchObject({ content: 'done thinking' });
    expect(patch.status).toBe(200);
    await fake.waitFor(() => edited.length === 1, 3000, 'editReply to resolve');
    expect(edited).toEqual(['done thinking']);
    const original = fake.originalMessage(commandId);
    expect(original?.content).toBe('done thinking');
    expect((original?.flags ?? 0) & MessageFlags.Loading).toBe(0);
    expect((original?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(handlerErrors).toEqual([]);
    expect(fake.specIssues).toEqual([]);
  });

  it('rejects login with a bad token (401 on /gateway/bot, no IDENTIFY)', async () => {
    const { fake, client } = await start();

    const error = await client.login('not-the-token').then(
      () => null,
      (e: unknown) => e,
    );

    expect(error).toMatchObject({ code: DiscordjsErrorCodes.TokenInvalid });
    const gatewayBot = fake.requests.filter((r) => r.route === 'gatewayBot');
    expect(gatewayBot.map((r) => r.status)).toEqual([401]);
    expect(gatewayBot[0]?.responseBody).toEqual({ message: '401: Unauthorized', code: 0 });
    expect(fake.stats.connections).toBe(0);
    expect(fake.stats.identifies).toBe(0);
  });

  it('has discord.js retry a 429 on the callback and still deliver it', async () => {
    const { fake, client } = await startLoggedIn();
    const seenByRest: number[] = [];
    client.rest.on('response', (request, response) => {
      if (request.route === '/interactions/:id/:token/callback') seenByRest.push(response.status);
    });
    let replied = false;
    onInteraction(client, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'after the wait' });
      replied = true;
    });
    fake.faults.rateLimitNextCallbacks(1, 0.25);

    const startedAt = Date.now();
    const id = fake.dispatchInteraction(fake.build.chatInput({ name: 'ask' }));
    const callback = await fake.waitForCallback(id, 5000);

    expect(callback.data).toMatchObject({ content: 'after the wait' });
    const attempts = fake.requests.filter((r) => r.route === 'interactionCallback' && r.path.includes(id));
    expect(attempts.map((r) => [r.status, r.fault])).toEqual([
      [429, 'rate-limited'],
      [204, null],
    ]);
    expect(attempts[0]?.responseBody).toMatchObject({ retry_after: 0.25, global: false });
    expect(callback.at - startedAt).toBeGreaterThanOrEqual(250);
    await fake.waitFor(() => replied, 3000, 'reply() to resolve');
    expect(seenByRest).toEqual([429, 204]);
    expect(handlerErrors).toEqual([]);
  });

  it('has discord.js retry 500s on the callback (up to its 3 retries)', async () => {
    const { fake, client } = await startLoggedIn();
    onInteraction(client, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'eventually' });
    });
    fake.faults.failNextCallbacks(2);

    const id = fake.dispatchInteraction(fake.build.chatInput({ name: 'ask' }));
    await fake.waitForCallback(id, 3000);

    const statuses = fake.requests.filter((r) => r.route === 'interactionCallback').map((r) => r.status);
    expect(statuses).toEqual([500, 500, 204]);
    expect(handlerErrors).toEqual([]);
  });

  it('resumes after the gateway closes with 4000 and replays what was missed', async () => {
    const { fake, client } = await startLoggedIn();
    const sessionId = fake.currentSessionId;
    onInteraction(client, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'still here' });
    });

    expect(fake.faults.closeGateway(4000)).toBe(1);
    // Dispatched while the socket is down: it must arrive through the RESUME replay.
    const id = fake.dispatchInteraction(fake.build.chatInput({ name: 'ask' }));
    const callback = await fake.waitForCallback(id, 5000);

    expect(callback.data).toMatchObject({ content: 'still here' });
    expect(fake.stats.resumes).toBe(1);
    expect(fake.stats.resumed).toBe(1);
    expect(fake.stats.identifies).toBe(1);
    expect(fake.stats.connections).toBe(2);
    expect(fake.currentSessionId).toBe(sessionId);
    expect(fake.gatewayConnections[0]).toMatchObject({ closeCode: 4000, closedBy: 'server' });
    expect(fake.gatewayReceived.find((f) => f.op === 6)?.d).toMatchObject({ session_id: sessionId, token: fake.token });

    const afterResume = fake.dispatchInteraction(fake.build.chatInput({ name: 'ask' }));
    await expect(fake.waitForCallback(afterResume, 3000)).resolves.toMatchObject({ type: 4 });
    expect(handlerErrors).toEqual([]);
  });

  it('reconnects when heartbeats stop being acknowledged (zombie connection)', async () => {
    const { fake, client } = await startLoggedIn({ heartbeatIntervalMs: 200 });
    onInteraction(client, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'back' });
    });
    const before = fake.stats.identifies + fake.stats.resumes;

    fake.faults.stopHeartbeatAcks('current');
    await fake.waitFor(
      () => fake.stats.identifies + fake.stats.resumes > before && fake.stats.resumed + fake.stats.readies > 1,
      5000,
      'a new session handshake',
    );

    expect(fake.stats.connections).toBe(2);
    // discord.js closes the zombie itself, with its "resuming" close code.
    expect(fake.gatewayConnections[0]).toMatchObject({ closedBy: 'client', closeCode: 4200 });
    expect(fake.stats.resumes).toBe(1);

    const id = fake.dispatchInteraction(fake.build.chatInput({ name: 'ask' }));
    await expect(fake.waitForCallback(id, 3000)).resolves.toMatchObject({ type: 4, data: { content: 'back' } });
    expect(handlerErrors).toEqual([]);
  });

  it('resumes after an abnormal drop (1006, no close frame)', async () => {
    const { fake, client } = await startLoggedIn();
    onInteraction(client, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'ok' });
    });

    const resumed = once(client, Events.ShardResume);
    expect(fake.faults.terminateGateway()).toBe(1);
    await resumed;

    expect(fake.gatewayConnections[0]).toMatchObject({ closedBy: 'server', closeCode: 1006 });
    expect(fake.stats).toMatchObject({ connections: 2, identifies: 1, resumes: 1, resumed: 1 });
    const id = fake.dispatchInteraction(fake.build.chatInput({ name: 'ask' }));
    await expect(fake.waitForCallback(id, 3000)).resolves.toMatchObject({ type: 4 });
    expect(handlerErrors).toEqual([]);
  });
});

describe('fake Discord REST surface', () => {
  it('records command registrations and answers with ids, application_id and version', async () => {
    const { fake, client } = await startLoggedIn();
    const commands = [
      { name: 'ask', description: 'Ask a question', options: [{ type: 3, name: 'question', description: 'What to ask', required: true }] },
      { name: 'help', description: 'How to use the bot' },
    ];

    const registered = await client.application!.commands.set(commands);
    await client.rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guildId), { body: commands });

    expect([...registered.values()].map((c) => c.name).sort()).toEqual(['ask', 'help']);
    expect([...registered.values()].every((c) => /^\d{17,20}$/.test(c.id) && c.applicationId === fake.applicationId)).toBe(true);
    expect(fake.commandRegistrations.map((r) => [r.method, r.guildId])).toEqual([
      ['PUT', null],
      ['PUT', fake.guildId],
    ]);
    expect(fake.commandRegistrations[0]?.body).toMatchObject(commands);
    expect(fake.commands().map((c) => c['name'])).toEqual(['ask', 'help']);
    expect(fake.commands(fake.guildId)[0]).toMatchObject({ name: 'ask', guild_id: fake.guildId, version: expect.any(String) });
    expect(fake.specIssues).toEqual([]);
  });

  it('handles withResponse, files (multipart), follow-ups, fetchReply and deleteReply', async () => {
    const { fake, client } = await startLoggedIn();
    const results: Record<string, unknown> = {};
    onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({
        content: 'with a file',
        files: [new AttachmentBuilder(Buffer.from('hello file'), { name: 'note.txt' })],
        withResponse: true,
      });
      results['resourceContent'] = response.resource?.message?.content;
      results['attachment'] = response.resource?.message?.attachments.first()?.name;
      const followUp = await interaction.followUp({ content: 'one more thing' });
      results['followUp'] = followUp.content;
      results['fetched'] = (await interaction.fetchReply()).content;
      await interaction.deleteReply();
      results['done'] = true;
    });

    const id = fake.dispatchInteraction(fake.build.chatInput({ name: 'ask' }));
    await fake.waitFor(() => results['done'] || handlerErrors.length > 0, 5000, 'the handler to finish');

    expect(handlerErrors).toEqual([]);
    expect(results).toEqual({
      resourceContent: 'with a file',
      attachment: 'note.txt',
      followUp: 'one more thing',
      fetched: 'with a file',
      done: true,
    });
    const callback = fake.callbacksFor(id)[0];
    expect(callback?.withResponse).toBe(true);
    expect(callback?.request.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(callback?.request.files.map((f) => [f.filename, f.data.toString()])).toEqual([['note.txt', 'hello file']]);
    expect(fake.webhookCalls.map((w) => [w.method, w.messageId, w.status])).toEqual([
      ['POST', null, 200],
      ['GET', '@original', 200],
      ['DELETE', '@original', 204],
    ]);
    expect(fake.messagesFor(id).map((m) => m.content)).toEqual(['one more thing']);
    expect(fake.specIssues).toEqual([]);
  });

  it('delays every REST response when asked', async () => {
    const { fake, client } = await startLoggedIn();
    let repliedAfter = -1;
    onInteraction(client, async (interaction) => {
      const startedAt = Date.now();
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'slow' });
      repliedAfter = Date.now() - startedAt;
    });
    fake.faults.delayResponses(300);

    const id = fake.dispatchInteraction(fake.build.chatInput({ name: 'ask' }));
    await fake.waitForCallback(id, 3000);
    await fake.waitFor(() => repliedAfter >= 0, 3000, 'reply() to resolve');

    expect(repliedAfter).toBeGreaterThanOrEqual(290);
    expect(handlerErrors).toEqual([]);
  });

  it('can enforce the initial-response deadline (Discord: 3 s) with 404 Unknown interaction', async () => {
    const { fake, client } = await startLoggedIn({ interactionTimeoutMs: 100 });
    onInteraction(client, async (interaction) => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'too late' });
    });

    const id = fake.dispatchInteraction(fake.build.chatInput({ name: 'ask' }));
    await fake.waitFor(() => handlerErrors.length > 0, 3000, 'the late reply to fail');

    expect(handlerErrors[0]).toMatchObject({ status: 404, code: 10062 });
    expect(fake.callbacksFor(id)).toEqual([]);
  });

  it('accepts DM and select-menu payloads', async () => {
    const { fake, client } = await startLoggedIn();
    const seen: unknown[] = [];
    onInteraction(client, async (interaction) => {
      if (interaction.isStringSelectMenu()) {
        seen.push(['select', interaction.values, interaction.message.id, interaction.inGuild()]);
        await interaction.deferUpdate();
      } else if (interaction.isChatInputCommand()) {
        seen.push(['dm', interaction.inGuild(), interaction.user.id, interaction.channelId]);
        await interaction.reply({ content: 'in a DM' });
      }
    });

    const select = fake.build.stringSelect({ customId: 'pick', values: ['one'] });
    await fake.waitForCallback(fake.dispatchInteraction(select), 3000);
    const dm = fake.dispatchInteraction(fake.build.chatInput({ name: 'help', guildId: null, channelId: '1100000000000000001' }));
    await fake.waitForCallback(dm, 3000);

    expect(seen).toEqual([
      ['select', ['one'], select.message.id, true],
      ['dm', false, fake.user.id, '1100000000000000001'],
    ]);
    expect(fake.callbacks.map((c) => c.type)).toEqual([6, 4]);
    expect(fake.originalMessage(select.id)?.id).toBe(select.message.id);
    expect(handlerErrors).toEqual([]);
    expect(fake.specIssues).toEqual([]);
  });

  it('delivers message context-menu commands with their target, and user-installed interactions', async () => {
    const { fake, client } = await startLoggedIn();
    const seen: unknown[] = [];
    onInteraction(client, async (interaction) => {
      if (interaction.isMessageContextMenuCommand()) {
        const target = interaction.targetMessage;
        seen.push(['message', interaction.commandName, interaction.targetId, target.content, interaction.inGuild(), interaction.context]);
        await interaction.reply({ content: 'checked', flags: MessageFlags.Ephemeral });
      } else if (interaction.isChatInputCommand()) {
        seen.push(['user-install', interaction.inGuild(), interaction.context, interaction.authorizingIntegrationOwners.userId]);
        await interaction.reply({ content: 'hi' });
      }
    });

    const inGuild = fake.build.messageCommand({ name: 'Check against the article', content: 'Blinken met Xi for an hour' });
    await fake.waitForCallback(fake.dispatchInteraction(inGuild), 3000);
    const inDm = fake.build.messageCommand({ name: 'Check against the article', content: 'in a DM', guildId: null, install: 'user' });
    await fake.waitForCallback(fake.dispatchInteraction(inDm), 3000);
    const userInstalled = fake.build.chatInput({ name: 'ask', guildId: null, install: 'user' });
    await fake.waitForCallback(fake.dispatchInteraction(userInstalled), 3000);

    expect(seen).toEqual([
      ['message', 'Check against the article', inGuild.data.target_id, 'Blinken met Xi for an hour', true, 0],
      ['message', 'Check against the article', inDm.data.target_id, 'in a DM', false, 2],
      ['user-install', false, 2, fake.user.id],
    ]);
    // Replies to a context-menu command are stored as Discord stores them (type 23).
    expect(fake.originalMessage(inGuild.id)?.type).toBe(23);
    expect(handlerErrors).toEqual([]);
    expect(fake.specIssues).toEqual([]);
  });

  it('checks bodies against the Discord OpenAPI spec and can reject violations like Discord', async () => {
    const { fake, client } = await startLoggedIn({ rejectSpecViolations: true });
    onInteraction(client, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'x'.repeat(2001) });
    });

    const id = fake.dispatchInteraction(fake.build.chatInput({ name: 'ask' }));
    await fake.waitFor(() => handlerErrors.length > 0, 3000, 'the reply to fail');

    expect(handlerErrors[0]).toBeInstanceOf(DiscordAPIError);
    expect(handlerErrors[0]).toMatchObject({ status: 400, code: 50035 });
    expect(fake.specIssues).toHaveLength(1);
    expect(fake.specIssues[0]).toMatchObject({ direction: 'request', schema: 'CreateMessageInteractionCallbackRequestSchema' });
    expect(fake.specIssues[0]?.problems[0]).toMatch(/^data\.content: /);
    expect(fake.callbacksFor(id)).toEqual([]);
  });

  it('404s and records unknown routes; refuses unknown interactions and a second acknowledgement', async () => {
    const { fake, client } = await startLoggedIn();
    const payload = fake.build.chatInput({ name: 'ask' });
    fake.dispatchInteraction(payload);
    const callback = (token: string) =>
      client.rest.post(Routes.interactionCallback(payload.id, token), { body: { type: 4, data: { content: 'raw' } }, auth: false });

    await expect(client.rest.get('/nothing/here' as `/${string}`)).rejects.toMatchObject({ status: 404 });
    expect(fake.unknownRoutes.map((r) => [r.method, r.path])).toEqual([['GET', '/nothing/here']]);

    await expect(callback('wrong-token')).rejects.toMatchObject({ status: 404, code: 10062 });
    await expect(callback(payload.token)).resolves.toBeDefined();
    const second = await callback(payload.token).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(DiscordAPIError);
    expect(second).toMatchObject({ status: 400, code: 40060 });
    expect(fake.callbacksFor(payload.id)).toHaveLength(1);
  });

  it('forgets past interactions and their records when asked (a long benchmark), refusing callbacks for them', async () => {
    const { fake, client } = await startLoggedIn();
    const answered = fake.build.chatInput({ name: 'ask' });
    const later = fake.build.chatInput({ name: 'ask' });
    fake.dispatchInteraction(answered);
    fake.dispatchInteraction(later);
    const callback = (payload: typeof answered) =>
      client.rest.post(Routes.interactionCallback(payload.id, payload.token), { body: { type: 4, data: { content: 'raw' } }, auth: false });
    await callback(answered);
    expect(fake.callbacksFor(answered.id)).toHaveLength(1);
    expect(fake.requests.length).toBeGreaterThan(0);

    fake.forgetInteractions();

    expect([fake.callbacks.length, fake.requests.length, fake.webhookCalls.length, fake.gatewayReceived.length]).toEqual([0, 0, 0, 0]);
    expect(fake.originalMessage(answered.id)).toBeNull();
    await expect(callback(later)).rejects.toMatchObject({ status: 404, code: 10062 });
  });
});

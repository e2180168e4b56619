// npm run bench:soak: the bot's resident memory as it answers /ask from ever more distinct
// members. The real bot process (tsx src/main.ts) against the fake Discord on loopback; memory is
// read from /proc after 10k, 50k and 100k members. Prints figures, not a test. With discord.js'
// default caches every member an interaction carries stays in memory (issue 11: about 2 KB each);
// src/transports/discord-cache.ts keeps those caches empty, so the figures should stay flat.
//
//   SOAK_MEMBERS   checkpoints, comma-separated (default 10000,50000,100000)
//   SOAK_BATCH     interactions in flight at once (default 500)
import { readdirSync, readFileSync } from 'node:fs';
import { startFakeDiscord } from '../test/fake-discord/index.ts';
import { snowflake } from '../test/fake-discord/index.ts';
import { startBot } from '../test/e2e/harness.ts';

const CHECKPOINTS = (process.env['SOAK_MEMBERS'] ?? '10000,50000,100000').split(',').map(Number);
const BATCH = Number(process.env['SOAK_BATCH'] ?? 500);
const WARM_UP = 2000;
const QUESTIONS = ['how long did they meet?', 'where did they meet?', 'what did Xi say about Taiwan?', 'what is the weather in Paris?'];

/** Resident memory (MiB) of the bot: the largest process in its group (tsx runs main.ts in a node child). */
function botRssMiB(groupId: number): number {
  let largest = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== groupId) continue; // pgrp
      const rssPages = Number(fields[21]);
      largest = Math.max(largest, (rssPages * 4096) / 2 ** 20);
    } catch {
      // The process ended while we looked.
    }
  }
  return largest;
}

const fake = await startFakeDiscord({ validateAgainstSpec: false });
const bot = await startBot(fake, { LOG_LEVEL: 'warn' });
const groupId = bot.child.pid ?? 0;
let sent = 0;

async function answerMembers(count: number): Promise<void> {
  while (count > 0) {
    const n = Math.min(BATCH, count);
    const first = fake.callbacks.length;
    for (let i = 0; i < n; i++) {
      const user = { id: snowflake(), username: `member${sent}`, global_name: `Member ${sent}` };
      fake.dispatchInteraction(
        fake.build.chatInput({ name: 'ask', options: { question: QUESTIONS[sent % QUESTIONS.length] ?? '' }, user, roles: [snowflake()] }),
      );
      sent += 1;
    }
    await fake.waitFor(() => fake.callbacks.length - first >= n, 120_000, `${n} callbacks`);
    count -= n;
  }
}

try {
  console.log(`Soak: /ask from distinct members (each with a role), ${BATCH} at a time, through the real bot process and discord.js.`);
  console.log(`  at start            RSS ${botRssMiB(groupId).toFixed(0)} MiB`);
  await answerMembers(WARM_UP);
  const warm = botRssMiB(groupId);
  console.log(`  after ${String(WARM_UP).padStart(7)} (warm) RSS ${warm.toFixed(0)} MiB`);
  const started = Date.now();
  for (const checkpoint of CHECKPOINTS) {
    await answerMembers(checkpoint - sent);
    // Let the bot settle (garbage collection runs when it is idle).
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const rss = botRssMiB(groupId);
    const perMember = ((rss - warm) * 2 ** 20) / (sent - WARM_UP);
    console.log(
      `  after ${String(sent).padStart(7)}        RSS ${rss.toFixed(0)} MiB   (${perMember >= 0 ? '+' : ''}${perMember.toFixed(0)} bytes per member since warm-up)`,
    );
  }
  const errors = bot.logs().filter((l) => Number(l['level']) >= 50).length;
  console.log(
    `  ${sent} interactions answered in ${((Date.now() - started) / 1000).toFixed(0)} s; ${errors} error lines logged; bot still running: ${!bot.hasExited()}`,
  );
} finally {
  await bot.stop(20_000).catch((error: unknown) => console.error(error));
  await fake.close();
}

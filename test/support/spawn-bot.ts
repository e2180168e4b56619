// Runs a script of this repo (src/main.ts, src/deploy-commands.ts) as `tsx <script>`, with a clean
// Discord environment so a developer's .env cannot leak in (dotenv never overrides what is set).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const CLEAN = { DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '', DISCORD_GUILD_ID: '', DISCORD_API_URL: '', LOG_LEVEL: '', KNOWLEDGE_DIR: '' };

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function startScript(script: string, env: Record<string, string> = {}, stdin = ''): { child: ChildProcessWithoutNullStreams; output: () => Finished; done: Promise<Finished> } {
  const child = spawn(`${ROOT}node_modules/.bin/tsx`, [script], { cwd: ROOT, env: { ...process.env, ...CLEAN, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  const output = () => ({ code: child.exitCode, signal: child.signalCode, stdout, stderr });
  const done = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, output, done };
}

export function runScript(script: string, env: Record<string, string> = {}, stdin = ''): Promise<Finished> {
  return startScript(script, env, stdin).done;
}

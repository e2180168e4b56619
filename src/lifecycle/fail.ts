// How the entry points (npm start, deploy-commands, the CLI) stop on a problem a person must fix:
// one message on stderr, no stack, a non-zero exit code.

export function fail(message: string, exitCode = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
}

// The short ephemeral notices shared by the router and the commands.
import { ephemeral } from './safe-reply.ts';
import type { Reply } from './types.ts';

export function apology(): Reply {
  return ephemeral({ content: 'Sorry — something went wrong while answering that. It has been logged; please try again in a moment.' });
}

export function unknownCommand(name: string): Reply {
  // Shown in inline code, where escapes would show: keep only what a command name may hold.
  const shown = name.replace(/[^-_\p{L}\p{N}]/gu, '').slice(0, 32) || '?';
  return ephemeral({ content: `Sorry — I don't know the command \`/${shown}\`. Try /help to see what I can do.` });
}

export function staleButton(): Reply {
  return ephemeral({ content: "Sorry — that button has expired or isn't one I recognise. Run the command again (see /help)." });
}

export function slowDown(waitMs: number): Reply {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return ephemeral({ content: `Slow down a little — you can ask again in ${seconds} second${seconds === 1 ? '' : 's'}.` });
}

export function invalidOptions(): Reply {
  return ephemeral({ content: "Sorry — that command arrived without the options it needs. Run it again from Discord's command list (see /help)." });
}

export function restarting(): Reply {
  return ephemeral({ content: 'The bot is restarting — please try again in a few seconds.' });
}

export function feedbackThanks(helpful: boolean): Reply {
  return ephemeral({
    content: helpful ? 'Thanks — noted that this answer helped.' : 'Thanks — noted that this answer didn’t help. The people who curate the answers read these.',
  });
}

// Button custom ids carry everything a click needs, so the bot keeps no per-message state:
//   ask:<qa entry id>                       answer a curated question
//   topic:<topic id>                        show a topic
//   quote:<speaker id>                      show a speaker's quotes (a new reply)
//   quote:<speaker id>:<page>[:<about>]     a page of them (edits the message in place)
//   fb:<y|n>:<e|p>:<id>                     Helpful / Not helpful on an answer from a Q&A entry (e) or a passage (p)
//   post[:<e|p>:<id>]                       post an ephemeral answer for everyone (its message carries the
//                                           answer; the id, when there is one, gets feedback buttons again)
// Decoding checks the shape only; handlers check the ids against the knowledge base.
import { LIMITS } from './limits.ts';

export type ButtonAction =
  | { kind: 'ask'; entryId: string }
  | { kind: 'topic'; topicId: string }
  | { kind: 'quote'; speakerId: string; page?: number; about?: string }
  | { kind: 'feedback'; helpful: boolean; source: 'entry' | 'passage'; id: string }
  | { kind: 'post'; answered?: { source: 'entry' | 'passage'; id: string } };

/** The knowledge base's id format (src/knowledge/schema.ts). */
const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const PAGE = /^(0|[1-9][0-9]{0,2})$/;

/** The id for an action, or null when it would not fit Discord's 100 characters: never cut, so it decodes to what it says. */
export function encodeCustomId(action: ButtonAction): string | null {
  switch (action.kind) {
    case 'ask':
      return `ask:${action.entryId}`;
    case 'topic':
      return `topic:${action.topicId}`;
    case 'quote': {
      if (action.page === undefined) return `quote:${action.speakerId}`;
      const base = `quote:${action.speakerId}:${action.page}`;
      const about = action.about?.trim();
      if (!about) return base;
      const id = `${base}:${about}`;
      return id.length <= LIMITS.customId ? id : null;
    }
    case 'feedback':
      return `fb:${action.helpful ? 'y' : 'n'}:${action.source === 'entry' ? 'e' : 'p'}:${action.id}`;
    case 'post':
      return action.answered ? `post:${action.answered.source === 'entry' ? 'e' : 'p'}:${action.answered.id}` : 'post';
  }
}

/** The action a custom id stands for, or null when it is not one this bot made. */
export function decodeCustomId(customId: string): ButtonAction | null {
  if (customId.length === 0 || customId.length > LIMITS.customId) return null;
  if (customId === 'post') return { kind: 'post' };
  if (customId.startsWith('fb:') || customId.startsWith('post:')) return decodeAnswerAction(customId);
  const [kind, id, page, ...rest] = customId.split(':');
  if (id === undefined || !ID.test(id)) return null;
  if (kind === 'ask' && page === undefined) return { kind: 'ask', entryId: id };
  if (kind === 'topic' && page === undefined) return { kind: 'topic', topicId: id };
  if (kind !== 'quote') return null;
  if (page === undefined) return { kind: 'quote', speakerId: id };
  if (!PAGE.test(page)) return null;
  const about = rest.join(':').trim();
  return about ? { kind: 'quote', speakerId: id, page: Number(page), about } : { kind: 'quote', speakerId: id, page: Number(page) };
}

const FEEDBACK = /^fb:([yn]):([ep]):([a-z0-9][a-z0-9-]{0,39})$/;
const POST = /^post:([ep]):([a-z0-9][a-z0-9-]{0,39})$/;

/** The ids that name an answer: feedback on it, or posting it. */
function decodeAnswerAction(customId: string): ButtonAction | null {
  const post = POST.exec(customId);
  if (post?.[2]) return { kind: 'post', answered: { source: post[1] === 'e' ? 'entry' : 'passage', id: post[2] } };
  const m = FEEDBACK.exec(customId);
  if (!m?.[3]) return null;
  return { kind: 'feedback', helpful: m[1] === 'y', source: m[2] === 'e' ? 'entry' : 'passage', id: m[3] };
}

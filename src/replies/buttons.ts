import { ButtonStyle, ComponentType, type APIButtonComponentWithCustomId } from 'discord-api-types/v10';
import type { Suggestion } from '../engine/types.ts';
import { encodeCustomId, type ButtonAction } from './custom-id.ts';
import { LIMITS, truncate } from './limits.ts';
import type { ButtonRow } from './types.ts';

/** A button for the action, or null when its id would not fit (see encodeCustomId). */
export function button(
  action: ButtonAction,
  label: string,
  options: { disabled?: boolean; style?: ButtonStyle.Primary | ButtonStyle.Secondary } = {},
): APIButtonComponentWithCustomId | null {
  const customId = encodeCustomId(action);
  if (customId === null) return null;
  return {
    type: ComponentType.Button,
    style: options.style ?? ButtonStyle.Secondary,
    label: truncate(label, LIMITS.buttonLabel),
    custom_id: customId,
    ...(options.disabled ? { disabled: true } : {}),
  };
}

export function suggestionAction(suggestion: Suggestion): ButtonAction {
  switch (suggestion.kind) {
    case 'question':
      return { kind: 'ask', entryId: suggestion.id };
    case 'topic':
      return { kind: 'topic', topicId: suggestion.id };
    case 'speaker':
      return { kind: 'quote', speakerId: suggestion.id };
  }
}

/** Up to 3 suggestion buttons in one row (none when there is nothing to suggest). */
export function suggestionRow(suggestions: readonly Suggestion[], max = 3): ButtonRow[] {
  const seen = new Set<string>();
  const buttons: APIButtonComponentWithCustomId[] = [];
  for (const s of suggestions) {
    const b = button(suggestionAction(s), s.label);
    if (!b || seen.has(b.custom_id)) continue;
    seen.add(b.custom_id);
    buttons.push(b);
    if (buttons.length === max) break;
  }
  return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

/** What an answer was made from, for its Helpful / Not helpful buttons. */
export interface Answered {
  source: 'entry' | 'passage';
  id: string;
}

/** Helpful / Not helpful under an answer; the ids say what was answered, so any process can count a press. */
export function feedbackButtons(answered: Answered): APIButtonComponentWithCustomId[] {
  return [button({ kind: 'feedback', helpful: true, ...answered }, 'Helpful'), button({ kind: 'feedback', helpful: false, ...answered }, 'Not helpful')].filter(
    (b): b is APIButtonComponentWithCustomId => b !== null,
  );
}

/** An answer's button rows: its feedback buttons (and any extra buttons) first, then the suggestions. */
export function answerRows(answered: Answered | null, suggestions: readonly Suggestion[], extra: APIButtonComponentWithCustomId[] = []): ButtonRow[] {
  const first = [...(answered ? feedbackButtons(answered) : []), ...extra];
  return [...(first.length > 0 ? [{ type: ComponentType.ActionRow as const, components: first }] : []), ...suggestionRow(suggestions)];
}

// For `npm run knowledge:check`: a phrasing that asks for a kind of answer its entry does not
// give ("Who …?" on an entry whose answer names no one) is flagged, named by file, entry and field.
import type { Knowledge } from '../knowledge/types.ts';
import { answers, inferAnswerKinds, KINDS, questionKind } from './kinds.ts';

export function checkPhrasingKinds(k: Knowledge, qaFile: string): string[] {
  const problems: string[] = [];
  k.qa.forEach((entry, i) => {
    const kinds = entry.answerKinds ?? inferAnswerKinds(entry.answer);
    entry.questions.forEach((q, j) => {
      const kind = questionKind(q);
      if (!answers(kinds, kind)) {
        problems.push(
          `${qaFile}: entries[${i}].questions[${j}]: “${q}” asks for ${KINDS[kind].asks} (${kind}), but the entry's answer gives ${kinds.join(', ')} (entry "${entry.id}"); reword it, move it to an entry that answers it, or list "${KINDS[kind].accepts[0] ?? kind}" in answerKinds if the answer does give that`,
        );
      }
    });
  });
  return problems;
}

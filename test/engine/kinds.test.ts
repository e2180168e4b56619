import { describe, expect, it } from 'vitest';
import { answers, asksAboutFuture, asksForSpeech, focusOf, inferAnswerKinds, KINDS, questionKind, voiceOf, type QuestionKind } from '../../src/engine/kinds.ts';
import { words } from '../../src/engine/text.ts';

describe('question kinds', () => {
  it('reads each kind’s own example as that kind', () => {
    for (const [kind, rule] of Object.entries(KINDS)) expect(questionKind(rule.example), rule.example).toBe(kind);
  });

  const cases: [string, QuestionKind][] = [
    ['who did blinken meet besides xi', 'person'],
    ['which official released the transcript', 'person'],
    ['who said progress is hard', 'person'],
    ['in which venue did they meet', 'place'],
    ['where do Xi’s remarks come from', 'open'],
    ['how long was the sit-down', 'duration'],
    ['which month was the balloon shot down', 'date'],
    ['what year did blinken become secretary of state', 'date'],
    ['how many days was the trip', 'duration'],
    ['how old is the secretary of state', 'quantity'],
    ['how many aides came along', 'quantity'],
    ['blinken he is how many years old', 'quantity'],
    ['why might washington call the visit a success', 'reason'],
    ['when was the meeting announced', 'time'],
    ['what was he referring to when he said it was very good', 'open'],
    ['on what date in june did he land', 'date'],
    ['what did the kremlin say about it', 'speech'],
    ['how did taiwan react', 'speech'],
    ["north korea's reaction?", 'speech'],
    ['what did china say no to', 'open'],
    ['does the article say why relations got worse', 'reason'],
    ['which specific issues did they agree on', 'specifics'],
    ['why did relations sour', 'reason'],
    ['was fentanyl discussed', 'yesno'],
    ['did they talk about fentanyl', 'yesno'],
    ['what happened with the balloon', 'open'],
    ['what time is it in beijing right now', 'outside'],
    ['what do you think about the talks', 'outside'],
  ];
  it.each(cases)('%s → %s', (question, kind) => {
    expect(questionKind(question)).toBe(kind);
  });

  it('says which answers answer which questions', () => {
    expect(answers(['duration'], 'duration')).toBe(true);
    expect(answers(['duration'], 'time')).toBe(false);
    expect(answers(['yesno'], 'speech')).toBe(false);
    expect(answers(['place'], 'person')).toBe(false);
    expect(answers(['person', 'speech'], 'person')).toBe(true);
    expect(answers(['description'], 'yesno')).toBe(true);
    // Nothing answers a question about the present.
    for (const k of ['person', 'place', 'time', 'duration', 'quantity', 'speech', 'reason', 'list', 'yesno', 'description'] as const)
      expect(answers([k], 'outside')).toBe(false);
  });

  it('finds whose words a speech question asks for, leaving out words that name no one', () => {
    expect(voiceOf(words('what did the kremlin say'))).toEqual(['kremlin']);
    expect(voiceOf(words('what was that last quote from blinken about progress'))).toEqual(['blinken']);
    expect(voiceOf(words('what idea was blinken trying to talk china out of'))).toEqual(['blinken']);
    expect(asksForSpeech(words('does the article say that relations soured'))).toBe(false);
    expect(asksForSpeech(words('who said that'))).toBe(false);
  });

  it('finds the thing a question asks about by name', () => {
    expect(focusOf(words('which company made the balloon'))).toBe('company');
    expect(focusOf(words('which main us goal did they miss'))).toBe('goal');
    expect(focusOf(words('which fighter jet shot it down'))).toBe('jet');
    expect(focusOf(words('how many aides travelled with him'))).toBe('aides');
    expect(focusOf(words('how many days was the trip'))).toBeNull();
    expect(focusOf(words('what did they agree'))).toBeNull();
    // A general word names nothing in particular; "how much notice" asks an amount, not a count.
    expect(focusOf(words('what events made relations worse'))).toBeNull();
    expect(focusOf(words('how much notice was given'))).toBeNull();
  });

  it('tells a question about what comes next from one that only says "going to"', () => {
    expect(asksAboutFuture(words('will the militaries talk again'))).toBe(true);
    expect(asksAboutFuture(words('are they going to meet again'))).toBe(true);
    expect(asksAboutFuture(words('secretary of state going to beijing for the first time in ages'))).toBe(false);
  });

  it('reads an answer’s kinds from its wording when the entry does not list them', () => {
    expect(inferAnswerKinds('Yes. North Korea was discussed.')).toContain('yesno');
    expect(inferAnswerKinds('35 minutes, at the Great Hall.')).toEqual(expect.arrayContaining(['duration', 'quantity']));
    expect(inferAnswerKinds('Blinken said “progress is hard”.')).toContain('speech');
    expect(inferAnswerKinds('Monday.')).toContain('time');
  });
});

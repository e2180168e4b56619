// An edit a curator might make, shared by the reload tests (unit and end to end).

/** A question the article speaks to (p22) that the curated entries do not answer. */
export const NEW_QUESTION = "Which country's war did China promise not to arm?";
export const NEW_ENTRY = {
  id: 'which-war-no-arms',
  questions: [NEW_QUESTION, 'which war will china not arm', 'china promised not to arm whom', 'Whose war did China say it would not send lethal aid for?'],
  answer: 'Russia’s, in Ukraine. China again stressed that it would not supply lethal aid to Russia to use in Ukraine.',
  passages: ['p22'],
  keywords: ['arm', 'weapons'],
  topics: ['russia-ukraine'],
};

// English for the no-station help (src/element/render/help.ts), apart from en.ts: it comes with the
// code that shows it, which the element loads after the alert (src/element/later.ts), so the
// element's first file does without it. A catalogue's own wording wins over it, key by key.
export const enHelp = {
  nearest: 'The nearest station we know of is',
  insteadTitle: 'What you can do instead',
  insteadList: [
    'Meet in daylight in a busy public place, such as a store entrance or a café with cameras.',
    'Many police stations let people meet in their lobby: call the non-emergency line first to ask.',
    'Bring a friend, and tell someone where you are going.',
  ],
};

export type HelpMessages = typeof enHelp;

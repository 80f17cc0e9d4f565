// Plural-aware messages: a catalogue entry holds one string per Intl.PluralRules category the
// language uses (`other` is required), with `#` standing for the count.

/** Strings by plural category; `#` is replaced by the count, formatted for the locale. */
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/** The form for `count` in `locale` (falling back to `other`), with `#` filled in. */
export function plural(forms: PluralForms, count: number, locale: string): string {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  let number = numbers.get(locale);
  if (!number) numbers.set(locale, (number = new Intl.NumberFormat(locale)));
  return (forms[rule.select(count)] ?? forms.other).replace('#', number.format(count));
}

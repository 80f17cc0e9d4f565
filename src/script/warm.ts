// src/element/warm.ts as dist/script has it: src/script/element.ts has already warmed the
// engine's formatting, in tasks of its own, before it defined the element.
export function warmFormatsSoon(_locale: string): void {}

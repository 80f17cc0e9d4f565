// `npm run analyze` (part of `npm run build`): custom-elements.json from the element's JSDoc
// (@tag, @fires, @slot, @csspart, @cssprop) and its decorated properties; `private`/`#` members
// and `@internal` state are left out by the analyzer itself.
export default {
  globs: ['src/element/element.ts'],
  outdir: '.',
  litelement: true,
};

// `npm run analyze` (part of `npm run build`): custom-elements.json from the element's JSDoc
// (@fires, @slot, @csspart, @cssprop) and its `static properties`.
const TAG = 'safetrade-meetup';

/** Private state (`_data`, … declared `state: true`) is not public API: no attribute, no member. */
function publicApiOnly() {
  return {
    name: 'safetrade-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.name !== 'SafeTradeMeetupElement') continue;
          // The tag is defined in src/define.ts through a constant the analyzer cannot follow.
          decl.tagName = TAG;
          decl.customElement = true;
          decl.attributes = (decl.attributes ?? []).filter((a) => !a.fieldName?.startsWith('_'));
          decl.members = (decl.members ?? []).filter((m) => !m.name.startsWith('_') && m.privacy !== 'private');
          mod.exports = [
            ...(mod.exports ?? []).filter((e) => e.kind !== 'custom-element-definition'),
            { kind: 'custom-element-definition', name: TAG, declaration: { name: decl.name, module: mod.path } },
          ];
        }
      }
    },
  };
}

export default {
  globs: ['src/element/element.ts'],
  outdir: '.',
  litelement: true,
  plugins: [publicApiOnly()],
};

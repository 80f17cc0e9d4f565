// The production build's decorator rewrite (scripts/lit-static-properties.mjs): what it rewrites,
// and what it must leave decorated because Lit would treat the compact form differently.
// test/e2e/esm.test.ts checks the built element itself in a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ts from 'typescript';
import litStaticProperties from '../../scripts/lit-static-properties.mjs';

const compile = (source) =>
  ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
    transformers: { before: [litStaticProperties] },
  }).outputText;
const squash = (code) => code.replace(/\s+/g, ' ');
const header = `import { LitElement } from 'lit';\nimport { property, state } from 'lit/decorators.js';\nimport { conv } from './conv.js';\n`;

test('decorated accessors become static properties and constructor assignments, with no decorator code left', () => {
  const out = squash(
    compile(`${header}export class A extends LitElement {
      @property({ attribute: 'max-km', converter: conv, reflect: true }) accessor maxKm = 40;
      @property() accessor name: string | undefined;
      @state() private accessor _open = false;
    }`),
  );
  assert.match(out, /static properties = \{ maxKm: \{ attribute: 'max-km', converter: conv, reflect: true \}, name: \{\}, _open: \{ state: true \} \};/);
  assert.match(out, /constructor\(\) \{ super\(\); this\.maxKm = 40; this\._open = false; \}/);
  assert.doesNotMatch(out, /__esDecorate|accessor|lit\/decorators/);
  // No field of the same name, which would shadow Lit's accessor.
  assert.doesNotMatch(out, /^\s*(maxKm|name|_open)\b/m);
});

test('an existing constructor keeps its body after the assignments', () => {
  const out = squash(
    compile(`${header}class A extends LitElement {
      @property() accessor mode = 'fair';
      constructor() { super(); this.addEventListener('x', () => {}); }
    }`),
  );
  assert.match(out, /constructor\(\) \{ super\(\); this\.mode = 'fair'; this\.addEventListener\('x', \(\) => \{ \}\); \}/);
});

test('options or initialisers it cannot prove equivalent stay decorated, and their import stays', () => {
  const out = compile(`${header}class A extends LitElement {
    @property({ hasChanged: (a, b) => a !== b }) accessor custom = 1;
    @property() accessor fromThis = this.getAttribute('x');
    @property({ type: Number }) accessor plain = 2;
  }`);
  assert.match(out, /__esDecorate/);
  assert.match(out, /import \{ property \} from 'lit\/decorators\.js'/);
  assert.match(squash(out), /static properties = \{ plain: \{ type: Number \} \}/);
  assert.match(squash(out), /this\.plain = 2;/);
  assert.doesNotMatch(squash(out), /this\.(custom|fromThis) = /);
});

test('classes that do not extend LitElement are left alone', () => {
  const source = `${header}class B extends HTMLElement { @property() accessor x = 1; }`;
  assert.match(compile(source), /__esDecorate/);
});

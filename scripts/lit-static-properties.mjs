// A TypeScript `before` transformer for the production build (rollup.config.mjs): it rewrites Lit's
// standard decorators on accessors into the compact form Lit also accepts, so that
//
//   class X extends LitElement {
//     @property({ attribute: 'seller-lat', converter: c }) accessor sellerLat: number | undefined;
//     @property() accessor limit = 3;
//     @state() private accessor _notice = '';
//   }
//
// ships as
//
//   class X extends LitElement {
//     static properties = { sellerLat: { attribute: 'seller-lat', converter: c }, limit: {}, _notice: { state: true } };
//     constructor() { super(); this.limit = 3; this._notice = ''; }
//   }
//
// Why: TypeScript 5.9 lowers each decorated accessor to `__esDecorate` calls with an access object,
// initializer arrays and private storage: ~1.9 KB gzip for the element's ~21 properties, on the
// path every visitor who scrolls to the widget downloads (issue #15's 36 KB budget). The source
// keeps one declaration per property (the decorators); the tests compile the source with esbuild's
// own decorator lowering, the end-to-end tests load what this file produces.
//
// Same behaviour, because both forms end in ReactiveElement.createProperty(name, options):
// - `@property(opts)` registers `opts` (or Lit's defaults when there are none; `{}` reads as the
//   same defaults); `@state(opts)` registers `{ ...opts, state: true, attribute: false }`, and
//   createProperty sets `attribute = false` itself for `state: true`.
// - The decorator's `init` records the initial value as a change (old value undefined) and skips
//   `undefined`; `this.name = value` in the constructor goes through Lit's setter, which does the
//   same with the default `hasChanged`. No own field is left to shadow Lit's prototype accessor
//   (with `useDefineForClassFields` a plain field would).
//
// Partial-safe: a member is rewritten only when all of this holds, otherwise it keeps its
// decorator and TypeScript lowers it as before (both forms may be mixed in one class):
// - the class is a top-level class that extends `LitElement` imported from 'lit' / 'lit-element';
// - the member is a non-static `accessor` with a plain name and exactly one decorator, `property`
//   or `state` imported from Lit's decorator modules, called with no argument or an object literal
//   of plain `key: value` entries among `attribute`, `converter`, `reflect`, `type` (`state`:
//   none). `hasChanged` / `useDefault` / `noAccessor` / spreads behave differently for the initial
//   value, so those stay decorated;
// - its initialiser, if any, is a constant (literal, `null`, `undefined`, a signed number, or an
//   array / object literal of those): it moves from field order into the constructor, which is
//   only invisible when evaluating it has no effects and reads nothing of `this`;
// - an existing constructor has `super(…)` as a top-level statement (assignments go right after).
// Decorator imports left without a use are removed.
import ts from 'typescript';

const LIT_MODULES = new Set(['lit', 'lit-element', 'lit-element/lit-element.js']);
const DECORATOR_MODULES = new Set([
  'lit/decorators.js',
  'lit/decorators/property.js',
  'lit/decorators/state.js',
  '@lit/reactive-element/decorators.js',
  '@lit/reactive-element/decorators/property.js',
  '@lit/reactive-element/decorators/state.js',
]);
const PROPERTY_OPTIONS = new Set(['attribute', 'converter', 'reflect', 'type']);

const moduleName = (node) => (ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : '');

/** Local names bound by `import { a, b as c } from <one of modules>` (no type-only imports): local → imported. */
function importedNames(sourceFile, modules) {
  const names = new Map();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !modules.has(moduleName(statement))) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) continue;
    for (const spec of clause.namedBindings.elements) {
      if (!spec.isTypeOnly) names.set(spec.name.text, (spec.propertyName ?? spec.name).text);
    }
  }
  return names;
}

/** A value whose evaluation has no effect and does not depend on when it runs. */
function isConstant(node) {
  if (ts.isParenthesizedExpression(node)) return isConstant(node.expression);
  if (ts.isStringLiteral(node) || ts.isNumericLiteral(node) || ts.isBigIntLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
  if ([ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword, ts.SyntaxKind.NullKeyword].includes(node.kind)) return true;
  if (ts.isIdentifier(node)) return node.text === 'undefined';
  if (ts.isPrefixUnaryExpression(node)) return [ts.SyntaxKind.MinusToken, ts.SyntaxKind.PlusToken].includes(node.operator) && ts.isNumericLiteral(node.operand);
  if (ts.isArrayLiteralExpression(node)) return node.elements.every(isConstant);
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.every((p) => ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name) && isConstant(p.initializer));
  }
  // `as const`, `satisfies`, `<T>x`, `x!`: types only.
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node) || ts.isNonNullExpression(node))
    return isConstant(node.expression);
  return false;
}

const hasModifier = (node, kind) => (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);

/**
 * For a member that can be rewritten: `{ name, kind: 'property' | 'state', options, initializer, decorator }`; else null.
 */
function reactiveMember(member, decoratorNames) {
  if (!ts.isPropertyDeclaration(member) || !hasModifier(member, ts.SyntaxKind.AccessorKeyword)) return null;
  if (hasModifier(member, ts.SyntaxKind.StaticKeyword) || hasModifier(member, ts.SyntaxKind.DeclareKeyword)) return null;
  if (!ts.isIdentifier(member.name)) return null;
  const decorators = ts.getDecorators(member) ?? [];
  if (decorators.length !== 1) return null;
  const [decorator] = decorators;
  const call = decorator.expression;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.typeArguments) return null;
  const kind = decoratorNames.get(call.expression.text);
  if (kind !== 'property' && kind !== 'state') return null;
  if (call.arguments.length > 1) return null;
  const options = call.arguments[0];
  if (options) {
    if (!ts.isObjectLiteralExpression(options)) return null;
    const allowed = kind === 'property' ? PROPERTY_OPTIONS : new Set();
    if (!options.properties.every((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && allowed.has(p.name.text))) return null;
  }
  if (member.initializer && !isConstant(member.initializer)) return null;
  return { name: member.name.text, kind, options, initializer: member.initializer, decorator };
}

/** Whether the constructor (if any) has `super(…)` as a top-level statement; its index, or -1. */
function superCallIndex(ctor) {
  return (ctor.body?.statements ?? []).findIndex(
    (s) => ts.isExpressionStatement(s) && ts.isCallExpression(s.expression) && s.expression.expression.kind === ts.SyntaxKind.SuperKeyword,
  );
}

function rewriteClass(node, factory, litNames, decoratorNames, removed) {
  const heritage = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  if (!heritage || !ts.isIdentifier(heritage) || litNames.get(heritage.text) !== 'LitElement') return node;
  const ctor = node.members.find(ts.isConstructorDeclaration);
  if (ctor && superCallIndex(ctor) < 0) return node;
  const found = node.members.map((m) => reactiveMember(m, decoratorNames));
  const rewritten = found.filter(Boolean);
  if (rewritten.length === 0) return node;
  // An own `static properties` (or a second member of the same name) would make merging ambiguous.
  const names = new Set(rewritten.map((r) => r.name));
  const clash = node.members.some(
    (m, i) =>
      !found[i] &&
      m.name &&
      ts.isIdentifier(m.name) &&
      (names.has(m.name.text) || (m.name.text === 'properties' && hasModifier(m, ts.SyntaxKind.StaticKeyword))),
  );
  if (clash) return node;

  const entries = rewritten.map((r) => {
    // `@state()`: `state: true` (createProperty then sets `attribute: false`, as state() does).
    const value =
      r.kind === 'state'
        ? factory.createObjectLiteralExpression([factory.createPropertyAssignment('state', factory.createTrue())])
        : (r.options ?? factory.createObjectLiteralExpression([]));
    return factory.createPropertyAssignment(r.name, value);
  });
  const staticProperties = factory.createPropertyDeclaration(
    [factory.createModifier(ts.SyntaxKind.StaticKeyword)],
    'properties',
    undefined,
    undefined,
    factory.createObjectLiteralExpression(entries, false),
  );
  const assignments = rewritten
    .filter((r) => r.initializer)
    .map((r) =>
      factory.createExpressionStatement(factory.createAssignment(factory.createPropertyAccessExpression(factory.createThis(), r.name), r.initializer)),
    );

  let members = node.members.filter((_, i) => !found[i]);
  if (assignments.length > 0) {
    if (ctor) {
      const statements = [...ctor.body.statements];
      statements.splice(superCallIndex(ctor) + 1, 0, ...assignments);
      const updated = factory.updateConstructorDeclaration(ctor, ctor.modifiers, ctor.parameters, factory.updateBlock(ctor.body, statements));
      members = members.map((m) => (m === ctor ? updated : m));
    } else {
      const superCall = factory.createExpressionStatement(factory.createCallExpression(factory.createSuper(), undefined, []));
      members.push(factory.createConstructorDeclaration(undefined, [], factory.createBlock([superCall, ...assignments], true)));
    }
  }
  for (const r of rewritten) removed.add(r.decorator);
  return factory.updateClassDeclaration(node, node.modifiers, node.name, node.typeParameters, node.heritageClauses, [staticProperties, ...members]);
}

/** Identifiers named `name` that read the binding (not property names, not the import itself), outside `removed` decorators. */
function isUsed(sourceFile, name, removed) {
  let used = false;
  const visit = (node) => {
    if (used || removed.has(node) || ts.isImportDeclaration(node)) return;
    if (ts.isIdentifier(node) && node.text === name) {
      const p = node.parent;
      const isPropertyName = (ts.isPropertyAccessExpression(p) || ts.isPropertyAssignment(p) || ts.isClassElement(p) || ts.isTypeElement(p)) && p.name === node;
      if (!isPropertyName) used = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return used;
}

/** The transformer factory: `typescript({ transformers: { before: [litStaticProperties] } })`. */
export default function litStaticProperties(context) {
  const { factory } = context;
  return (sourceFile) => {
    const decoratorNames = importedNames(sourceFile, DECORATOR_MODULES);
    const litNames = importedNames(sourceFile, LIT_MODULES);
    if (decoratorNames.size === 0 || ![...litNames.values()].includes('LitElement')) return sourceFile;
    const removed = new Set();
    let statements = sourceFile.statements.map((s) => (ts.isClassDeclaration(s) ? rewriteClass(s, factory, litNames, decoratorNames, removed) : s));
    if (removed.size === 0) return sourceFile;
    statements = statements.flatMap((s) => {
      if (
        !ts.isImportDeclaration(s) ||
        !DECORATOR_MODULES.has(moduleName(s)) ||
        !s.importClause?.namedBindings ||
        !ts.isNamedImports(s.importClause.namedBindings)
      )
        return [s];
      const { importClause: clause } = s;
      const kept = clause.namedBindings.elements.filter((e) => isUsed(sourceFile, e.name.text, removed));
      if (kept.length === clause.namedBindings.elements.length) return [s];
      if (kept.length === 0 && !clause.name) return [];
      const bindings = factory.updateNamedImports(clause.namedBindings, kept);
      return [
        factory.updateImportDeclaration(
          s,
          s.modifiers,
          factory.updateImportClause(clause, clause.phaseModifier, clause.name, bindings),
          s.moduleSpecifier,
          s.attributes,
        ),
      ];
    });
    return factory.updateSourceFile(sourceFile, statements);
  };
}

// A tiny Rollup plugin that minifies the static text of Lit's css`` and html`` templates in
// our own .ts sources (terser leaves template text alone). Found with the TypeScript parser, so
// expressions and nested templates are never touched. Conservative on purpose:
// - css: comments dropped, whitespace collapsed, and removed next to { } ; , and after `:`
//   (never before `:`, where it is a descendant combinator, nor around + - in calc()).
// - html: each whitespace run that holds a line break becomes one space, which renders
//   exactly the same (the templates have no <pre>, and no <textarea> text).
import ts from 'typescript';

export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');
}

export function minifyHtml(text) {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** Returns `code` with the literal text of every css``/html`` template minified. */
export function minifyLiterals(code, fileName = 'file.ts') {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'css' || node.tag.text === 'html')) {
      const minify = node.tag.text === 'css' ? minifyCss : minifyHtml;
      const t = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
      for (const part of parts) {
        const start = part.getStart(source) + 1; // after ` or }
        const closesTemplate = part.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral || part.kind === ts.SyntaxKind.TemplateTail;
        const end = part.getEnd() - (closesTemplate ? 1 : 2); // before ` or ${
        edits.push([start, end, minify(code.slice(start, end))]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

export default function minifyLiteralsPlugin() {
  return {
    name: 'minify-literals',
    transform(code, id) {
      if (!id.endsWith('.ts') || id.includes('node_modules') || !/\b(css|html)\s*`/.test(code)) return null;
      return { code: minifyLiterals(code, id), map: null };
    },
  };
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as TS from 'typescript';
import { fieldReferenceTable, readmeBlocks, withReadmeBlocks, type DocumentedField } from '../render/model-reference.ts';

const MODEL = path.resolve(import.meta.dirname, '../domain/register.ts');

/**
 * The register model's fields and their doc comments, read from the source with the TypeScript compiler, so that the
 * README's reference says exactly what the model's comments say. Nested objects are followed; named schemas are not.
 */
export async function documentedFields(): Promise<DocumentedField[]> {
  const { default: ts } = await import('typescript');
  const source = ts.createSourceFile(MODEL, await readFile(MODEL, 'utf8'), ts.ScriptTarget.Latest, true);
  const fields: DocumentedField[] = [];
  const objectOf = (node: TS.Node): TS.ObjectLiteralExpression | undefined => {
    if (
      ts.isCallExpression(node) &&
      /strictObject$/u.test(node.expression.getText()) &&
      node.arguments[0] &&
      ts.isObjectLiteralExpression(node.arguments[0])
    )
      return node.arguments[0];
    let found: TS.ObjectLiteralExpression | undefined;
    node.forEachChild((child) => {
      found ??= objectOf(child);
    });
    return found;
  };
  const walk = (object: TS.ObjectLiteralExpression, prefix: string) => {
    for (const property of object.properties) {
      if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
      const name = property.name.getText();
      const doc = ts
        .getJSDocCommentsAndTags(property)
        .map((comment) => ts.getTextOfJSDocComment(comment.comment) ?? '')
        .join(' ');
      const fieldPath = prefix ? `${prefix}.${name}` : name;
      fields.push({ path: fieldPath, doc: doc || '–' });
      const nested = ts.isPropertyAssignment(property) ? objectOf(property.initializer) : undefined;
      if (nested) walk(nested, fieldPath);
    }
  };
  source.forEachChild(function visit(node) {
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'registerSchema' && node.initializer) {
      const object = objectOf(node.initializer);
      if (object) walk(object, '');
    } else node.forEachChild(visit);
  });
  return fields;
}

/**
 * The README with its generated blocks (the legal rule table, the field reference) rewritten from the model and
 * formatted as the repository's Prettier formats markdown, so that a current README stays byte-for-byte the same.
 */
export async function readmeReference(readme: string): Promise<string> {
  const { format, resolveConfig } = await import('prettier');
  const options = (await resolveConfig('README.md')) ?? {};
  const blocks = readmeBlocks({ 'field-reference': fieldReferenceTable(await documentedFields()) });
  return format(withReadmeBlocks(readme, blocks), { ...options, parser: 'markdown' });
}

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** A parsed YAML file that can tell the line of any field path, so messages can point into the file. */
export interface YamlSource {
  data: unknown;
  syntaxErrors: { line: number; message: string }[];
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** Parses YAML 1.2 (so `2019-02-31` stays text for the date check), rejecting duplicate keys. */
export function parseYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, version: '1.2' });
  const syntaxErrors = doc.errors.map((error) => ({
    line: lineCounter.linePos(error.pos[0]).line,
    message: error.message.split('\n')[0] ?? error.message,
  }));
  return {
    data: syntaxErrors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 }),
    syntaxErrors,
    lineOf: (path) => lineOf(doc, lineCounter, path),
  };
}

/** The line of the deepest node on the path that exists: a missing field is reported at its parent. */
function lineOf(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === segment);
      if (!pair) break;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

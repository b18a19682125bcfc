import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface StructNode {
  role?: string;
  lang?: string;
  children?: StructNode[];
}

export interface ReadPdf {
  title: unknown;
  language: unknown;
  pdfUaPart: unknown;
  marked: unknown;
  pages: number;
  /** All text, page by page, joined with single spaces. */
  text: string;
  /** Every structure role in the document, with how often it occurs. */
  roles: Map<string, number>;
  /** The languages set on structure elements. */
  langs: Set<string>;
  outline: string[];
  /** The targets of every link annotation. */
  links: string[];
}

/** Reads a PDF back as a reader's software would: metadata, text, the structure tree and the bookmarks. */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false });
  try {
    const pdf = await task.promise;
    const meta = await pdf.getMetadata();
    const info = meta.info as Record<string, unknown>;
    const markInfo = (await pdf.getMarkInfo()) as Map<string, unknown> | null;
    const roles = new Map<string, number>();
    const langs = new Set<string>();
    const texts: string[] = [];
    const links: string[] = [];
    const walk = (node: StructNode | null | undefined) => {
      if (!node) return;
      if (node.role) roles.set(node.role, (roles.get(node.role) ?? 0) + 1);
      if (node.lang) langs.add(node.lang);
      node.children?.forEach(walk);
    };
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
      walk((await page.getStructTree()) as StructNode);
      for (const annotation of (await page.getAnnotations()) as { subtype: string; url?: string; unsafeUrl?: string }[])
        if (annotation.subtype === 'Link') links.push(annotation.url ?? annotation.unsafeUrl ?? '');
    }
    const outline = ((await pdf.getOutline()) ?? []).map((item) => item.title);
    return {
      title: info.Title,
      language: info.Language,
      pdfUaPart: meta.metadata?.get('pdfuaid:part'),
      marked: markInfo?.get('Marked'),
      pages: pdf.numPages,
      text: texts.join(' ').replace(/\s+/gu, ' '),
      roles,
      langs,
      outline,
      links,
    };
  } finally {
    await task.destroy();
  }
}

/** Runs a PDF tool from qpdf or poppler-utils and returns what it printed. */
export function pdfTool(command: 'qpdf' | 'pdffonts' | 'pdfinfo' | 'pdftotext', args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${command} is not installed (apt-get install qpdf poppler-utils; .ci/run does it)`);
  return `${result.stdout}${result.stderr}`;
}

/** Asserts what every tagged PDF of Seloste must pass: qpdf's check, embedded fonts, and poppler calling it tagged. */
export function expectValidTaggedPdf(file: string): void {
  expect(pdfTool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
  const fonts = pdfTool('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
  expect(fonts.length).toBeGreaterThan(0);
  for (const line of fonts) expect(line.split(/\s+/u).slice(-5, -4)[0], line).toBe('yes');
  expect(pdfTool('pdfinfo', [file])).toMatch(/Tagged:\s+yes/u);
}

import { readmeBlocks, withReadmeBlocks } from '../render/model-reference.ts';

/**
 * The README with its generated blocks (the legal rule table, the field reference) rewritten from the model and
 * formatted as the repository's Prettier formats markdown, so that a current README stays byte-for-byte the same.
 */
export async function readmeReference(readme: string): Promise<string> {
  const { format, resolveConfig } = await import('prettier');
  const options = (await resolveConfig('README.md')) ?? {};
  return format(withReadmeBlocks(readme, readmeBlocks()), { ...options, parser: 'markdown' });
}

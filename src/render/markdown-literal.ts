/**
 * Text that someone typed (a requester's name, a handler's reason), made safe to place inside markdown so it renders
 * exactly as typed: no link, emphasis, heading, list or auto-linked address can come of it. Every ASCII punctuation
 * mark is backslash-escaped (CommonMark allows that for all of them), which also splits URLs and e-mail addresses so
 * the linkifier never sees one whole. Line breaks are kept as hard breaks; leading spaces cannot make a code block.
 */
export function literalMarkdown(text: string): string {
  return text
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((line) => line.trim().replace(/[!-/:-@[-`{-~]/gu, (mark) => `\\${mark}`))
    .filter(Boolean)
    .join('\\\n');
}

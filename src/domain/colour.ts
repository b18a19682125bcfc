/** A colour written as six hexadecimal digits, e.g. #005799: the only form an organisation's accent may take. */
export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/u;

/**
 * The backgrounds an organisation's accent is drawn on, and drawn under: the page (white), the site's light bands
 * and panels (HDS black-5), and the white text of a button filled with the accent. Kept in step with site.css.
 */
export const ACCENT_BACKGROUNDS = ['#ffffff', '#f2f2f2'] as const;

/** WCAG 2.1 SC 1.4.3 (AA): normal text needs a contrast ratio of at least 4.5:1. */
export const AA_CONTRAST = 4.5;

/** Relative luminance as WCAG 2.1 defines it, of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The background on which an accent falls below AA, with the ratio rounded down to two decimals; undefined when it passes on all. */
export function accentContrastFailure(accent: string): { background: string; ratio: number } | undefined {
  for (const background of ACCENT_BACKGROUNDS) {
    const ratio = contrastRatio(accent, background);
    if (ratio < AA_CONTRAST) return { background, ratio: Math.floor(ratio * 100) / 100 };
  }
  return undefined;
}

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accentContrastFailure, contrastRatio } from '../../../src/domain/colour.ts';
import { copyContent, seloste, setYamlField } from '../../support/cli.ts';

/**
 * Sets Helsinki's accent in a copy of the content and runs `seloste check --json` on it: the errors in the
 * organisation file (its registers then also name an organisation that failed to load).
 */
function checkAccent(accent: string, lang = 'en') {
  const dir = copyContent();
  setYamlField(path.join(dir, 'organisations/helsinki.yaml'), ['accent'], accent);
  const result = seloste(['check', '--content', dir, '--json', '--lang', lang]);
  const report = JSON.parse(result.stdout) as { issues: { severity: string; code: string; file: string; path: string; message: string }[] };
  return {
    status: result.status,
    errors: report.issues.filter((issue) => issue.severity === 'error' && issue.file.endsWith('organisations/helsinki.yaml')),
  };
}

describe('contrast of an accent colour', () => {
  it('is computed as WCAG 2.1 defines it', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#0072c6', '#ffffff')).toBeCloseTo(4.97, 2);
  });

  it('fails where it falls below 4.5:1 on any background it is used on, naming that background', () => {
    expect(accentContrastFailure('#0000bf')).toBeUndefined();
    // Helsinki's coat-of-arms blue passes on white (4.97) but not on the light grey panels (4.44).
    expect(accentContrastFailure('#0072c6')).toEqual({ background: '#f2f2f2', ratio: 4.44 });
    expect(accentContrastFailure('#ffc61e')).toEqual({ background: '#ffffff', ratio: 1.57 });
  });
});

describe('seloste check on an organisation’s accent colour', () => {
  it('accepts the repository’s accents', () => {
    const result = seloste(['check', '--lang', 'en']);
    expect(result.stdout).not.toMatch(/accent/u);
    expect(result.status).toBe(0);
  });

  it('refuses a colour below WCAG AA contrast, saying the ratio, the background and what to do', () => {
    const { status, errors } = checkAccent('#0072c6');
    expect(status).toBe(1);
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'accent.contrast',
        file: expect.stringMatching(/organisations\/helsinki\.yaml$/u) as string,
        path: 'accent',
        message:
          'The accent colour "#0072c6" has a contrast of only 4.44:1 against the background #f2f2f2 it is used on; WCAG 2.1 AA needs at least 4.5:1 for text. Choose a darker colour.',
      }),
    ]);
  });

  it('says so in Swedish and Finnish too, with the decimal comma', () => {
    expect(checkAccent('#ffc61e', 'sv').errors.map((error) => error.message)).toEqual([
      'Accentfärgen "#ffc61e" har en kontrast på bara 1,57:1 mot bakgrundsfärgen #ffffff som den används på; WCAG 2.1 AA kräver minst 4,5:1 för text. Välj en mörkare färg.',
    ]);
    expect(checkAccent('#0072c6', 'fi').errors.map((error) => error.message)).toEqual([
      'Korostusvärin "#0072c6" kontrasti taustaväriin #f2f2f2, jolla sitä käytetään, on vain 4,44:1; WCAG 2.1 AA -taso edellyttää tekstille vähintään 4,5:1. Valitse tummempi väri.',
    ]);
  });

  it('refuses a colour that is not #rrggbb', () => {
    const { status, errors } = checkAccent('blue');
    expect(status).toBe(1);
    expect(errors.map((error) => [error.code, error.path])).toEqual([['accent.invalid', 'accent']]);
  });
});

import type { TFunction } from 'i18next';
import { FORMAT_NAMES } from '../../domain/notice-format.ts';
import type { Lang } from '../../domain/language.ts';
import type { ImportRefusal } from './errors.ts';
import type { ImportReport } from './report.ts';

const quote = (text: string, max = 90) => {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** A refusal in the user's language, naming the file. */
export function describeRefusal(refusal: ImportRefusal, t: TFunction): string {
  return t(`import.refused.${refusal.code}`, refusal.params);
}

/**
 * The report as lines of text in the user's language: what was found in each file, where each section went,
 * what stayed unplaced, what was dropped or converted, and where the language versions differ.
 */
export function describeImport(report: ImportReport, lang: Lang, t: TFunction): string[] {
  const lines: string[] = [];
  const { register } = report;
  lines.push(
    t('import.report.register', {
      id: register.id,
      format: FORMAT_NAMES[register.format][lang],
      how: t(register.formatDetected ? 'import.report.detected' : 'import.report.given'),
      languages: register.languages.join(', '),
    }),
  );
  for (const file of report.files) {
    const how = !file.langDetected ? 'import.report.given' : file.langConfident ? 'import.report.detected' : 'import.report.uncertain';
    lines.push(t('import.report.file', { file: file.name, type: file.type, pages: file.pages, lang: file.lang, how: t(how) }));
    if (file.imageOnlyPages > 0) lines.push(t('import.report.imagePages', { file: file.name, count: file.imageOnlyPages }));
  }
  if (register.titleFrom === 'fileName') lines.push(t('import.report.titleFromFileName'));

  lines.push('', t('import.report.sections', { count: report.sections.filter((section) => section.heading).length }));
  for (const section of report.sections) {
    const heading = section.heading ? `“${quote(section.heading, 70)}”` : t('import.report.beforeHeadings');
    const where = section.fields.length > 0 ? section.fields.join(', ') : '';
    const key =
      section.characters === 0
        ? 'empty'
        : !section.kind && section.heading
          ? 'unknown'
          : section.fields.length === 0
            ? 'noField'
            : 'placed';
    lines.push(t(`import.report.section.${key}`, { position: `${section.file}, ${section.position}`, heading, fields: where }));
  }
  lines.push('', t('import.report.fields', { fields: report.fieldsFilled.join(', ') || t('cli.none') }));

  const { unplaced } = report;
  lines.push(
    unplaced.pieces === 0
      ? t('import.report.unplacedNone')
      : t('import.report.unplaced', {
          count: unplaced.pieces,
          share: unplaced.share * 100,
          characters: unplaced.characters,
          total: unplaced.totalCharacters,
        }),
  );
  if (report.dropped.length > 0) {
    lines.push('', t('import.report.dropped', { count: report.dropped.length }));
    for (const dropped of report.dropped) {
      lines.push(
        t('import.report.droppedLine', {
          reason: t(`import.report.reason.${dropped.reason}`),
          count: dropped.count,
          text: quote(dropped.text),
          file: dropped.file,
        }),
      );
    }
  }
  if (report.conversions.length > 0) {
    lines.push('', t('import.report.conversions'));
    for (const conversion of report.conversions) {
      lines.push(t('import.report.conversionLine', { field: conversion.field, from: quote(conversion.from, 50), to: conversion.to }));
    }
  }
  if (report.disagreements.length > 0) {
    lines.push('', t('import.report.disagreements'));
    for (const difference of report.disagreements) {
      lines.push(t(`import.report.difference.${difference.kind}`, { path: difference.path, detail: difference.detail }));
    }
  }
  if (report.refused.length > 0) {
    lines.push('', t('import.report.refusedValues'));
    for (const refused of report.refused)
      lines.push(t('import.report.refusedLine', { field: refused.field, message: t(refused.key, { value: '' }) }));
  }
  return lines;
}

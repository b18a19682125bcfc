import * as z from 'zod';

/**
 * Runtime settings of one organisation (or `*` for the defaults of all), kept in the database and changed by an
 * administrator. Each has a default, so an organisation with nothing stored still has every setting.
 */
export const settingsSchema = z.strictObject({
  /** Four eyes: a register version is approved by someone other than the one who submitted it. */
  fourEyes: z.boolean().default(true),
  /** A second handler approves a decision and its letter before it is sent. */
  reviewBeforeSending: z.boolean().default(false),
  /** How long closed requests are kept before `seloste purge` anonymises them. */
  requestRetentionMonths: z.int().min(1).max(120).default(24),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];

import * as z from 'zod';
import { organisationSchema } from '../domain/organisation.ts';
import { registerSchema } from '../domain/register.ts';
import { sosdataNotificationSchema } from '../domain/sosdata.ts';

/** The JSON Schemas that editors use for completion, generated from the zod schemas so they cannot drift. */
export function jsonSchemas(): Record<string, string> {
  const build = (schema: z.ZodType, name: string) => {
    const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
    return `${JSON.stringify({ ...json, $id: `https://seloste.example.com/schema/${name}` }, null, 2)}\n`;
  };
  return {
    'register.schema.json': build(registerSchema, 'register.schema.json'),
    'organisation.schema.json': build(organisationSchema, 'organisation.schema.json'),
    'sosdata.schema.json': build(sosdataNotificationSchema, 'sosdata.schema.json'),
  };
}

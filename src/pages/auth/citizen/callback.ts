import type { APIRoute } from 'astro';
import { CITIZEN_COOKIE, finishIdentification, IdentificationError } from '../../../services/citizen-id.ts';
import { appStore } from '../../../services/runtime.ts';

/** The provider sends the citizen back here: the identification is checked, then they return to the form. */
export const GET: APIRoute = async ({ url, cookies, redirect, rewrite }) => {
  try {
    return redirect(await finishIdentification(await appStore(), cookies.get(CITIZEN_COOKIE)?.value, url), 303);
  } catch (error) {
    if (!(error instanceof IdentificationError)) throw error;
    console.error(JSON.stringify({ level: 'warn', message: 'citizen identification refused', reason: error.message }));
    cookies.delete(CITIZEN_COOKIE, { path: '/' });
    return rewrite('/auth/citizen/refused');
  }
};

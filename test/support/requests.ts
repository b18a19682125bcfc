/** Logs a request through the staff intake form as a browser would; returns its reference, or undefined when not acknowledged. */
export async function logRequestOverHttp(
  baseUrl: string,
  cookie: string,
  fields: Record<string, string> = {},
): Promise<string | undefined> {
  const response = await fetch(`${baseUrl}/en/staff/requests/new`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: baseUrl, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      type: 'access',
      received: '2026-11-02',
      channel: 'email',
      name: 'Testi Henkilö',
      language: 'fi',
      registers: 'helsinki-atj',
      ...fields,
    }),
  });
  const location = response.headers.get('location') ?? '';
  return response.status === 303 ? /TS-\d{4}-\d{6}$/u.exec(location)?.[0] : undefined;
}

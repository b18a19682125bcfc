import { defineMiddleware } from 'astro:middleware';

/**
 * Security headers on every response, and one structured log line per request that holds only the method,
 * the matched route pattern, the status and the duration: never a path with ids, a query or a body.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const started = performance.now();
  const response = await next();
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'same-origin');
  response.headers.set('X-Frame-Options', 'DENY');
  if (process.env.LOG_REQUESTS !== '0') {
    const line = {
      method: context.request.method,
      route: context.routePattern,
      status: response.status,
      ms: Math.round(performance.now() - started),
    };
    console.log(JSON.stringify(line));
  }
  return response;
});

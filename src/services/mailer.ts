import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '../domain/config.ts';

let cached: { signature: string; transport: Transporter } | undefined;

/** Whether a mail server is configured (SMTP_HOST); without one, data requests are sent by hand and recorded so. */
export function mailConfigured(): boolean {
  return Boolean(config().SMTP_HOST);
}

function transport(): Transporter {
  const { SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASSWORD } = config();
  const signature = JSON.stringify([SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASSWORD]);
  if (cached?.signature !== signature)
    cached = {
      signature,
      transport: nodemailer.createTransport({
        host: SMTP_HOST,
        port: SMTP_PORT,
        secure: SMTP_SECURE,
        ...(SMTP_USER ? { auth: { user: SMTP_USER, pass: SMTP_PASSWORD ?? '' } } : {}),
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
      }),
    };
  return cached.transport;
}

/** Sends a plain-text message from SMTP_FROM through the configured server; throws when the server refuses it. */
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<void> {
  await transport().sendMail({ from: config().SMTP_FROM, ...message });
}

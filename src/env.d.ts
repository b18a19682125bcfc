/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in staff member, set by the middleware from the session cookie; absent for everyone else. */
    user?: import('./services/staff-session.ts').SignedInUser;
    /**
     * The client's address, for the limits per address: the socket's peer, or behind a trusted proxy the address it
     * forwarded (TRUST_PROXY; set by the front server, src/server/client-address.ts).
     */
    clientAddress?: string;
  }
}

/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in staff member, set by the middleware from the session cookie; absent for everyone else. */
    user?: import('./services/staff-session.ts').SignedInUser;
  }
}

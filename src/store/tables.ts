/**
 * The database's tables, as both engines hold them. Dates are ISO text (they sort as they compare), booleans are 0 or
 * 1, and structured values are JSON text: one shape for SQLite and PostgreSQL, so one query layer serves both. Rows
 * are parsed back through the domain's zod schemas when they are read.
 */
export interface Tables {
  schema_migrations: { version: number; name: string; applied_at: string };
  users: {
    id: string;
    username: string;
    name: string;
    password_hash: string | null;
    sso_subject: string | null;
    disabled: number;
    created_at: string;
    password_changed_at: string | null;
  };
  user_roles: { user_id: string; organisation: string; role: string };
  sessions: {
    id: string;
    user_id: string;
    created_at: string;
    last_seen: string;
    /** A message for the next page this session sees (after a redirect), as JSON; read once. */
    flash: string | null;
  };
  login_attempts: { id: string; key: string; at: string };
  requests: {
    id: string;
    organisation: string;
    reference: string;
    type: string;
    status: string;
    received: string;
    /** The due date in force: the extended one once extended. */
    due_date: string;
    assignee: string | null;
    requester_name: string;
    /** Lower-cased name, e-mail, reference and case number, for the staff search. */
    search_text: string;
    hetu_masked: string | null;
    /** HMAC-SHA256 of the identity code under the deployment's key (HASH_KEY): found by a search, never read back. */
    hetu_hash: string | null;
    /** How the requester's identity was verified (the request's `identity.method`), null while it is not. */
    identity_method: string | null;
    case_number: string | null;
    decided_on: string | null;
    outcome: string | null;
    /** 1 once the time limit was extended (Art 12(3)). */
    extended: number;
    created_at: string;
    updated_at: string;
    purged_at: string | null;
    /** The request without its letters and history, as JSON. */
    body: string;
  };
  request_letters: {
    request_id: string;
    position: number;
    kind: string;
    lang: string;
    sent_at: string;
    sha256: string;
    template: string;
    text: string;
    /** The signer, who recorded it as sent and who approved it, as JSON. */
    meta: string | null;
  };
  request_attachments: {
    id: string;
    request_id: string;
    name: string;
    media_type: string;
    size: number;
    sha256: string;
    uploaded_at: string;
    uploaded_by: string;
    data: Uint8Array;
  };
  data_requests: {
    id: string;
    request_id: string;
    organisation: string;
    status: string;
    due_date: string;
    reminded_on: string | null;
    /** The whole data request, as JSON. */
    body: string;
  };
  /** Who holds a job (the daily reminders) until when, so that one instance of many runs it. */
  job_leases: { name: string; holder: string; expires_at: string };
  request_events: {
    request_id: string;
    position: number;
    at: string;
    actor: string;
    from_status: string | null;
    to_status: string;
    note: string | null;
  };
  reference_counters: { year: number; last: number };
  audit_events: {
    seq: number;
    at: string;
    actor: string;
    action: string;
    entity: string | null;
    organisation: string | null;
    details: string | null;
    prev: string;
    hash: string;
  };
  settings: { organisation: string; key: string; value: string };
  /** The e-form's status links: the SHA-256 of the secret in the link, never the secret itself. */
  request_status_links: { secret_hash: string; request_id: string; created_at: string };
  /** E-form submissions per key (an address, an identity), for the limits; keys are hashes, never the address. */
  submission_attempts: { id: string; key: string; at: string };
  /** A citizen's identification, by the SHA-256 of its cookie: the checks while under way, then the verified person, as JSON. */
  citizen_logins: { id_hash: string; body: string; created_at: string };
  change_counters: { scope: string; counter: number };
  sosdata_rounds: {
    id: string;
    /** THL's submission date, for ordering. */
    deadline: string;
    /** The whole round, as JSON. */
    body: string;
  };
  sosdata_notifications: {
    id: string;
    organisation: string;
    round_id: string;
    status: string;
    version: number;
    updated_at: string;
    updated_by: string;
    /** The notification without its round (the round row holds that), as JSON. */
    body: string;
  };
  /** Immutable published versions of registers: one row per version, never updated or deleted. */
  register_versions: {
    register_id: string;
    number: number;
    organisation: string;
    /** The day it comes into force (ISO date, Finnish time). */
    effective: string;
    published_at: string;
    submitted_by: string;
    approved_by: string;
    /** The change summary per language, as JSON. */
    summary: string;
    /** The whole register as approved, as JSON. */
    body: string;
  };
  /** The publishing workflow's state per register (draft, review, scheduled, published, withdrawn). */
  register_workflow: {
    register_id: string;
    organisation: string;
    state: string;
    changed_at: string;
    changed_by: string;
    /** Submitter, summary, asked-for effective date and comment, as JSON. */
    body: string;
  };
}

export type TableName = keyof Tables;

/**
 * The error catalogue. Codes are part of the API contract: clients branch on
 * `code`, never on `message`. Each entry has a status and a message template.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid: {detail}' },
  BAD_PAGE_NUMBER: { status: 400, message: 'The page number must be a whole number from 1 up.' },
  NOT_FOUND: { status: 404, message: 'There is nothing at this address.' },
  SLUG_TAKEN: { status: 409, message: 'The slug "{slug}" is already used by another article.' },
  VERSION_CONFLICT: { status: 409, message: 'Someone else saved this article since you opened it (version {expected}, now {actual}).' },
  UNKNOWN_REFERENCE: { status: 422, message: 'No {kind} has the identifier "{value}".' },
  RESERVED_SLUG: { status: 422, message: 'The slug "{slug}" is reserved for the site’s own pages.' },
  UPLOAD_TOO_LARGE: { status: 413, message: 'The file is larger than {megabytes} MB. Export a smaller picture and try again.' },
  UNSUPPORTED_IMAGE: { status: 415, message: 'The file is not an image Masthead can use (JPEG, PNG, WebP, AVIF, GIF or TIFF).' },
  SIGN_IN_FAILED: { status: 401, message: 'The email address or password is not right.' },
  ACCOUNT_LOCKED: {
    status: 423,
    message: 'This account is locked for {minutes} after too many failed sign-ins. Try again later, or reset the password.',
  },
  NOT_SIGNED_IN: { status: 401, message: 'Sign in first.' },
  CSRF_FAILED: { status: 403, message: 'This request is missing its CSRF token (header x-csrf-token). Reload the editor and try again.' },
  FORBIDDEN: { status: 403, message: 'Your role ({role}) may not {action}.' },
  EMAIL_TAKEN: { status: 409, message: 'A staff account already uses {email}.' },
  WEAK_PASSWORD: { status: 422, message: 'A password needs at least 10 characters.' },
  TOKEN_INVALID: { status: 400, message: 'This link is not valid or has expired. Ask for a new one.' },
  WORKFLOW_STEP: { status: 409, message: 'An article that is {status} cannot be {step}.' },
  SETUP_DONE: { status: 409, message: 'This publication already has staff accounts: sign in instead.' },
  BAD_REQUEST: { status: 400, message: 'The request could not be read: {detail}' },
  RATE_LIMITED: { status: 429, message: 'Too many requests. Wait a minute and try again.' },
  TOO_LARGE: { status: 413, message: 'The request is too large.' },
  MAIL_FAILED: { status: 503, message: 'We could not send the mail just now. Please try again in a few minutes.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side. It has been logged.' },
  API_KEY_MISSING: { status: 401, message: 'The Content API needs a key: send it as ?key= or an Authorization: Bearer header.' },
  API_KEY_INVALID: { status: 401, message: 'This Content API key is not valid or has been revoked.' },
  BAD_CURSOR: { status: 400, message: 'The cursor is not one this API gave out. Start again from the first page.' },
  WEBHOOK_TARGET_REFUSED: { status: 400, message: 'This webhook URL is refused: {reason}.' },
  SET_BY_ENVIRONMENT: {
    status: 409,
    message: '{variable} is set in the environment, and it wins over the admin settings: change or unset it there.',
  },
  SMTP_PASSWORD_NEEDED: {
    status: 422,
    message: 'The server or user name changed, so the stored password is not reused: type the password into the URL again.',
  },
  ISSUE_NOT_EDITABLE: { status: 409, message: 'This issue is {status}: it can no longer be changed or sent again.' },
  ISSUE_NOT_SCHEDULED: { status: 409, message: 'This issue is {status}, not scheduled: there is no send to call off.' },
  ISSUE_NOT_DRAFT: { status: 409, message: 'This issue is {status}: only a draft can be deleted (unschedule it first).' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorItem {
  code: ErrorCode;
  message: string;
  property?: string;
}

/** The one error type operations throw; HTTP turns it into `{ errors: [...] }` with its status. */
export class MastheadError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly property: string | undefined;

  constructor(code: ErrorCode, params: Record<string, string | number> = {}, property?: string) {
    const template: string = ERRORS[code].message;
    super(template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)));
    this.name = 'MastheadError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.property = property;
  }

  toItem(): ErrorItem {
    return { code: this.code, message: this.message, ...(this.property ? { property: this.property } : {}) };
  }
}

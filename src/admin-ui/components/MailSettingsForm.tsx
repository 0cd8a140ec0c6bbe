import { useEffect, useState } from 'react';
import { api } from '../api';
import { FormField } from './FormField';
import { fieldErrorsOf } from '../settings-api';
import type { FieldErrors, MailSettings } from '../settings-api';

interface Draft {
  smtpUrl: string;
  mailFrom: string;
  maxConnections: string;
  rateLimit: string;
}

const draftOf = (m: MailSettings): Draft => ({
  smtpUrl: m.smtpUrl ?? '',
  mailFrom: m.mailFrom ?? '',
  maxConnections: String(m.maxConnections),
  rateLimit: m.rateLimit === null ? '' : String(m.rateLimit),
});

/** A number field's text as the API wants it: a number, or null when empty (and allowed). */
const numberOf = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/**
 * How the publication sends mail. MASTHEAD_SMTP_URL and MASTHEAD_MAIL_FROM win
 * over these: then the field is read-only and says why.
 */
export function MailSettingsForm() {
  const [mail, setMail] = useState<MailSettings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');

  useEffect(() => {
    void api<{ mail: MailSettings }>('GET', '/settings/mail').then(
      (r) => {
        setMail(r.mail);
        setDraft(draftOf(r.mail));
      },
      (e: unknown) => setErrors(fieldErrorsOf(e)),
    );
  }, []);

  if (!mail || !draft)
    return errors[''] ? (
      <p role="alert" className="error">
        {errors['']}
      </p>
    ) : null;

  const urlFromEnv = mail.source.smtpUrl === 'environment';
  const fromFromEnv = mail.source.mailFrom === 'environment';
  const set = (key: keyof Draft, value: string) => setDraft({ ...draft, [key]: value });

  const save = async () => {
    setErrors({});
    setMessage('');
    const changes: Record<string, unknown> = {
      maxConnections: numberOf(draft.maxConnections),
      rateLimit: numberOf(draft.rateLimit),
    };
    if (!urlFromEnv) changes.smtpUrl = draft.smtpUrl.trim() === '' ? null : draft.smtpUrl.trim();
    if (!fromFromEnv) changes.mailFrom = draft.mailFrom.trim() === '' ? null : draft.mailFrom.trim();
    try {
      const r = await api<{ mail: MailSettings }>('PATCH', '/settings/mail', changes);
      setMail(r.mail);
      setDraft(draftOf(r.mail));
      setMessage('Mail settings saved.');
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setMessage('Not saved: see the fields marked below.');
    }
  };

  const envNote = (variable: string, value: string | null) => (
    <>
      <strong>{variable}</strong> is set in the environment ({value}), and the environment wins: change it there. This field is read-only
      here.
    </>
  );

  return (
    <form
      aria-labelledby="mail-settings-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="mail-settings-heading">Mail</h2>
      <p className="notice" id="mail-source">
        {urlFromEnv
          ? `Mail goes out through the server set by MASTHEAD_SMTP_URL in the environment (${mail.environment.smtpUrl ?? ''}).`
          : mail.source.smtpUrl === 'settings'
            ? 'Mail goes out through the SMTP server below.'
            : 'No SMTP server is set: mail is printed on the server’s terminal instead of sent.'}
      </p>
      {errors[''] && (
        <p role="alert" className="error">
          {errors['']}
        </p>
      )}
      <fieldset>
        <legend>SMTP server</legend>
        <FormField
          label="SMTP URL"
          hint={
            urlFromEnv
              ? envNote('MASTHEAD_SMTP_URL', mail.environment.smtpUrl)
              : 'smtp://user:password@host:587 or smtps://…:465. The password is never shown again: leave •••• as it is to keep it.'
          }
          error={errors.smtpUrl}
        >
          <input
            value={draft.smtpUrl}
            readOnly={urlFromEnv}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => set('smtpUrl', e.target.value)}
          />
        </FormField>
        <FormField
          label="From"
          hint={
            fromFromEnv ? envNote('MASTHEAD_MAIL_FROM', mail.environment.mailFrom) : 'news@example.com or "The Review" <news@example.com>.'
          }
          error={errors.mailFrom}
        >
          <input value={draft.mailFrom} readOnly={fromFromEnv} onChange={(e) => set('mailFrom', e.target.value)} />
        </FormField>
        <div className="field-row">
          <FormField label="Connections" hint="Open at once to the server, 1 to 50." error={errors.maxConnections}>
            <input type="number" min={1} max={50} value={draft.maxConnections} onChange={(e) => set('maxConnections', e.target.value)} />
          </FormField>
          <FormField label="Messages a second" hint="Empty for no limit; at most 10,000." error={errors.rateLimit}>
            <input type="number" min={1} max={10000} value={draft.rateLimit} onChange={(e) => set('rateLimit', e.target.value)} />
          </FormField>
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary">
          Save mail settings
        </button>
        <p role="status" className="save-message">
          {message}
        </p>
      </div>
    </form>
  );
}

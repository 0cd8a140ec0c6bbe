import { useEffect, useState } from 'react';
import { api } from '../api';
import { FormField } from '../components/FormField';
import { LinkRows } from '../components/LinkRows';
import { MailSettingsForm } from '../components/MailSettingsForm';
import { WEEKDAYS, fieldErrorsOf } from '../settings-api';
import type { FieldErrors, SiteSettings, Weekday } from '../settings-api';
import '../settings.css';

type Editable = Omit<SiteSettings, 'logoKey'>;

const TIME_ZONES: string[] = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const dayName = (d: Weekday) => d[0]!.toUpperCase() + d.slice(1);

/** The publication's settings and how it sends mail: administrators only. */
export function SettingsScreen() {
  const [settings, setSettings] = useState<Editable | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void api<{ settings: SiteSettings }>('GET', '/settings').then(
      ({ settings: { logoKey: _logo, ...rest } }) => setSettings(rest),
      (e: unknown) => setErrors(fieldErrorsOf(e)),
    );
  }, []);

  if (!settings)
    return errors[''] ? (
      <p role="alert" className="error">
        {errors['']}
      </p>
    ) : (
      <p className="loading">Loading the settings…</p>
    );

  const set = <K extends keyof Editable>(key: K, value: Editable[K]) => setSettings({ ...settings, [key]: value });
  const text = (key: 'title' | 'tagline' | 'language', label: string, hint?: string) => (
    <FormField label={label} hint={hint} error={errors[key]}>
      <input value={settings[key]} onChange={(e) => set(key, e.target.value)} required={key !== 'tagline'} />
    </FormField>
  );

  const save = async () => {
    setSaving(true);
    setErrors({});
    setMessage('');
    try {
      const r = await api<{ settings: SiteSettings }>('PATCH', '/settings', settings);
      const { logoKey: _logo, ...rest } = r.settings;
      setSettings(rest);
      setMessage('Settings saved. The site shows them now.');
    } catch (e) {
      const found = fieldErrorsOf(e);
      setErrors(found);
      const count = Object.keys(found).length;
      setMessage(count > 0 ? `Not saved: ${count === 1 ? 'one field needs' : `${count} fields need`} a look.` : '');
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="settings-screen">
      <h1>Settings</h1>
      <form
        aria-labelledby="site-settings-heading"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2 id="site-settings-heading">Publication</h2>
        {errors[''] && (
          <p role="alert" className="error">
            {errors['']}
          </p>
        )}
        <fieldset>
          <legend>Name and language</legend>
          {text('title', 'Title')}
          {text('tagline', 'Tagline')}
          <FormField label="Description" hint="For search engines and link previews." error={errors.description}>
            <textarea rows={2} value={settings.description} onChange={(e) => set('description', e.target.value)} />
          </FormField>
          <div className="field-row">
            {text('language', 'Language', 'A language tag such as en or en-GB.')}
            <FormField label="Time zone" hint="Dates on the site and the round-up schedule use it." error={errors.timeZone}>
              <input list="time-zones" value={settings.timeZone} onChange={(e) => set('timeZone', e.target.value)} />
            </FormField>
            <datalist id="time-zones">
              {TIME_ZONES.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </div>
        </fieldset>
        <fieldset>
          <legend>Colours</legend>
          <div className="field-row">
            <FormField label="Accent colour" error={errors['colors.accent']}>
              <input
                type="color"
                value={settings.colors.accent}
                onChange={(e) => set('colors', { ...settings.colors, accent: e.target.value })}
              />
            </FormField>
            <FormField label="Accent colour in dark mode" error={errors['colors.accentDark']}>
              <input
                type="color"
                value={settings.colors.accentDark}
                onChange={(e) => set('colors', { ...settings.colors, accentDark: e.target.value })}
              />
            </FormField>
          </div>
        </fieldset>
        <LinkRows
          legend="Navigation"
          rowName="link"
          addLabel="Add a link"
          rows={settings.navigation}
          errors={errors}
          prefix="navigation"
          blank={{ label: '', path: '/' }}
          columns={[
            { key: 'label', label: 'Label' },
            { key: 'path', label: 'Path', hint: 'A path on this site, such as /sections/europe.' },
          ]}
          onChange={(rows) => set('navigation', rows)}
        />
        <LinkRows
          legend="Social accounts"
          rowName="account"
          addLabel="Add an account"
          rows={settings.social}
          errors={errors}
          prefix="social"
          blank={{ network: '', handle: '', url: 'https://' }}
          columns={[
            { key: 'network', label: 'Network' },
            { key: 'handle', label: 'Handle' },
            { key: 'url', label: 'Address', hint: 'An https:// address.' },
          ]}
          onChange={(rows) => set('social', rows)}
        />
        <fieldset>
          <legend>Newsletter</legend>
          <FormField label="Newsletter pitch" hint="Shown in the signup box on every page." error={errors.newsletterPitch}>
            <textarea rows={2} value={settings.newsletterPitch} onChange={(e) => set('newsletterPitch', e.target.value)} />
          </FormField>
          <div className="field-row">
            <FormField
              label="Round-up day"
              hint={`The weekly draft is assembled then, in the site’s time zone (${settings.timeZone}).`}
              error={errors.newsletterDay}
            >
              <select value={settings.newsletterDay} onChange={(e) => set('newsletterDay', e.target.value as Weekday)}>
                {WEEKDAYS.map((d) => (
                  <option key={d} value={d}>
                    {dayName(d)}
                  </option>
                ))}
              </select>
            </FormField>
            <FormField label="Round-up hour" error={errors.newsletterHour}>
              <select value={settings.newsletterHour} onChange={(e) => set('newsletterHour', Number(e.target.value))}>
                {HOURS.map((h) => (
                  <option key={h} value={h}>
                    {String(h).padStart(2, '0')}:00
                  </option>
                ))}
              </select>
            </FormField>
          </div>
        </fieldset>
        <fieldset aria-describedby="feed-content-hint">
          <legend>Feeds carry</legend>
          <small id="feed-content-hint">What RSS, Atom and JSON Feed readers get of each article.</small>
          {(
            [
              ['full', 'The whole article'],
              ['excerpt', 'The dek and a link'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="feedContent"
                value={value}
                checked={settings.feedContent === value}
                onChange={() => set('feedContent', value)}
              />{' '}
              {label}
            </label>
          ))}
          {errors.feedContent && <small className="field-error">{errors.feedContent}</small>}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving}>
            Save settings
          </button>
          <p role="status" className="save-message">
            {message}
          </p>
        </div>
      </form>
      <MailSettingsForm />
    </div>
  );
}

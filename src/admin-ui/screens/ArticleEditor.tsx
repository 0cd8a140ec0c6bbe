import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, STATUS_NAMES, atLeast } from '../api';
import type { Article, BodyNode, Desk, MediaImage, User } from '../api';
import { BodyEditor } from '../editor/BodyEditor';
import { MediaPicker } from '../components/MediaPicker';
import { OrderedPicker } from '../components/OrderedPicker';
import { WorkflowPanel } from './WorkflowPanel';

type Draft = Pick<
  Article,
  'kicker' | 'headline' | 'dek' | 'slug' | 'sectionId' | 'typeId' | 'topicIds' | 'authorIds' | 'relatedIds' | 'leadImage' | 'body'
>;

const AUTOSAVE_MS = 1500;

/** One article: every structured field, the rich body, autosave, and the workflow beside it. */
export function ArticleEditor({ id, user, desk }: { id: string; user: User; desk: Desk; go(to: string): void }) {
  const [article, setArticle] = useState<Article | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [words, setWords] = useState(0);
  const [state, setState] = useState<'saved' | 'dirty' | 'saving' | 'conflict' | 'error'>('saved');
  const [message, setMessage] = useState('');
  const [picking, setPicking] = useState(false);
  const [leadPreview, setLeadPreview] = useState('');
  const version = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const load = useCallback(async () => {
    const { article: a } = await api<{ article: Article }>('GET', `/articles/${id}`);
    version.current = a.version;
    setArticle(a);
    setDraft({
      kicker: a.kicker,
      headline: a.headline,
      dek: a.dek,
      slug: a.slug,
      sectionId: a.sectionId,
      typeId: a.typeId,
      topicIds: a.topicIds,
      authorIds: a.authorIds,
      relatedIds: a.relatedIds,
      leadImage: a.leadImage,
      body: a.body,
    });
    setState('saved');
  }, [id]);

  useEffect(() => {
    load().catch((e: unknown) => setMessage(e instanceof ApiError ? e.message : String(e)));
  }, [load]);

  const save = useCallback(
    async (next: Draft) => {
      setState('saving');
      try {
        const { article: saved } = await api<{ article: Article }>('PATCH', `/articles/${id}`, { version: version.current, ...next });
        version.current = saved.version;
        setArticle(saved);
        setState('saved');
        setMessage('');
      } catch (e) {
        if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
          setState('conflict');
          setMessage(`${e.message} Your changes are still on this screen: copy what you need, then reload to see theirs.`);
        } else {
          setState('error');
          setMessage(e instanceof ApiError ? e.message : 'Could not save. Check your connection; we will try again on your next change.');
        }
      }
    },
    [id],
  );

  const change = (patch: Partial<Draft>) => {
    if (!draft || state === 'conflict') return;
    const next = { ...draft, ...patch };
    setDraft(next);
    setState('dirty');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(next), AUTOSAVE_MS);
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  if (!article || !draft) return <p className="loading">{message || 'Loading…'}</p>;
  const readOnly = article.status === 'published' || article.status === 'scheduled' ? user.role === 'contributor' : false;

  const text = (name: 'kicker' | 'headline' | 'dek' | 'slug', label: string, options: { multiline?: boolean; hint?: string } = {}) => {
    const id = `field-${name}`;
    const described = options.hint ? { 'aria-describedby': `${id}-hint` } : {};
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {options.multiline ? (
          <textarea
            id={id}
            value={draft[name]}
            readOnly={readOnly}
            rows={2}
            onChange={(e) => change({ [name]: e.target.value })}
            {...described}
          />
        ) : (
          <input id={id} value={draft[name]} readOnly={readOnly} onChange={(e) => change({ [name]: e.target.value })} {...described} />
        )}
        {options.hint && <small id={`${id}-hint`}>{options.hint}</small>}
      </div>
    );
  };

  const pickLead = (image: MediaImage, meta: { caption: string; credit: string; alt: string }) => {
    setLeadPreview(image.url);
    change({ leadImage: { id: image.id, url: image.url, ...meta } });
    setPicking(false);
  };

  return (
    <div className="editor-layout">
      <form className="article-form" aria-label="Article" onSubmit={(e) => e.preventDefault()}>
        <p className="save-state" role="status" aria-live="polite">
          <span className={`status status-${article.status}`}>{STATUS_NAMES[article.status]}</span>{' '}
          {state === 'saving'
            ? 'Saving…'
            : state === 'dirty'
              ? 'Unsaved changes'
              : state === 'saved'
                ? `Saved · version ${article.version}`
                : ''}
          {' · '}
          {words} words · {Math.max(1, Math.round(words / 230))} min read
        </p>
        {message && (
          <p role="alert" className="error">
            {message}{' '}
            {state === 'conflict' && (
              <button type="button" onClick={() => void load()}>
                Reload
              </button>
            )}
          </p>
        )}
        {text('kicker', 'Kicker', { hint: 'A few words above the headline.' })}
        {text('headline', 'Headline')}
        {text('dek', 'Dek', { multiline: true, hint: 'One sentence under the headline; also the description for search and sharing.' })}
        {text('slug', 'Slug', { hint: `The address: ${article.path}. Changing it keeps the old one as a redirect.` })}
        <div className="field-row">
          <label className="field">
            <span>Type</span>
            <select value={draft.typeId} disabled={readOnly} onChange={(e) => change({ typeId: e.target.value })}>
              {desk.types.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Section</span>
            <select value={draft.sectionId} disabled={readOnly} onChange={(e) => change({ sectionId: e.target.value })}>
              {desk.sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <OrderedPicker
          label="Bylines"
          options={desk.authors}
          value={draft.authorIds}
          onChange={(authorIds) => change({ authorIds })}
          hint="In byline order. Contributors need no staff account: add them under Authors."
        />
        <OrderedPicker label="Topics" options={desk.topics} value={draft.topicIds} onChange={(topicIds) => change({ topicIds })} />
        <fieldset className="lead-image-field">
          <legend>Lead image</legend>
          {draft.leadImage ? (
            <>
              {(leadPreview || draft.leadImage.url) && <img src={leadPreview || draft.leadImage.url} alt="" width={240} />}
              <label className="field">
                <span>Caption</span>
                <input
                  value={draft.leadImage.caption}
                  onChange={(e) => change({ leadImage: { ...draft.leadImage!, caption: e.target.value } })}
                />
              </label>
              <label className="field">
                <span>Credit</span>
                <input
                  value={draft.leadImage.credit}
                  onChange={(e) => change({ leadImage: { ...draft.leadImage!, credit: e.target.value } })}
                />
              </label>
              <label className="field">
                <span>Alt text</span>
                <input value={draft.leadImage.alt} onChange={(e) => change({ leadImage: { ...draft.leadImage!, alt: e.target.value } })} />
              </label>
              <button type="button" onClick={() => change({ leadImage: null })}>
                Remove lead image
              </button>
            </>
          ) : null}
          <button type="button" onClick={() => setPicking(true)}>
            {draft.leadImage ? 'Choose another picture' : 'Choose or upload a picture'}
          </button>
        </fieldset>
        <div className="field">
          <span id="body-label">Body</span>
          <BodyEditor
            value={draft.body}
            onChange={(body: BodyNode, count: number) => {
              setWords(count);
              if (JSON.stringify(body) !== JSON.stringify(draft.body)) change({ body });
            }}
          />
        </div>
        <RelatedField value={draft.relatedIds} onChange={(relatedIds) => change({ relatedIds })} />
        {picking && <MediaPicker onPick={pickLead} onClose={() => setPicking(false)} />}
      </form>
      <WorkflowPanel
        article={article}
        user={user}
        onChanged={load}
        canPublish={atLeast(user.role, 'editor') || (user.role === 'author' && article.createdBy === user.id)}
      />
    </div>
  );
}

/** Pinned "keep reading" pieces, found by headline. */
function RelatedField({ value, onChange }: { value: string[]; onChange(ids: string[]): void }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ id: string; headline: string }[]>([]);
  const [known, setKnown] = useState<Record<string, string>>({});
  useEffect(() => {
    if (query.trim().length < 2) return setFound([]);
    const t = setTimeout(() => {
      void api<{ articles: { id: string; headline: string }[] }>(
        'GET',
        `/articles?status=published&q=${encodeURIComponent(query)}&limit=8`,
      ).then((r) => {
        setFound(r.articles);
        setKnown((k) => ({ ...k, ...Object.fromEntries(r.articles.map((a) => [a.id, a.headline])) }));
      });
    }, 250);
    return () => clearTimeout(t);
  }, [query]);
  return (
    <fieldset className="related-field">
      <legend>Pinned related articles</legend>
      <ol>
        {value.map((id) => (
          <li key={id}>
            {known[id] ?? id}{' '}
            <button type="button" onClick={() => onChange(value.filter((v) => v !== id))} aria-label={`Unpin ${known[id] ?? id}`}>
              Unpin
            </button>
          </li>
        ))}
      </ol>
      <label className="field">
        <span>Find a published article</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <ul>
        {found
          .filter((a) => !value.includes(a.id))
          .map((a) => (
            <li key={a.id}>
              <button type="button" onClick={() => onChange([...value, a.id])}>
                Pin “{a.headline}”
              </button>
            </li>
          ))}
      </ul>
    </fieldset>
  );
}

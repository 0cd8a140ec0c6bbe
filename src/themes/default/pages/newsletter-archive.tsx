/** The newsletter's web archive: the list of sent issues, and one issue as a page. */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { ArchivedIssueView, ArchiveListView } from '../../../services/newsletter/archive.js';
import type { Chrome } from '../../../services/site/view-models.js';
import type { ThemeContext } from '../context.js';
import { Layout } from '../layout.js';
import type { PageMeta } from '../layout.js';

const DOCTYPE = '<!doctype html>';

function day(ctx: ThemeContext, iso: string | null): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(ctx.settings.language, { timeZone: ctx.settings.timeZone, dateStyle: 'long' }).format(new Date(iso));
}

function page(ctx: ThemeContext, chrome: Chrome, meta: PageMeta, body: VNode): string {
  return (
    DOCTYPE +
    renderToString(
      <Layout ctx={ctx} sections={chrome.sections} meta={meta}>
        {body}
      </Layout>,
    )
  );
}

export function renderArchiveList(ctx: ThemeContext, chrome: Chrome, view: ArchiveListView): string {
  const path = (n: number) => (n > 1 ? `/newsletter/archive?page=${n}` : '/newsletter/archive');
  const meta: PageMeta = {
    title: 'Newsletter archive',
    description: `Every issue of the ${ctx.settings.title} weekly round-up.`,
    canonicalPath: path(view.page),
    ogType: 'website',
    prevPath: view.page > 1 ? path(view.page - 1) : undefined,
    nextPath: view.hasNext ? path(view.page + 1) : undefined,
  };
  return page(
    ctx,
    chrome,
    meta,
    <div class="message-page newsletter-archive">
      <p class="eyebrow">Newsletter</p>
      <h1>The weekly round-up: archive</h1>
      {view.issues.length === 0 ? (
        <p>No issue has gone out yet.</p>
      ) : (
        <ol class="archive-list">
          {view.issues.map((i) => (
            <li key={i.slug}>
              <a href={`/newsletter/archive/${i.slug}`}>{i.subject}</a> <time datetime={i.sentAt}>{day(ctx, i.sentAt)}</time>
            </li>
          ))}
        </ol>
      )}
      <p>
        <a href="/newsletter">Subscribe to the weekly round-up</a>
      </p>
    </div>,
  );
}

export function renderArchivedIssue(ctx: ThemeContext, chrome: Chrome, view: ArchivedIssueView): string {
  const { issue, groups } = view;
  const meta: PageMeta = {
    title: issue.subject,
    description: view.intro[0] ?? issue.subject,
    canonicalPath: `/newsletter/archive/${issue.slug}`,
    ogType: 'article',
  };
  return page(
    ctx,
    chrome,
    meta,
    <article class="message-page newsletter-issue">
      <p class="eyebrow">
        <a href="/newsletter/archive">Newsletter archive</a>
      </p>
      <h1>{issue.subject}</h1>
      {issue.sentAt && <time datetime={issue.sentAt}>{day(ctx, issue.sentAt)}</time>}
      {view.intro.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {groups.sections.map((s) => (
        <section key={s.name}>
          <h2>{s.name}</h2>
          <ul>
            {s.articles.map((a) => (
              <li key={a.id}>
                <a href={a.url}>{a.headline}</a>
                {a.dek && <p>{a.dek}</p>}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {groups.briefs.length > 0 && (
        <section>
          <h2>Briefs</h2>
          <ul>
            {groups.briefs.map((b) => (
              <li key={b.id}>
                <a href={b.url}>{b.headline}</a> {b.take}
              </li>
            ))}
          </ul>
        </section>
      )}
      {groups.corrections.length > 0 && (
        <section>
          <h2>Corrections and updates</h2>
          <ul>
            {groups.corrections.map((c) => (
              <li key={c.id}>
                <a href={c.url}>{c.headline}</a>: {c.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>,
  );
}

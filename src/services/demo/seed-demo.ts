/**
 * Seeds the demo publication through the same operations the newsroom uses,
 * in one transaction: it is there whole, or not at all. Seeding happens once
 * per database; a restart finds the marker and does nothing.
 */
import sharp from 'sharp';
import type { BodyDoc, BodyNode } from '../../domain/content/body.js';
import type { Image } from '../../domain/content/model.js';
import { countArticles } from '../../storage/repositories/articles.js';
import { readSettings, writeSetting } from '../../storage/repositories/settings.js';
import { withTransaction } from '../../storage/transaction.js';
import { addCorrection } from '../content/add-correction.js';
import { createArticle } from '../content/create-article.js';
import { createBrief } from '../content/create-brief.js';
import type { ServiceDeps } from '../deps.js';
import { storeImage } from '../media/store-image.js';
import { updateSiteSettings } from '../settings/site-settings.js';
import { createArticleType, createAuthor, createSection, createTopic } from '../taxonomy/create-taxonomy.js';
import type { DemoArticle, DemoBlock, DemoPicture, DemoPublication } from './demo-content-types.js';
import { demoPictureSvg } from './demo-pictures.js';
import { inlineNodes } from './inline-text.js';

const SEEDED_MARKER = 'demo.seededAt';
const HOUR = 3_600_000;

export type SeedResult = { seeded: true; articles: number; briefs: number } | { seeded: false; reason: string };

export async function seedDemo(deps: ServiceDeps, publication: DemoPublication): Promise<SeedResult> {
  const settings = await readSettings(deps.db);
  if (settings.has(SEEDED_MARKER)) return { seeded: false, reason: 'the demo publication was seeded before' };
  if ((await countArticles(deps.db)) > 0) return { seeded: false, reason: 'the database already holds articles' };

  const now = deps.clock();
  // Pictures are drawn before the transaction opens: that is the slow part.
  const pictures = await renderPictures(publication);

  return withTransaction(deps.db, async (trx) => {
    const tx: ServiceDeps = { ...deps, db: trx };
    // Another node may have seeded while we drew pictures.
    if ((await readSettings(trx)).has(SEEDED_MARKER)) return { seeded: false, reason: 'the demo publication was seeded before' } as const;

    await updateSiteSettings(tx, {
      title: publication.title,
      tagline: publication.tagline,
      description: publication.description,
      language: 'en-GB',
      timeZone: 'Europe/London',
      social: [
        { network: 'Mastodon', handle: '@meridian@example.social', url: 'https://example.social/@meridian' },
        { network: 'Bluesky', handle: '@meridianreview.example', url: 'https://bsky.app/profile/meridianreview.example' },
        { network: 'LinkedIn', handle: 'The Meridian Review', url: 'https://www.linkedin.com/company/example-meridian-review' },
      ],
      newsletterPitch: 'The week in world affairs, chosen by our editors and sent every Friday morning. Free, and one click to leave.',
    });
    const sections = new Map<string, string>();
    for (const [position, s] of publication.sections.entries()) sections.set(s.slug, (await createSection(tx, { ...s, position })).id);
    const types = new Map<string, string>();
    for (const [position, t] of publication.types.entries()) types.set(t.slug, (await createArticleType(tx, { ...t, position })).id);
    const topics = new Map<string, string>();
    for (const t of publication.topics) topics.set(t.slug, (await createTopic(tx, t)).id);
    const authors = new Map<string, string>();
    for (const a of publication.authors) authors.set(a.slug, (await createAuthor(tx, a)).id);

    const images = new Map<string, Image>();
    for (const [motif, picture] of pictures)
      images.set(
        motif,
        await storeImage(tx, {
          bytes: picture.bytes,
          caption: picture.caption,
          credit: picture.credit,
          alt: picture.alt,
          licence: 'Demo illustration, free to use',
        }),
      );

    const ids = new Map<string, string>();
    // Oldest first, so pinned related pieces exist before the pieces that point at them.
    const ordered = [...publication.articles].sort((a, b) => b.hoursAgo - a.hoursAgo);
    for (const a of ordered) {
      const lead = images.get(a.image.motif);
      const { id } = await createArticle(tx, {
        slug: a.slug,
        sectionId: need(sections, a.section, 'section'),
        typeId: need(types, a.type, 'type'),
        kicker: a.kicker,
        headline: a.headline,
        dek: a.dek,
        body: toDoc(a, images),
        leadImage: lead ? { id: lead.id, caption: a.image.caption, credit: a.image.credit, alt: a.image.alt } : null,
        topicIds: a.topics.map((t) => need(topics, t, 'topic')),
        authorIds: a.authors.map((s) => need(authors, s, 'author')),
        relatedIds: (a.related ?? []).map((slug) => ids.get(slug)).filter((id): id is string => id !== undefined),
        status: 'published',
        publishedAt: new Date(now.getTime() - a.hoursAgo * HOUR).toISOString(),
      });
      ids.set(a.slug, id);
      for (const c of a.corrections ?? []) {
        await addCorrection(tx, {
          articleId: id,
          kind: c.kind,
          text: c.text,
          issuedAt: new Date(now.getTime() - (a.hoursAgo - c.hoursAfter) * HOUR).toISOString(),
        });
      }
    }
    for (const b of [...publication.briefs].sort((x, y) => y.hoursAgo - x.hoursAgo)) {
      await createBrief(tx, {
        slug: b.slug,
        headline: b.headline,
        take: b.take,
        sourceName: b.sourceName,
        sourceUrl: b.sourceUrl,
        sectionId: need(sections, b.section, 'section'),
        status: 'published',
        publishedAt: new Date(now.getTime() - b.hoursAgo * HOUR).toISOString(),
      });
    }
    await writeSetting(trx, SEEDED_MARKER, now.toISOString());
    return { seeded: true, articles: publication.articles.length, briefs: publication.briefs.length } as const;
  });
}

function need(map: Map<string, string>, slug: string, kind: string): string {
  const id = map.get(slug);
  if (!id) throw new Error(`The demo content names an unknown ${kind} "${slug}"`);
  return id;
}

interface RenderedPicture extends DemoPicture {
  bytes: Buffer;
}

/** Every picture the publication uses, as PNG bytes, keyed by motif. */
async function renderPictures(publication: DemoPublication): Promise<Map<string, RenderedPicture>> {
  const wanted = new Map<string, DemoPicture>();
  for (const a of publication.articles) {
    wanted.set(a.image.motif, a.image);
    for (const block of a.body) if ('figure' in block) wanted.set(block.figure.motif, block.figure);
  }
  const out = new Map<string, RenderedPicture>();
  await Promise.all(
    [...wanted.values()].map(async (picture) => {
      const bytes = await sharp(Buffer.from(demoPictureSvg(picture.motif)))
        .png({ compressionLevel: 1 })
        .toBuffer();
      out.set(picture.motif, { ...picture, bytes });
    }),
  );
  // Keep insertion order stable for reproducible seeds.
  return new Map([...wanted.keys()].map((motif) => [motif, out.get(motif) as RenderedPicture]));
}

function toDoc(article: DemoArticle, images: Map<string, Image>): BodyDoc {
  return { type: 'doc', content: article.body.map((block) => toNode(block, images)) };
}

function toNode(block: DemoBlock, images: Map<string, Image>): BodyNode {
  if ('p' in block) return { type: 'paragraph', content: inlineNodes(block.p) };
  if ('h' in block) return { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: block.h }] };
  if ('quote' in block)
    return { type: 'blockquote', attrs: { attribution: block.by }, content: [{ type: 'paragraph', content: inlineNodes(block.quote) }] };
  if ('pull' in block) return { type: 'pullQuote', content: [{ type: 'text', text: block.pull }] };
  if ('list' in block) {
    return {
      type: block.ordered ? 'orderedList' : 'bulletList',
      content: block.list.map((item) => ({ type: 'listItem', content: [{ type: 'paragraph', content: inlineNodes(item) }] })),
    };
  }
  if ('figure' in block) {
    const image = images.get(block.figure.motif);
    return {
      type: 'image',
      attrs: { imageId: image?.id ?? '', caption: block.figure.caption, credit: block.figure.credit, alt: block.figure.alt },
    };
  }
  return { type: 'embed', attrs: { url: block.embed, title: 'Video' } };
}

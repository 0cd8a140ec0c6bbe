/** schema.org JSON-LD for search engines and aggregators. */
import type { Article, PlacedImage, SiteSettings } from '../../domain/content/model.js';
import { articlePath, authorPath } from '../../domain/content/paths.js';
import { absolute } from './context.js';
import type { ThemeContext } from './context.js';

export function shareImage(
  ctx: ThemeContext,
  placed: PlacedImage | null,
): { url: string; width: number; height: number; alt: string } | undefined {
  if (!placed) return undefined;
  const jpeg = placed.image.variants.find((v) => v.format === 'jpeg') ?? placed.image.variants[0];
  if (!jpeg) return undefined;
  return { url: absolute(ctx, ctx.mediaUrl(jpeg.key)), width: jpeg.width, height: jpeg.height, alt: placed.alt };
}

export function publisher(ctx: ThemeContext, settings: SiteSettings): object {
  return {
    '@type': 'NewsMediaOrganization',
    name: settings.title,
    url: `${ctx.baseUrl}/`,
    ...(settings.logoKey ? { logo: { '@type': 'ImageObject', url: absolute(ctx, ctx.mediaUrl(settings.logoKey)) } } : {}),
    ...(settings.social.length > 0 ? { sameAs: settings.social.map((s) => s.url) } : {}),
  };
}

export function articleJsonLd(ctx: ThemeContext, article: Article): object {
  const url = absolute(ctx, articlePath(article));
  const image = shareImage(ctx, article.leadImage);
  return {
    '@context': 'https://schema.org',
    '@type': article.type.schemaType,
    '@id': url,
    mainEntityOfPage: url,
    url,
    headline: article.headline.slice(0, 110),
    ...(article.dek ? { description: article.dek } : {}),
    ...(image && article.leadImage
      ? {
          image: [
            {
              '@type': 'ImageObject',
              url: image.url,
              width: image.width,
              height: image.height,
              ...(article.leadImage.caption ? { caption: article.leadImage.caption } : {}),
              ...(article.leadImage.credit ? { creditText: article.leadImage.credit } : {}),
            },
          ],
        }
      : {}),
    datePublished: article.publishedAt,
    dateModified: article.updatedAt ?? article.publishedAt,
    author: article.authors.map((a) => ({
      '@type': 'Person',
      name: a.name,
      url: absolute(ctx, authorPath(a.slug)),
      ...(a.title ? { jobTitle: a.title } : {}),
    })),
    articleSection: article.section.name,
    ...(article.topics.length > 0 ? { keywords: article.topics.map((t) => t.name) } : {}),
    wordCount: article.wordCount,
    inLanguage: ctx.settings.language,
    isAccessibleForFree: true,
    publisher: publisher(ctx, ctx.settings),
    ...(article.corrections.length > 0
      ? {
          correction: article.corrections.map((c) => ({
            '@type': 'CorrectionComment',
            text: c.text,
            datePublished: c.issuedAt,
          })),
        }
      : {}),
  };
}

export function websiteJsonLd(ctx: ThemeContext): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: ctx.settings.title,
    url: `${ctx.baseUrl}/`,
    publisher: publisher(ctx, ctx.settings),
  };
}

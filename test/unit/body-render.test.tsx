/**
 * The body renderer turns stored ProseMirror JSON into HTML. These tests
 * render real documents to a string and read them back with cheerio: what a
 * reader's browser would receive, not what the component tree looks like.
 */
import * as cheerio from 'cheerio';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { BodyDoc, BodyNode } from '../../src/domain/content/body.js';
import { DEFAULT_SETTINGS } from '../../src/domain/content/model.js';
import type { Image } from '../../src/domain/content/model.js';
import { ArticleBody } from '../../src/themes/default/body.js';
import type { ThemeContext } from '../../src/themes/default/context.js';

const ctx: ThemeContext = {
  baseUrl: 'https://news.example.test',
  path: '/desk/a-story',
  mediaUrl: (key) => `/media/${key}`,
  stylesheet: '/assets/site.css',
  script: '/assets/site.js',
  settings: DEFAULT_SETTINGS,
};

const harbour: Image = {
  id: 'img-harbour',
  storageKey: 'images/ab/harbour-1200.jpg',
  mimeType: 'image/jpeg',
  width: 2000,
  height: 1000,
  variants: [
    { key: 'images/ab/harbour-960.webp', width: 960, height: 480, format: 'webp' },
    { key: 'images/ab/harbour-480.webp', width: 480, height: 240, format: 'webp' },
    { key: 'images/ab/harbour-1440.webp', width: 1440, height: 720, format: 'webp' },
    { key: 'images/ab/harbour-1200.jpg', width: 1200, height: 600, format: 'jpeg' },
  ],
  caption: 'The library caption.',
  credit: 'Library Credit',
  alt: 'Library alt',
  licence: '',
  rightsExpireAt: null,
};

interface Rendered {
  $: cheerio.CheerioAPI;
  html: string;
  unknown: string[];
}

function render(content: BodyNode[], images: ReadonlyMap<string, Image> = new Map()): Rendered {
  const unknown: string[] = [];
  const doc: BodyDoc = { type: 'doc', content };
  const html = renderToString(<ArticleBody doc={doc} options={{ ctx, images, onUnknown: (what) => unknown.push(what) }} />);
  return { $: cheerio.load(html), html, unknown };
}

const text = (value: string, marks?: BodyNode['marks']): BodyNode =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const para = (...content: BodyNode[]): BodyNode => ({ type: 'paragraph', content });
const link = (href: unknown) => ({ type: 'link', attrs: { href } });

describe('ArticleBody', () => {
  it('renders paragraphs in order inside .article-body, skipping empty ones', () => {
    const { $, unknown } = render([
      para(text('First.')),
      { type: 'paragraph' },
      para(text('Second.'), { type: 'hardBreak' }, text('Third.')),
    ]);
    const paragraphs = $('.article-body > p');
    expect(paragraphs.length).toBe(2);
    expect(paragraphs.eq(0).text()).toBe('First.');
    expect(paragraphs.eq(1).find('br').length).toBe(1);
    expect(paragraphs.eq(1).text()).toBe('Second.Third.');
    expect(unknown).toEqual([]);
  });

  it('renders headings as h2 to h4: the page h1 is the headline, and nothing below h4', () => {
    const heading = (level: unknown, words: string): BodyNode => ({ type: 'heading', attrs: { level }, content: [text(words)] });
    const { $ } = render([
      heading(1, 'one'),
      heading(2, 'two'),
      heading(3, 'three'),
      heading(4, 'four'),
      heading(6, 'six'),
      heading('x', 'junk'),
    ]);
    expect($('h1').length).toBe(0);
    expect($('h5, h6').length).toBe(0);
    const tags = $('.article-body')
      .children()
      .map((_, el) => `${el.tagName}:${$(el).text()}`)
      .get();
    expect(tags).toEqual(['h2:one', 'h2:two', 'h3:three', 'h4:four', 'h4:six', 'h2:junk']);
  });

  it('renders bold, italic and link marks, nested on the same text', () => {
    const { $ } = render([
      para(
        text('strong', [{ type: 'bold' }]),
        text(' and '),
        text('slanted', [{ type: 'italic' }]),
        text(' and '),
        text('both linked', [{ type: 'bold' }, { type: 'italic' }, link('https://example.org/ref?a=1&b=2')]),
      ),
    ]);
    expect($('p > strong').first().text()).toBe('strong');
    expect($('p > em').first().text()).toBe('slanted');
    const a = $('a[href="https://example.org/ref?a=1&b=2"]');
    expect(a.length).toBe(1);
    expect(a.attr('rel')).toBe('noopener');
    expect(a.find('em > strong').text()).toBe('both linked');
    expect($('p').text()).toBe('strong and slanted and both linked');
  });

  it('escapes text that looks like HTML', () => {
    const { $, html } = render([para(text('Closing <script>alert(1)</script> & <img src=x onerror=alert(2)>'))]);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect($('script, img').length).toBe(0);
    expect($('p').text()).toBe('Closing <script>alert(1)</script> & <img src=x onerror=alert(2)>');
  });

  it('escapes attribute values, so a caption or alt cannot break out of its attribute', () => {
    const images = new Map([[harbour.id, harbour]]);
    const { $ } = render([{ type: 'image', attrs: { imageId: harbour.id, alt: '" onload="alert(1)' } }], images);
    const img = $('img');
    expect(img.attr('alt')).toBe('" onload="alert(1)');
    expect(img.attr('onload')).toBeUndefined();
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: with odd case and spaces', '  JaVaScRiPt:alert(1)'],
    ['data:', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['protocol-relative', '//evil.example/path'],
    ['backslash protocol-relative', '/\\evil.example'],
    ['not a string', 42],
  ])('drops a %s link but keeps its text', (_, href) => {
    const { $ } = render([para(text('before '), text('the words', [link(href)]), text(' after'))]);
    expect($('a').length).toBe(0);
    expect($('p').text()).toBe('before the words after');
  });

  it('keeps mailto, site-relative and fragment links, without rel=noopener on internal ones', () => {
    const { $ } = render([
      para(text('mail', [link('mailto:desk@example.org')]), text('site', [link('/europe/a-story')]), text('note', [link('#section-2')])),
    ]);
    expect($('a[href="mailto:desk@example.org"]').text()).toBe('mail');
    expect($('a[href="/europe/a-story"]').text()).toBe('site');
    expect($('a[href="/europe/a-story"]').attr('rel')).toBeUndefined();
    expect($('a[href="#section-2"]').text()).toBe('note');
  });

  it('drops unknown nodes and unknown marks, and reports each through onUnknown', () => {
    const { $, html, unknown } = render([
      para(text('kept')),
      { type: 'rawHtml', attrs: { html: '<script>alert(1)</script>' }, content: [text('hidden inside')] },
      para(text('marked', [{ type: 'blink' }])),
      para({ type: 'iframe', attrs: { src: 'https://evil.example' } }),
    ]);
    expect(html).not.toContain('script');
    expect(html).not.toContain('hidden inside');
    expect(html).not.toContain('evil.example');
    expect($('blink, iframe').length).toBe(0);
    // An unknown mark is dropped, its text is not.
    expect($('p').eq(1).text()).toBe('marked');
    expect(unknown).toEqual(['node:rawHtml', 'mark:blink', 'node:iframe']);
  });

  it('renders a blockquote with its attribution as figure > blockquote + figcaption', () => {
    const { $ } = render([
      {
        type: 'blockquote',
        attrs: { attribution: '  Mara Lind, harbour pilot ' },
        content: [para(text('The sea is a road, not a wall.'))],
      },
      { type: 'blockquote', content: [para(text('Unattributed.'))] },
    ]);
    const figures = $('figure.quote');
    expect(figures.length).toBe(2);
    expect(figures.eq(0).children('blockquote').text()).toBe('The sea is a road, not a wall.');
    expect(figures.eq(0).children('figcaption').text()).toBe('— Mara Lind, harbour pilot');
    expect(figures.eq(1).children('blockquote').text()).toBe('Unattributed.');
    expect(figures.eq(1).children('figcaption').length).toBe(0);
  });

  it('hides a pull quote from screen readers, who already heard its words', () => {
    const { $ } = render([{ type: 'pullQuote', content: [text('A pull quote to catch the eye.')] }]);
    const aside = $('.pull-quote');
    expect(aside.attr('aria-hidden')).toBe('true');
    expect(aside.text()).toBe('A pull quote to catch the eye.');
  });

  it('renders lists and rules', () => {
    const item = (words: string): BodyNode => ({ type: 'listItem', content: [para(text(words))] });
    const { $ } = render([
      { type: 'bulletList', content: [item('a'), item('b')] },
      { type: 'orderedList', content: [item('one')] },
      { type: 'horizontalRule' },
    ]);
    expect(
      $('ul > li')
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual(['a', 'b']);
    expect($('ol > li').text()).toBe('one');
    expect($('hr').length).toBe(1);
  });

  it('numbers footnotes in reading order and links each way', () => {
    const note = (words: string): BodyNode => ({ type: 'footnote', content: [text(words)] });
    const { $ } = render([
      para(text('First claim.'), note('Source one.')),
      para(text('Second'), note('Source two.'), text(' and third.'), note('Source three.')),
    ]);
    const refs = $('sup.footnote-ref');
    expect(refs.map((_, s) => $(s).attr('id')).get()).toEqual(['fnref-1', 'fnref-2', 'fnref-3']);
    expect(refs.map((_, s) => $(s).find('a').attr('href')).get()).toEqual(['#fn-1', '#fn-2', '#fn-3']);
    expect(refs.map((_, s) => $(s).text()).get()).toEqual(['1', '2', '3']);
    const items = $('.footnotes ol > li');
    expect(items.map((_, li) => $(li).attr('id')).get()).toEqual(['fn-1', 'fn-2', 'fn-3']);
    expect(items.eq(0).text()).toContain('Source one.');
    expect(items.eq(1).text()).toContain('Source two.');
    expect(items.eq(2).text()).toContain('Source three.');
    expect(items.map((_, li) => $(li).find('a.footnote-back').attr('href')).get()).toEqual(['#fnref-1', '#fnref-2', '#fnref-3']);
    // Footnote text is not in the running text.
    expect($('.article-body > p').text()).toBe('First claim.1Second2 and third.3');
  });

  it('has no notes section when there are no footnotes', () => {
    const { $ } = render([para(text('Plain.'))]);
    expect($('.footnotes').length).toBe(0);
  });

  it('resolves an image through the images map, with the placement’s own caption, credit and alt', () => {
    const images = new Map([[harbour.id, harbour]]);
    const { $, unknown } = render(
      [
        { type: 'image', attrs: { imageId: harbour.id, caption: 'Cranes at dusk.', credit: 'Test Studio/Drone', alt: 'Cranes' } },
        { type: 'image', attrs: { imageId: harbour.id } },
      ],
      images,
    );
    const figures = $('figure.figure');
    expect(figures.length).toBe(2);
    const img = figures.eq(0).find('img');
    expect(img.attr('src')).toBe('/media/images/ab/harbour-1200.jpg');
    expect(img.attr('srcset')).toBe(
      '/media/images/ab/harbour-480.webp 480w, /media/images/ab/harbour-960.webp 960w, /media/images/ab/harbour-1440.webp 1440w',
    );
    expect(img.attr('width')).toBe('1440');
    expect(img.attr('height')).toBe('720');
    expect(img.attr('alt')).toBe('Cranes');
    expect(img.attr('loading')).toBe('lazy');
    expect(figures.eq(0).find('figcaption').text()).toBe('Cranes at dusk. Image: Test Studio/Drone');
    // Without its own words, a placement uses the library's.
    expect(figures.eq(1).find('img').attr('alt')).toBe('Library alt');
    expect(figures.eq(1).find('figcaption').text()).toBe('The library caption. Image: Library Credit');
    expect(unknown).toEqual([]);
  });

  it('drops an image whose id is not in the map, and reports it', () => {
    const images = new Map([[harbour.id, harbour]]);
    const { $, unknown } = render(
      [{ type: 'image', attrs: { imageId: 'img-deleted' } }, { type: 'image', attrs: {} }, para(text('After.'))],
      images,
    );
    expect($('figure, img').length).toBe(0);
    expect($('p').text()).toBe('After.');
    expect(unknown).toEqual(['image:missing', 'image:missing']);
  });

  // The page holds no iframe: nothing is fetched from the provider until the reader asks
  // (site.js then builds the frame from data-frame). Without JavaScript it is a link.
  it('renders an allowlisted YouTube embed as a link with the youtube-nocookie frame URL rebuilt from its id', () => {
    const { $, html } = render([
      { type: 'embed', attrs: { url: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ&list=x"><script>', title: 'Harbour at night' } },
    ]);
    expect($('iframe').length).toBe(0);
    const figure = $('figure.embed');
    expect(figure.length).toBe(1);
    expect(figure.attr('data-frame')).toBe('https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ');
    expect(figure.attr('data-provider')).toBe('YouTube');
    expect(figure.attr('data-title')).toBe('Harbour at night');
    const facade = figure.find('a.embed-facade');
    expect(facade.attr('href')).toBe('https://www.youtube.com/watch?v=aqz-KE-bpKQ');
    expect(facade.attr('rel')).toBe('noopener');
    expect(facade.text()).toContain('Harbour at night');
    // Nothing of the submitted URL beyond the id reaches the page.
    expect(html).not.toContain('list=x');
    expect($('script').length).toBe(0);
  });

  it('escapes an embed title in its attribute and its text', () => {
    const { $ } = render([{ type: 'embed', attrs: { url: 'https://youtu.be/aqz-KE-bpKQ', title: '"><img src=x onerror=alert(1)>' } }]);
    expect($('img').length).toBe(0);
    expect($('figure.embed').attr('data-title')).toBe('"><img src=x onerror=alert(1)>');
    expect($('figure.embed .embed-label').text()).toContain('"><img src=x onerror=alert(1)>');
  });

  it('renders a non-allowlisted https embed as a plain link, with no iframe', () => {
    const { $ } = render([{ type: 'embed', attrs: { url: 'https://maps.example.org/place/42', title: 'The harbour map' } }]);
    expect($('iframe').length).toBe(0);
    expect($('details').length).toBe(0);
    const a = $('p.embed-link a');
    expect(a.attr('href')).toBe('https://maps.example.org/place/42');
    expect(a.text()).toBe('The harbour map');
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['protocol-relative', '//www.youtube.com/watch?v=aqz-KE-bpKQ'],
    ['missing', undefined],
  ])('renders nothing for a %s embed URL', (_, url) => {
    const { $, html } = render([{ type: 'embed', attrs: url === undefined ? {} : { url } }]);
    expect($('.article-body').children().length).toBe(0);
    expect(html).not.toContain('script');
    expect(html).not.toContain('youtube');
  });
});

/**
 * The body schema as the editor knows it: the same node and mark names the
 * server stores and the theme renders (src/domain/content/body.ts).
 */
import { Node, mergeAttributes } from '@tiptap/core';
import Blockquote from '@tiptap/extension-blockquote';
import StarterKit from '@tiptap/starter-kit';

/** A block quote carries who said it. */
export const QuoteWithAttribution = Blockquote.extend({
  addAttributes() {
    return {
      attribution: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-attribution') ?? '',
        renderHTML: (attributes: { attribution?: string }) =>
          attributes.attribution ? { 'data-attribution': attributes.attribution } : {},
      },
    };
  },
});

/** A sentence from the text, repeated large for the eye. */
export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'inline*',
  defining: true,
  parseHTML: () => [{ tag: 'aside.pull-quote' }],
  renderHTML: ({ HTMLAttributes }) => ['aside', mergeAttributes(HTMLAttributes, { class: 'pull-quote' }), 0],
});

/** A picture from the media library, with its own caption and credit. */
export const Figure = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes: () => ({
    imageId: { default: '' },
    src: { default: '' },
    caption: { default: '' },
    credit: { default: '' },
    alt: { default: '' },
  }),
  parseHTML: () => [{ tag: 'figure[data-image-id]' }],
  renderHTML: ({ node }) => {
    const a = node.attrs as { imageId: string; src: string; caption: string; credit: string; alt: string };
    return [
      'figure',
      { 'data-image-id': a.imageId, class: 'body-figure' },
      ['img', { src: a.src, alt: a.alt }],
      ['figcaption', {}, `${a.caption}${a.credit ? ` — Image: ${a.credit}` : ''}`],
    ];
  },
});

/** A video or chart from an allowed provider; anything else becomes a link on the site. */
export const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  addAttributes: () => ({ url: { default: '' }, title: { default: '' } }),
  parseHTML: () => [{ tag: 'div[data-embed]' }],
  renderHTML: ({ node }) => {
    const a = node.attrs as { url: string; title: string };
    return ['div', { 'data-embed': a.url, class: 'body-embed' }, `Embed: ${a.title || a.url}`];
  },
});

/** A numbered note; its text is kept in the node and listed under the article. */
export const Footnote = Node.create({
  name: 'footnote',
  group: 'inline',
  inline: true,
  atom: true,
  addAttributes: () => ({ text: { default: '' } }),
  parseHTML: () => [{ tag: 'sup[data-footnote]' }],
  renderHTML: ({ node }) => [
    'sup',
    { 'data-footnote': (node.attrs as { text: string }).text, class: 'body-footnote', title: (node.attrs as { text: string }).text },
    '*',
  ],
});

export const extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    blockquote: false,
    codeBlock: false,
    underline: false,
    link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
  }),
  QuoteWithAttribution,
  PullQuote,
  Figure,
  Embed,
  Footnote,
];

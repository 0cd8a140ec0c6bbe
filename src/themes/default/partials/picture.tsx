import type { VNode } from 'preact';
import type { Image } from '../../../domain/content/model.js';
import type { ThemeContext } from '../context.js';

/**
 * A responsive <img>: WebP variants in srcset, the JPEG as src for anything
 * older, width and height from the largest variant so the page does not jump.
 */
export function ResponsiveImage(props: {
  ctx: ThemeContext;
  image: Image;
  alt: string;
  sizes: string;
  eager?: boolean;
  class?: string;
}): VNode {
  const { ctx, image } = props;
  const webp = image.variants.filter((v) => v.format === 'webp').sort((a, b) => a.width - b.width);
  const fallback = image.variants.find((v) => v.format === 'jpeg') ?? webp[webp.length - 1];
  const largest = webp[webp.length - 1] ?? fallback;
  const width = largest?.width ?? image.width;
  const height = largest?.height ?? image.height;
  const srcset = webp.map((v) => `${ctx.mediaUrl(v.key)} ${v.width}w`).join(', ');
  return (
    <img
      class={props.class}
      src={fallback ? ctx.mediaUrl(fallback.key) : ''}
      srcset={srcset || undefined}
      sizes={srcset ? props.sizes : undefined}
      width={width}
      height={height}
      alt={props.alt}
      loading={props.eager ? 'eager' : 'lazy'}
      decoding={props.eager ? 'sync' : 'async'}
      {...(props.eager ? { fetchpriority: 'high' } : {})}
    />
  );
}

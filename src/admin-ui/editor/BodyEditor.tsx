import { EditorContent, useEditor } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import type { BodyNode, MediaImage } from '../api';
import { extensions } from './extensions';
import { MediaPicker } from '../components/MediaPicker';

interface Props {
  value: BodyNode;
  onChange(doc: BodyNode, words: number): void;
}

/** The rich body: subheads, links, lists, quotes with attribution, pull quotes, pictures, embeds, footnotes. */
export function BodyEditor({ value, onChange }: Props) {
  const editor = useEditor({
    extensions,
    content: value,
    // Our stylesheet styles the editor; injected <style> tags would break the CSP.
    injectCSS: false,
    editorProps: { attributes: { class: 'body-editor', 'aria-label': 'Article body', role: 'textbox', 'aria-multiline': 'true' } },
    onUpdate: ({ editor: e }) => onChange(e.getJSON() as BodyNode, countWords(e)),
  });
  const [picking, setPicking] = useState(false);
  useEffect(() => {
    if (editor) onChange(editor.getJSON() as BodyNode, countWords(editor));
  }, [editor]);
  if (!editor) return null;

  const insertPicture = (image: MediaImage, meta: { caption: string; credit: string; alt: string }) => {
    editor
      .chain()
      .focus()
      .insertContent({ type: 'image', attrs: { imageId: image.id, src: image.url, ...meta } })
      .run();
    setPicking(false);
  };

  return (
    <div className="body-field">
      <Toolbar editor={editor} onPicture={() => setPicking(true)} />
      <EditorContent editor={editor} />
      {picking && <MediaPicker onPick={insertPicture} onClose={() => setPicking(false)} />}
    </div>
  );
}

function countWords(editor: Editor): number {
  const words = editor.getText().match(/[\p{L}\p{N}’'-]+/gu);
  return words ? words.length : 0;
}

function Toolbar({ editor, onPicture }: { editor: Editor; onPicture(): void }) {
  // The accessible name starts with the visible text (WCAG 2.5.3), e.g. "H2: Subhead".
  const button = (label: string, active: boolean, run: () => void, text: string = label) => (
    <button
      type="button"
      aria-label={text === label ? undefined : `${text}: ${label}`}
      aria-pressed={active}
      className={active ? 'is-active' : ''}
      onClick={run}
      title={label}
    >
      {text}
    </button>
  );
  const chain = () => editor.chain().focus();
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {button('Subhead', editor.isActive('heading', { level: 2 }), () => chain().toggleHeading({ level: 2 }).run(), 'H2')}
      {button('Smaller subhead', editor.isActive('heading', { level: 3 }), () => chain().toggleHeading({ level: 3 }).run(), 'H3')}
      {button('Bold', editor.isActive('bold'), () => chain().toggleBold().run(), 'B')}
      {button('Italic', editor.isActive('italic'), () => chain().toggleItalic().run(), 'I')}
      {button('Link', editor.isActive('link'), () => {
        const previous = (editor.getAttributes('link') as { href?: string }).href ?? '';
        const href = window.prompt('Link address (https://…, mailto:… or /a/site/path); empty to remove', previous);
        if (href === null) return;
        if (href === '') chain().unsetLink().run();
        else chain().extendMarkRange('link').setLink({ href }).run();
      })}
      {button('Bulleted list', editor.isActive('bulletList'), () => chain().toggleBulletList().run(), '• List')}
      {button('Numbered list', editor.isActive('orderedList'), () => chain().toggleOrderedList().run(), '1. List')}
      {button(
        'Block quote',
        editor.isActive('blockquote'),
        () => {
          if (editor.isActive('blockquote')) return chain().lift('blockquote').run();
          const by = window.prompt('Who said it? (attribution, may be empty)') ?? '';
          chain().wrapIn('blockquote', { attribution: by }).run();
        },
        '❝ Quote',
      )}
      {editor.isActive('blockquote') &&
        button(
          'Edit attribution',
          false,
          () => {
            const current = (editor.getAttributes('blockquote') as { attribution?: string }).attribution ?? '';
            const by = window.prompt('Who said it?', current);
            if (by !== null) chain().updateAttributes('blockquote', { attribution: by }).run();
          },
          'Attribution…',
        )}
      {button(
        'Pull quote',
        editor.isActive('pullQuote'),
        () =>
          chain()
            .setNode(editor.isActive('pullQuote') ? 'paragraph' : 'pullQuote')
            .run(),
        'Pull quote',
      )}
      {button('Picture', false, onPicture)}
      {button(
        'Embed',
        false,
        () => {
          const url = window.prompt('Address of the video or chart (YouTube, Vimeo, Datawrapper; anything else becomes a link)');
          if (!url) return;
          const title = window.prompt('A title for it (read by screen readers)') ?? '';
          chain().insertContent({ type: 'embed', attrs: { url, title } }).run();
        },
        'Embed',
      )}
      {button(
        'Footnote',
        false,
        () => {
          const text = window.prompt('Text of the note');
          if (text) chain().insertContent({ type: 'footnote', attrs: { text } }).run();
        },
        'Footnote',
      )}
      {button('Undo', false, () => chain().undo().run(), '↶')}
      {button('Redo', false, () => chain().redo().run(), '↷')}
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { api, ApiError } from '../api';
import type { MediaImage } from '../api';

interface Props {
  onPick(image: MediaImage, meta: { caption: string; credit: string; alt: string }): void;
  onClose(): void;
}

/** The media library as a dialog: upload a picture with its credit, or choose one already there. */
export function MediaPicker({ onPick, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [images, setImages] = useState<MediaImage[]>([]);
  const [chosen, setChosen] = useState<MediaImage | null>(null);
  const [meta, setMeta] = useState({ caption: '', credit: '', alt: '' });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
    api<{ images: MediaImage[] }>('GET', '/media').then(
      (r) => setImages(r.images),
      (e: unknown) => setError(String(e)),
    );
  }, []);

  const choose = (image: MediaImage) => {
    setChosen(image);
    setMeta({ caption: image.caption, credit: image.credit, alt: image.alt });
  };

  const upload = async (form: HTMLFormElement) => {
    setBusy(true);
    setError('');
    try {
      const { image } = await api<{ image: MediaImage }>('POST', '/media', new FormData(form));
      setImages((list) => [image, ...list]);
      choose(image);
      form.reset();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  // A portal: the picker has forms of its own and is opened from inside the article form.
  return createPortal(
    <dialog ref={dialog} className="media-picker" aria-labelledby="media-picker-title" onClose={onClose}>
      <h2 id="media-picker-title">Pictures</h2>
      <form
        className="upload-form"
        onSubmit={(event) => {
          event.preventDefault();
          void upload(event.currentTarget);
        }}
      >
        <fieldset>
          <legend>Upload a picture</legend>
          <label>
            File <input type="file" name="file" accept="image/*" required />
          </label>
          <label>
            Credit <input name="credit" placeholder="AGENCY/Photographer" />
          </label>
          <label>
            Caption <input name="caption" />
          </label>
          <label>
            Alt text <input name="alt" />
          </label>
          <label>
            Licence <input name="licence" />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? 'Uploading…' : 'Upload'}
          </button>
        </fieldset>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ul className="media-grid" aria-label="Library">
        {images.map((image) => (
          <li key={image.id}>
            <button type="button" aria-pressed={chosen?.id === image.id} onClick={() => choose(image)}>
              <img
                src={image.url}
                alt={image.alt || image.caption || 'Untitled picture'}
                width={160}
                height={Math.round((160 * image.height) / image.width)}
              />
              <span>{image.credit || 'No credit'}</span>
              {image.rightsExpired && <strong className="flag">Rights expired</strong>}
            </button>
          </li>
        ))}
      </ul>
      {chosen && (
        <fieldset className="placement">
          <legend>How this article shows it</legend>
          <label>
            Caption <input value={meta.caption} onChange={(e) => setMeta({ ...meta, caption: e.target.value })} />
          </label>
          <label>
            Credit <input value={meta.credit} onChange={(e) => setMeta({ ...meta, credit: e.target.value })} />
          </label>
          <label>
            Alt text <input value={meta.alt} onChange={(e) => setMeta({ ...meta, alt: e.target.value })} />
          </label>
          <button type="button" className="primary" onClick={() => onPick(chosen, meta)} disabled={chosen.rightsExpired}>
            Use this picture
          </button>
        </fieldset>
      )}
      <button type="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>,
    document.body,
  );
}

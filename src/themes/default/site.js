// Progressive enhancement only: every page reads and works without this file.
// Embeds: offer to play in place; the provider is contacted only on that click.
for (const figure of document.querySelectorAll('figure.embed[data-frame]')) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'embed-load';
  button.textContent = `Play here (loads content from ${new URL(figure.dataset.frame).hostname})`;
  button.addEventListener('click', () => {
    const frame = document.createElement('iframe');
    frame.src = figure.dataset.frame;
    frame.title = figure.dataset.title || `${figure.dataset.provider} embed`;
    frame.allow = 'encrypted-media; picture-in-picture; fullscreen';
    frame.referrerPolicy = 'strict-origin';
    frame.allowFullscreen = true;
    const holder = document.createElement('div');
    holder.className = 'embed-frame';
    holder.append(frame);
    button.replaceWith(holder);
    frame.focus();
  });
  figure.append(button);
}

// Newsletter signup: post with fetch and answer in place, in a live region; on any surprise, the plain POST.
for (const form of document.querySelectorAll('form.newsletter-form')) {
  const status = document.createElement('p');
  status.className = 'newsletter-status';
  status.setAttribute('role', 'status');
  form.append(status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('[type=submit]');
    button.disabled = true;
    status.textContent = 'Subscribing…';
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { accept: 'application/json' },
        body: new URLSearchParams(new FormData(form)),
      });
      const answer = await response.json();
      const text = answer.message || answer.errors[0].message;
      status.classList.toggle('form-error', !response.ok);
      form.email.setAttribute('aria-invalid', String(!response.ok));
      status.textContent = text;
      if (response.ok) form.reset();
    } catch {
      form.submit();
    } finally {
      button.disabled = false;
    }
  });
}

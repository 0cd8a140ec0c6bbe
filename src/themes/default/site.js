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

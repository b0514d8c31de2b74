// Newsloom: the only script. Citation markers work without it (they link to the passage in the
// sources list); with it, clicking or focusing a marker shows the cited passage beside the sentence.
(() => {
  let open = null;

  function close() {
    if (!open) return;
    open.marker.setAttribute('aria-expanded', 'false');
    open.panel.remove();
    open = null;
  }

  function show(marker) {
    if (open && open.marker === marker) return;
    close();
    const passage = document.getElementById(marker.hash.slice(1));
    const source = passage?.closest('li.source');
    if (!passage || !source) return;
    const panel = document.createElement('div');
    panel.className = 'pop';
    panel.id = `pop-${passage.id}`;
    panel.setAttribute('role', 'note');
    const outlet = document.createElement('span');
    outlet.className = 'outlet';
    outlet.textContent = source.querySelector('.outlet')?.textContent ?? '';
    const title = source.querySelector('a.title');
    const heading = document.createElement('strong');
    heading.textContent = title?.textContent ?? '';
    const quote = passage.querySelector('blockquote').cloneNode(true);
    const link = document.createElement('a');
    link.href = title?.href ?? '#';
    link.textContent = 'Read the original';
    link.rel = 'noopener';
    for (const part of [outlet, document.createElement('br'), heading, quote, link]) panel.append(part);
    const sentence = marker.closest('p, li, blockquote, figcaption') ?? marker.parentElement;
    sentence.after(panel);
    marker.setAttribute('aria-expanded', 'true');
    marker.setAttribute('aria-controls', panel.id);
    open = { marker, panel };
  }

  document.addEventListener('click', (event) => {
    const marker = event.target.closest?.('a.cite');
    if (marker) {
      event.preventDefault();
      if (open && open.marker === marker) close();
      else show(marker);
    } else if (open && !open.panel.contains(event.target)) {
      close();
    }
  });
  document.addEventListener('focusin', (event) => {
    const marker = event.target.closest?.('a.cite');
    if (marker && event.target.matches(':focus-visible')) show(marker);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && open) {
      const marker = open.marker;
      close();
      marker.focus();
    }
  });
})();

import type { Marker } from '../story-model.js';

/** Citation markers beside a sentence, quote or figure: each links to its passage in the sources list. */
export function Markers({ markers }: { markers: Marker[] }) {
  if (markers.length === 0) return null;
  return (
    <sup class="cites">
      {markers.map((m) => (
        <a
          class="cite"
          href={`#${m.passageId}`}
          aria-label={`Source ${m.sourceNumber}: show the cited passage`}
        >
          {m.sourceNumber}
        </a>
      ))}
    </sup>
  );
}

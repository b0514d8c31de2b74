import type { Disagreement } from '../../disagree/types.js';
import type { StoryModel } from '../story-model.js';
import { formatDate, isoDate } from './format.js';

/**
 * "Where sources disagree": each fact the sources give different values for, each value with the
 * outlets that report it, when, and a link to the passage; "revised" where a later report replaced
 * a value, and the newsroom's call where an editor settled one.
 */
export function Disagreements({ model, items }: { model: StoryModel; items: readonly Disagreement[] }) {
  if (items.length === 0) return null;
  return (
    <section class="disagreements" id="disagreements" aria-labelledby="disagreements-heading">
      <h2 id="disagreements-heading">Where sources disagree</h2>
      <ul class="disagreement-list">
        {items.map((d) => (
          <li class="disagreement" data-status={d.status}>
            <h3>
              {d.detail}
              {d.status === 'revised' ? <span class="tag">revised</span> : null}
            </h3>
            <ul>
              {d.values.map((v, i) => (
                <li class="disagreement-value">
                  <strong>{v.value}</strong>
                  {d.status === 'revised' ? (
                    <span class="sans"> {i === 0 ? '(current)' : '(earlier figure, revised)'}</span>
                  ) : v.earlier ? (
                    <span class="sans"> (earlier figure)</span>
                  ) : null}{' '}
                  <span class="sans">
                    {v.sources.map((s, j) => {
                      const [marker] = model.markersOf([s.citation]);
                      return (
                        <>
                          {j > 0 ? '; ' : '— '}
                          {marker ? (
                            <a href={`#${marker.passageId}`} aria-label={`${s.outlet}: show the passage`}>
                              {s.outlet}
                            </a>
                          ) : (
                            s.outlet
                          )}
                          {s.published_at ? (
                            <>
                              {', '}
                              <time datetime={isoDate(new Date(s.published_at))}>
                                {formatDate(new Date(s.published_at))}
                              </time>
                            </>
                          ) : null}
                        </>
                      );
                    })}
                  </span>
                </li>
              ))}
            </ul>
            {d.settlement ? (
              <p class="newsroom-call">
                <strong>The newsroom’s call:</strong> {d.settlement.value}. {d.settlement.note}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { Disagreement } from '../../disagree/types.js';
import { CsrfField } from '../discuss/layout.js';

/**
 * The review page's "Where sources disagree": every disputed or revised fact of the version with
 * its values and outlets, the newsroom's call when there is one, and a form to settle the fact.
 */
export function DisagreementsReview({
  storyId,
  items,
  csrf,
}: {
  storyId: number;
  items: readonly Disagreement[];
  csrf: string;
}) {
  return (
    <section class="disagreements sans" aria-labelledby="disagreements-heading">
      <h2 id="disagreements-heading">Where sources disagree</h2>
      {items.length === 0 ? <p>The sources of this version agree on every fact we compare.</p> : null}
      {items.map((d, i) => (
        <div class="disagreement">
          <h3>
            {d.detail} <span class={`state state-${d.status}`}>{d.status}</span>
          </h3>
          <ul>
            {d.values.map((v, j) => (
              <li>
                <strong>{v.value}</strong>
                {d.status === 'revised'
                  ? j === 0
                    ? ' (current)'
                    : ' (superseded)'
                  : v.earlier
                    ? ' (earlier figure)'
                    : ''}{' '}
                — {v.sources.map((s) => s.outlet).join(', ')}
              </li>
            ))}
          </ul>
          {d.settlement ? (
            <p class="notice">
              The newsroom’s call: {d.settlement.value}. {d.settlement.note}
            </p>
          ) : null}
          <form method="post" action={`/admin/stories/${storyId}/settle`} class="stacked">
            <CsrfField token={csrf} />
            <input type="hidden" name="fact" value={d.key} />
            <fieldset>
              <legend>Settle: the value the newsroom stands by</legend>
              {d.values.map((v, j) => (
                <label>
                  <input
                    type="radio"
                    name="value"
                    value={v.key}
                    required
                    checked={d.settlement ? d.settlement.value_key === v.key : undefined}
                    id={`settle-${i}-${j}`}
                  />{' '}
                  {v.value}
                </label>
              ))}
            </fieldset>
            <label>
              Note for readers
              <textarea name="note" required minlength={3} maxlength={500} rows={2} />
            </label>
            <button type="submit">Settle</button>
          </form>
        </div>
      ))}
    </section>
  );
}

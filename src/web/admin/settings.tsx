import { Hono } from 'hono';
import { type EndpointCheck, testModelEndpoint } from '../../admin/model-endpoint.js';
import { guardedFetch } from '../../ingest/fetch/guarded-fetch.js';
import { saveSettings } from '../../admin/settings.js';
import { editableOf, type FieldErrors } from '../../admin/settings-schema.js';
import { maskSecret } from '../../lib/secret-box.js';
import type { AccountContext, AccountEnv } from '../auth/context.js';
import type { AdminDeps } from './deps.js';
import {
  actorOf,
  consolePage,
  describedBy,
  Field,
  FieldFrame,
  formFields,
  type Outcome,
  PostForm,
} from './shared.js';

type FormValues = Record<string, string | number | string[] | undefined>;

function Choice({
  name,
  label,
  value,
  options,
  error,
}: {
  name: string;
  label: string;
  value: unknown;
  options: [string, string][];
  error?: string;
}) {
  return (
    <fieldset class="field" aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{label}</legend>
      {options.map(([option, text]) => (
        <label class="choice">
          <input type="radio" name={name} value={option} checked={value === option} /> {text}
        </label>
      ))}
      {error ? (
        <small id={`${name}-error`} class="field-error">
          {error}
        </small>
      ) : null}
    </fieldset>
  );
}

function Words({
  name,
  label,
  value,
  error,
}: {
  name: string;
  label: string;
  value: unknown;
  error?: string;
}) {
  const text = Array.isArray(value) ? value.join(', ') : String(value ?? '');
  const hint = 'Separate words with commas or new lines.';
  return (
    <FieldFrame name={name} label={label} error={error} hint={hint}>
      <textarea
        id={`f-${name}`}
        name={name}
        rows={2}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, error, hint)}
      >
        {text}
      </textarea>
    </FieldFrame>
  );
}

/** `/admin/settings`: what editors tune without a restart, saved in the database. */
export function settingsSection(deps: AdminDeps): Hono<AccountEnv> {
  const app = new Hono<AccountEnv>();
  // The connection test reaches only what the writer may reach: the same address guard as feeds.
  const outbound = guardedFetch(deps.config.fetchAllow);

  async function page(
    c: AccountContext,
    outcome: Outcome = {},
    input?: FormValues,
    errors: FieldErrors = {},
    check?: EndpointCheck,
  ) {
    const live = await deps.settings.fresh();
    const v: FormValues = input ?? editableOf(live);
    const hasKey = Boolean(live.config.llmApiKey);
    const fieldCount = Object.keys(errors).length;
    return consolePage(
      c,
      deps,
      'Settings',
      <>
        <h1>Settings</h1>
        <p class="meta">
          Saved here, these override the configuration file and environment, and apply without a restart
          (other processes within a few seconds).
        </p>
        {fieldCount ? (
          <p role="alert" class="error">
            {fieldCount === 1 ? 'One setting needs' : `${fieldCount} settings need`} fixing; see the messages
            below.
          </p>
        ) : null}
        <PostForm c={c} action="/admin/settings" class="stack settings">
          <h2>Site</h2>
          <Field
            name="siteName"
            label="Site name"
            value={v.siteName as string}
            error={errors.siteName}
            attrs={{ required: true, maxlength: 80 }}
          />
          <Field
            name="siteDescription"
            label="Description (search engines and link previews)"
            value={v.siteDescription as string}
            error={errors.siteDescription}
            attrs={{ maxlength: 300 }}
          />
          <h2>Publishing</h2>
          <Choice
            name="publishPolicy"
            label="Publish policy"
            value={v.publishPolicy}
            error={errors.publishPolicy}
            options={[
              ['auto', 'Automatic: publish versions whose quotes and figures verify'],
              ['review', 'Review: hold every version for an editor'],
            ]}
          />
          <Choice
            name="writer"
            label="Writer"
            value={v.writer}
            error={errors.writer}
            options={[
              ['extractive', 'Extractive (no model, offline)'],
              ['llm', 'Model at the endpoint below'],
            ]}
          />
          <Field
            name="llmBaseUrl"
            label="Model endpoint (OpenAI-compatible base URL)"
            value={v.llmBaseUrl as string}
            error={errors.llmBaseUrl}
            attrs={{ placeholder: 'http://127.0.0.1:11434/v1', inputmode: 'url' }}
          />
          <Field name="llmModel" label="Model" value={v.llmModel as string} error={errors.llmModel} />
          <Field
            name="llmApiKey"
            label="API key"
            type="password"
            error={errors.llmApiKey}
            hint={
              hasKey
                ? `A key is set (${maskSecret(live.config.llmApiKey!)}). Leave empty to keep it; a new endpoint needs its key entered again.`
                : 'No key is set.'
            }
            attrs={{ autocomplete: 'off' }}
          />
          {hasKey ? (
            <p class="field">
              <label>
                <input type="checkbox" name="clearApiKey" /> Remove the stored key
              </label>
            </p>
          ) : null}
          <h2>Clustering</h2>
          <Field
            name="clusterThreshold"
            label="Join threshold (0–1)"
            type="number"
            value={v.clusterThreshold as number}
            error={errors.clusterThreshold}
            attrs={{ step: 'any', min: 0, max: 1 }}
          />
          <Field
            name="clusterMergeThreshold"
            label="Merge threshold (0–1)"
            type="number"
            value={v.clusterMergeThreshold as number}
            error={errors.clusterMergeThreshold}
            attrs={{ step: 'any', min: 0, max: 1 }}
          />
          <Field
            name="clusterWindowHours"
            label="Time window (hours)"
            type="number"
            value={v.clusterWindowHours as number}
            error={errors.clusterWindowHours}
            attrs={{ step: 'any', min: 1 }}
          />
          <h2>Comments</h2>
          <Field
            name="commentsCloseAfterDays"
            label="Close comments after (days; 0: never)"
            type="number"
            value={v.commentsCloseAfterDays as number}
            error={errors.commentsCloseAfterDays}
            attrs={{ min: 0 }}
          />
          <Field
            name="commentsHeldForNewAccounts"
            label="Premoderation: first comments held per new account"
            type="number"
            value={v.commentsHeldForNewAccounts as number}
            error={errors.commentsHeldForNewAccounts}
            attrs={{ min: 0 }}
          />
          <Words
            name="bannedWords"
            label="Banned words (comment rejected)"
            value={v.bannedWords}
            error={errors.bannedWords}
          />
          <Words
            name="suspectWords"
            label="Suspect words (comment held for a moderator)"
            value={v.suspectWords}
            error={errors.suspectWords}
          />
          <p>
            <button type="submit">Save settings</button>
          </p>
        </PostForm>
        <h2 id="test">Test the model endpoint</h2>
        <PostForm c={c} action="/admin/settings/test-connection" class="stack">
          <p class="meta">Uses the endpoint, model and key saved above (save first to test new values).</p>
          <button type="submit">Test connection</button>
        </PostForm>
        {check ? (
          <section id="test-result" class="notice" aria-live="polite">
            <p role={check.ok ? 'status' : 'alert'}>
              <strong>{check.ok ? 'Success' : 'Failed'}</strong> ({check.ms} ms): {check.message}
            </p>
            {check.models.length ? <p class="meta">Models: {check.models.join(', ')}</p> : null}
          </section>
        ) : null}
      </>,
      outcome,
    );
  }

  app.get('/settings', (c) =>
    page(c, { notice: c.req.query('done') === 'saved' ? 'Settings saved; they apply now.' : null }),
  );

  app.post('/settings', async (c) => {
    const fields = await formFields(c);
    const result = await saveSettings(deps.settings, actorOf(c).id, fields);
    if (result.ok) return c.redirect('/admin/settings?done=saved', 303);
    return page(c, { status: 400 }, fields, result.errors);
  });

  app.post('/settings/test-connection', async (c) => {
    const { config } = await deps.settings.fresh();
    const check = config.llmBaseUrl
      ? await testModelEndpoint(
          { baseUrl: config.llmBaseUrl, model: config.llmModel, apiKey: config.llmApiKey },
          { fetchImpl: outbound },
        )
      : { ok: false, message: 'No endpoint is set: enter one above and save first.', models: [], ms: 0 };
    return page(c, {}, undefined, {}, check);
  });

  return app;
}

import { commentParagraphs } from '../../discuss/text.js';
import type { Thread, ThreadNode } from '../../discuss/thread.js';
import type { Viewer } from '../auth/context.js';
import { CsrfField, Message } from './layout.js';
import { reasonText } from './messages.js';

/** Everything the Thoughts section needs to render. */
export interface ThoughtsProps {
  storyId: number;
  thread: Thread;
  viewer: Viewer | null;
  csrf: string;
  open: boolean;
  /** The page the forms come back to (the story page, or the standalone thread page). */
  returnTo: string;
  editMinutes: number;
  now: Date;
  notice?: string | null;
  error?: string | null;
  draft?: string;
}

function Body({ body }: { body: string }) {
  return (
    <>
      {commentParagraphs(body).map((segments) => (
        <p>
          {segments.map((s) =>
            'href' in s ? (
              <a href={s.href} rel="nofollow ugc noopener" target="_blank">
                {s.text}
              </a>
            ) : (
              s.text
            ),
          )}
        </p>
      ))}
    </>
  );
}

function CommentForm(props: ThoughtsProps & { parentId?: number; label: string }) {
  return (
    <form method="post" action={`/discuss/${props.storyId}/comments`} class="comment-form">
      <CsrfField token={props.csrf} />
      <input type="hidden" name="return" value={props.returnTo} />
      <input type="hidden" name="rendered_at" value={String(props.now.getTime())} />
      {props.parentId ? <input type="hidden" name="parent_id" value={String(props.parentId)} /> : null}
      {/* Left empty by people; bots fill every field. */}
      <div hidden aria-hidden="true">
        <label>
          Leave this empty <input name="website" tabindex={-1} autocomplete="off" />
        </label>
      </div>
      <label>
        {props.label}
        <textarea name="body" rows={props.parentId ? 3 : 5} required maxlength={10000}>
          {props.parentId ? '' : (props.draft ?? '')}
        </textarea>
      </label>
      <button type="submit">{props.parentId ? 'Reply' : 'Post'}</button>
    </form>
  );
}

function ActionButton(props: {
  action: string;
  csrf: string;
  returnTo: string;
  label: string;
  extra?: Record<string, string>;
}) {
  return (
    <form method="post" action={props.action} class="inline">
      <CsrfField token={props.csrf} />
      <input type="hidden" name="return" value={props.returnTo} />
      <button type="submit">{props.label}</button>
    </form>
  );
}

function CommentView({ node, props }: { node: ThreadNode; props: ThoughtsProps }) {
  const { viewer, csrf, returnTo } = props;
  const own = viewer?.id === node.user_id;
  const deleted = node.status === 'deleted';
  const editable =
    own && !deleted && props.now.getTime() - node.created_at.getTime() < props.editMinutes * 60_000;
  const id = Number(node.id);
  return (
    <article id={`comment-${id}`} class="comment" data-status={node.status}>
      <header>
        <strong class="author">{deleted ? 'Deleted' : node.author_name}</strong>{' '}
        <time datetime={node.created_at.toISOString()}>
          {node.created_at.toISOString().slice(0, 16).replace('T', ' ')}
        </time>
        {node.edited_at && !deleted ? <span class="edited"> (edited)</span> : null}
        {node.status === 'pending' ? (
          <em class="pending"> Awaiting approval: {reasonText(node.reason)}</em>
        ) : null}
      </header>
      {deleted ? <p class="deleted">This comment was deleted.</p> : <Body body={node.body} />}
      {!deleted && node.status === 'visible' ? (
        <footer>
          <span class="likes">
            {node.like_count} {node.like_count === 1 ? 'like' : 'likes'}
          </span>
          {viewer ? (
            <>
              <ActionButton
                action={`/discuss/comments/${id}/like`}
                csrf={csrf}
                returnTo={returnTo}
                label={node.liked_by_viewer ? 'Unlike' : 'Like'}
              />
              {props.open ? (
                <details>
                  <summary>Reply</summary>
                  <CommentForm {...props} parentId={id} label={`Reply to ${node.author_name}`} />
                </details>
              ) : null}
              {!own ? (
                <a href={`/discuss/comments/${id}/report?return=${encodeURIComponent(returnTo)}`}>Report</a>
              ) : null}
            </>
          ) : null}
          {editable ? (
            <a href={`/discuss/comments/${id}/edit?return=${encodeURIComponent(returnTo)}`}>Edit</a>
          ) : null}
          {own ? (
            <ActionButton
              action={`/discuss/comments/${id}/delete`}
              csrf={csrf}
              returnTo={returnTo}
              label="Delete"
            />
          ) : null}
        </footer>
      ) : null}
      {node.replies.length ? (
        <div class="replies">
          {node.replies.map((reply) => (
            <CommentView node={reply} props={props} />
          ))}
        </div>
      ) : null}
    </article>
  );
}

function pageLink(props: ThoughtsProps, page: number, sort = props.thread.sort): string {
  const url = new URL(props.returnTo, 'http://x');
  url.searchParams.set('sort', sort);
  url.searchParams.set('page', String(page));
  return `${url.pathname}${url.search}#thoughts`;
}

/** The "Thoughts" section of a story: sort links, the thread, pagination and the comment form. */
export function Thoughts(props: ThoughtsProps) {
  const { thread, viewer } = props;
  const signIn = `/sign-in?next=${encodeURIComponent(`${props.returnTo}#thoughts`)}`;
  return (
    <section id="thoughts" aria-labelledby="thoughts-heading">
      <h2 id="thoughts-heading">Thoughts ({thread.total})</h2>
      <Message text={props.notice} />
      <Message text={props.error} kind="error" />
      <nav aria-label="Sort comments">
        {(['newest', 'oldest', 'liked'] as const).map((sort) =>
          sort === thread.sort ? (
            <strong>{sort === 'liked' ? 'Most liked' : sort[0]!.toUpperCase() + sort.slice(1)} </strong>
          ) : (
            <a href={pageLink(props, 1, sort)}>
              {sort === 'liked' ? 'Most liked' : sort[0]!.toUpperCase() + sort.slice(1)}{' '}
            </a>
          ),
        )}
      </nav>
      {!props.open ? (
        <p class="closed">Comments are closed on this story.</p>
      ) : viewer ? (
        <CommentForm {...props} label="Your thoughts" />
      ) : (
        <p>
          <a href={signIn}>Sign in to join the conversation</a>
        </p>
      )}
      {thread.comments.length === 0 ? (
        <p>No thoughts yet.</p>
      ) : (
        thread.comments.map((node) => <CommentView node={node} props={props} />)
      )}
      {thread.pages > 1 ? (
        <nav aria-label="Comment pages">
          {thread.page > 1 ? (
            <a href={pageLink(props, thread.page - 1)} rel="prev">
              Previous page
            </a>
          ) : null}{' '}
          Page {thread.page} of {thread.pages}{' '}
          {thread.page < thread.pages ? (
            <a href={pageLink(props, thread.page + 1)} rel="next">
              Next page
            </a>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}

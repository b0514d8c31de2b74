/**
 * The comment area under a story. The story page is cached for everyone, so the live thread (with
 * who is signed in) is on its own page, /stories/:slug/thoughts (src/web/discuss).
 */
export function Thoughts({ slug }: { slug: string }) {
  const thread = `/stories/${slug}/thoughts`;
  return (
    <section id="thoughts" aria-labelledby="thoughts-heading">
      <h2 id="thoughts-heading">Thoughts</h2>
      <p class="sans">
        <a href={`${thread}#thoughts`}>Read the thoughts on this story</a> ·{' '}
        <a href={`/sign-in?next=${encodeURIComponent(`${thread}#thoughts`)}`}>
          Sign in to join the conversation
        </a>
      </p>
      <p class="sans">
        <a href={`/discuss/${slug}/inaccuracy?return=${encodeURIComponent(`/stories/${slug}`)}`}>
          Report a sentence you believe is wrong
        </a>
      </p>
    </section>
  );
}

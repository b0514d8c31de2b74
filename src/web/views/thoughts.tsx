/** The comment area under a story. Reading is open; posting needs an account (the discuss module fills this in). */
export function Thoughts({ slug }: { slug: string }) {
  return (
    <section id="thoughts" aria-labelledby="thoughts-heading">
      <h2 id="thoughts-heading">Thoughts</h2>
      <p class="sans">
        <a href={`/signin?next=${encodeURIComponent(`/stories/${slug}#thoughts`)}`}>
          Sign in to join the conversation
        </a>
      </p>
    </section>
  );
}

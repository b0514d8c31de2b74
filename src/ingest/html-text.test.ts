import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text.js';

describe('htmlToText', () => {
  // Each row gives what a walk of linkedom's document.body yields for the fragment (the text this
  // function produced before it read the parser's events directly), so stored hashes stay valid.
  it.each([
    [
      'paragraphs and line breaks',
      '<p>One <b>bold</b> line</p><p>Two<br>three</p>',
      'One bold line\nTwo\nthree',
    ],
    ['entities', '<p>Fish &amp; chips &lt;3 &#x41;&nbsp;B &bogus;</p>', 'Fish & chips <3 A B &bogus;'],
    ['skipped elements', '<p>a<script>x()</script><style>p{}</style><svg><text>s</text></svg>b</p>', 'ab'],
    ['unclosed and nested blocks', '<ul><li>one<li>two</ul><div><p>three</div>four', 'one\ntwo\nthree\nfour'],
    ['a stray </body> ends the body', '<p>kept</p></body><p>lost</p>', 'kept'],
    ['comments and CDATA', 'a<!-- hidden -->b<![CDATA[ c ]]>d', 'abd'],
    ['white space', '  <p>  spaced \n\t out  </p>\n\n<p></p>', 'spaced\nout'],
    ['a nested head is skipped', '<head><title>t</title></head><p>body</p>', 'body'],
  ])('reads %s', (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

"""
Embedded videos, end to end.

1. `syntax`: an editor writes `!video[title](address)`; rendering (once per file) accepts only the
   allowlisted players, leaves an empty slot in the HTML and, after sanitizing, splits the body
   around the slots (`Rendered.parts`). The sanitizer never lets iframes or forms through.
2. `templates/embeds/embed.html`: the article template fills each slot per response: a placeholder
   (a link, and a one-click "load" button that says what loading shares) until the visitor accepts
   external media, then the player. The button posts an ordinary consent choice
   (`external_media` to `consent:choose`); memoized pages differ only by the page variant.
3. `middleware`: the Content-Security-Policy lets a page frame the players only for visitors who
   accepted external media.

This package reads the consent contract (`request.consent`) and imports neither `articles` nor
`consent`.
"""

/**
 * The report's stylesheet, inlined into every HTML report (the CSP allows
 * inline styles only). Calm newsroom typography: a serif reading face, a sans
 * for labels, one accent colour, verdict badges toned from red to green. The
 * print rules keep each statement whole, keep headings with what follows, and
 * give the dispute map a page of its own when it is large.
 */
export const REPORT_CSS = `
:root { --ink: #1b1b1b; --muted: #5f5f5f; --rule: #d9d4c7; --paper: #fffdf8; --accent: #1f3a5f; --hl: #fbe7a1; }
* { box-sizing: border-box; }
html { background: #f1eee6; }
body { margin: 0; color: var(--ink); font: 17px/1.55 Georgia, "Iowan Old Style", "Source Serif Pro", "Times New Roman", serif; }
.report { max-width: 50rem; margin: 2rem auto; padding: 2.5rem 3rem 2rem; background: var(--paper); box-shadow: 0 1px 3px rgba(0,0,0,.12); }
h1, h2, h3, h4, .kicker, dt, th, caption, .verdict, .dispute-no, .statement-head, .note-label, .tag, .flag, figcaption, .in-article, .colophon, .byline { font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; }
h1 { font-size: 2.05rem; line-height: 1.18; margin: .2rem 0 .7rem; letter-spacing: -.01em; }
h2 { font-size: 1.05rem; text-transform: uppercase; letter-spacing: .08em; color: var(--accent); border-top: 2px solid var(--ink); padding-top: .55rem; margin: 2.4rem 0 1rem; }
h3 { font-size: 1rem; margin: 1.4rem 0 .5rem; }
h4 { font-size: .82rem; text-transform: uppercase; letter-spacing: .06em; margin: 1.2rem 0 .4rem; padding-left: .5rem; border-left: 4px solid var(--rule); }
p { margin: .5rem 0; }
a { color: var(--accent); }
.muted { color: var(--muted); }
.kicker { margin: 0; font-size: .78rem; font-weight: 700; letter-spacing: .16em; text-transform: uppercase; color: #a11d21; }
.dek { font-size: 1.12rem; color: #333; margin: 0 0 1rem; font-style: italic; }
.byline { display: flex; flex-wrap: wrap; gap: .3rem 2rem; font-size: .85rem; margin: 0; padding: .6rem 0; border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); }
.byline div { display: flex; gap: .4rem; }
.byline dt { color: var(--muted); }
.byline dd { margin: 0; font-weight: 600; }
.article-meta dl { display: grid; grid-template-columns: 11rem 1fr; gap: .25rem 1rem; margin: 0; font-size: .92rem; }
.article-meta dl div { display: contents; }
.article-meta dt { color: var(--muted); font-size: .8rem; padding-top: .15rem; }
.article-meta dd { margin: 0; overflow-wrap: anywhere; }
.hash code { font: .78rem/1.4 "DejaVu Sans Mono", Menlo, Consolas, monospace; color: #333; word-break: break-all; }
.summary-tables { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 1.5rem 3rem; }
table { border-collapse: collapse; font-size: .92rem; }
caption { text-align: left; font-size: .78rem; font-weight: 700; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); padding-bottom: .35rem; }
th, td { text-align: left; padding: .3rem .9rem .3rem 0; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { font-size: .78rem; color: var(--muted); font-weight: 600; }
tfoot th { color: var(--ink); border-bottom: none; border-top: 1.5px solid var(--ink); }
.num { text-align: right; font-variant-numeric: tabular-nums; padding-left: 1rem; padding-right: .2rem; }
.scale .num { padding-right: 1.2rem; }
.kind-dot { display: inline-block; width: .6rem; height: .6rem; border-radius: 50%; margin-right: .45rem; }
.verdict { display: inline-block; padding: .12rem .55rem; border-radius: 3px; font-size: .78rem; font-weight: 700; letter-spacing: .03em; color: #fff; white-space: nowrap; }
.verdict.tone-5, .verdict-box.tone-5 { --tone: #2e7d32; }
.verdict.tone-4, .verdict-box.tone-4 { --tone: #5b8c2a; }
.verdict.tone-3, .verdict-box.tone-3 { --tone: #8a6d00; }
.verdict.tone-2, .verdict-box.tone-2 { --tone: #c15500; }
.verdict.tone-1, .verdict-box.tone-1 { --tone: #b3261e; }
.verdict { background: var(--tone, #777); }
.verdict.unrated { background: #fff; color: var(--muted); border: 1px solid #aaa; }
.unanswered { padding-left: 1.2rem; font-size: .95rem; }
.map figure { margin: 0; }
.map-frame { overflow-x: auto; border: 1px solid var(--rule); background: #fff; padding: .5rem; }
.dispute-map { display: block; max-width: 100%; height: auto; margin: 0 auto; font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; }
figcaption { font-size: .8rem; color: var(--muted); margin-top: .5rem; line-height: 1.5; }
.legend-item { white-space: nowrap; margin-right: .7rem; }
.legend-line { display: inline-block; width: 1.4rem; border-top: 2px solid; vertical-align: middle; margin-right: .3rem; }
.dispute { border-top: 1px solid var(--rule); padding: 1.1rem 0 1.4rem; }
.dispute:first-of-type { border-top: none; padding-top: 0; }
.dispute-head { display: flex; align-items: center; justify-content: space-between; gap: 1rem; }
.dispute-no { margin: 0; font-size: .8rem; font-weight: 700; text-transform: uppercase; letter-spacing: .1em; color: var(--accent); }
blockquote { margin: .6rem 0; padding: .1rem 0 .1rem 1rem; border-left: 3px solid var(--rule); }
blockquote p { white-space: pre-line; }
.in-context { border-left-color: var(--accent); color: #444; font-size: 1.02rem; }
mark { background: var(--hl); color: var(--ink); font-weight: 600; padding: 0 .1em; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.attribution { font-size: .95rem; margin-top: .2rem; }
.verdict-box { margin: .9rem 0; padding: .7rem 1rem; background: #f7f5ef; border-left: 5px solid var(--tone, #999); }
.verdict-box.unrated { --tone: #bbb; }
.verdict-head { margin: 0 0 .2rem; font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; font-size: .95rem; }
.verdict-head strong { color: var(--tone, var(--ink)); }
.scale-meaning { margin-top: 0; font-size: .85rem; color: var(--muted); font-style: italic; }
.note { margin: .5rem 0; font-size: .93rem; }
.note-label { display: block; font-size: .72rem; font-weight: 700; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.note p { margin: .15rem 0; }
.tags { margin: .35rem 0; }
.tag { display: inline-block; font-size: .72rem; padding: .05rem .45rem; border: 1px solid var(--rule); border-radius: 999px; color: #444; background: #fff; }
.flag { font-size: .7rem; font-weight: 700; color: #a11d21; text-transform: none; letter-spacing: 0; margin-left: .4rem; }
.statements { list-style: none; padding: 0; margin: 0; }
.statement { padding: .45rem 0 .55rem .2rem; border-bottom: 1px dotted var(--rule); }
.statement:last-child { border-bottom: none; }
.statement-head { margin: 0; font-size: .85rem; }
.statement-head .kind { font-weight: 700; text-transform: uppercase; font-size: .74rem; letter-spacing: .06em; }
.statement blockquote { font-size: .98rem; }
.statement-links-list { list-style: none; padding: 0; margin: 0; }
.statement-link { padding: .6rem 0 .8rem; border-bottom: 1px solid var(--rule); }
.statement-link:last-child { border-bottom: none; }
.link-relation { margin: .1rem 0 .1rem .6rem; padding-left: .6rem; border-left: 3px solid var(--rule); font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; font-size: .8rem; font-weight: 700; text-transform: uppercase; letter-spacing: .06em; }
.flag.changed { color: #8a4b00; background: #fff3d6; padding: 0 .3rem; border-radius: 3px; }
.as-marked { margin: .3rem 0 .5rem; font-size: .9rem; color: #5a3b00; }
.in-article { font-size: .78rem; color: var(--muted); margin: .2rem 0; }
.scale td:last-child { color: #333; }
.colophon { margin-top: 2.5rem; padding-top: .6rem; border-top: 1px solid var(--rule); font-size: .75rem; color: var(--muted); }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  html { background: #fff; }
  body { font-size: 10.5pt; }
  .report { max-width: none; margin: 0; padding: 0; box-shadow: none; background: #fff; }
  h2, h3, h4, .dispute-head { break-after: avoid; page-break-after: avoid; }
  .statement, .statement-link, .verdict-box, blockquote, tr, .article-meta, .summary-tables table { break-inside: avoid; page-break-inside: avoid; }
  .map { break-inside: avoid; page-break-inside: avoid; }
  .map-frame { overflow: visible; border: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .verdict, .verdict-box, mark, .kind-dot { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`.trim();

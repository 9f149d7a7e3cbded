/**
 * The Markdown report: the HTML report's content in CommonMark (with GFM
 * tables), for pasting into a CMS or a pull request. The dispute map becomes a
 * list of links, since Markdown has no safe way to carry the SVG.
 *
 * Every piece of session text goes through {@link escapeMarkdown}, so a note
 * cannot open a link, inject HTML or break a table.
 */
import type { Speaker } from '../model/session';
import { ANCHOR_STATUS_LABELS, RELATION_LABELS } from '../model/vocabulary';
import type { AnnotationView, Dispute, ReportModel, StatementLink } from './report-model';
import { authorsText, formatDate, formatDateTime, paragraphs } from './format-text';
import { plural } from '../text/words';
import { wrapQuote } from '../text/quote-marks';

/**
 * Escape inline text: backslash-escape the characters that start markup
 * anywhere (`\ ` * _ [ ] < > | ~ &`) and, at the start of a line, those that
 * start a block (`#`, `+`, `-`, `=`, `>`, `1.`). Newlines are kept.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/^([ \t]*)([#+\-=])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2');
}

/** Escaped text on one line (for table cells and headings). */
function oneLine(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}

/** Text as blockquote lines, paragraph breaks kept. */
function blockquote(text: string, indent = ''): string {
  return escapeMarkdown(text)
    .split('\n')
    .map((l) => `${indent}> ${l}`.trimEnd())
    .join('\n');
}

/** Quote lines with the quoted passage in bold and its context plain; each line of the passage is bolded on its own. */
function quoteInContext(before: string, exact: string, after: string, indent = ''): string {
  const em = exact
    .split('\n')
    .map((l) => (l.trim() ? `**${escapeMarkdown(l.trim())}**` : ''))
    .join('\n');
  return `${escapeMarkdown(before)}${em}${escapeMarkdown(after)}`
    .split('\n')
    .map((l) => `${indent}> ${l}`.trimEnd())
    .join('\n');
}

function prose(text: string, indent = ''): string {
  return paragraphs(text)
    .map((p) => indent + escapeMarkdown(p).replace(/\n/g, `  \n${indent}`))
    .join(`\n\n`);
}

function speakerText(s: Speaker | null): string {
  if (!s) return '*speaker not recorded*';
  const about = [s.role, s.organisation].filter((x) => x.trim()).join(', ');
  return `**${oneLine(s.name)}**${about ? `, ${oneLine(about)}` : ''}`;
}

function orNone(v: string): string {
  return v.trim() ? oneLine(v) : '*not recorded*';
}

/** The quote, shortened to 160 characters, in quotation marks (see {@link wrapQuote}), escaped. */
function shortQuote(v: AnnotationView): string {
  const q = v.annotation.target.quote.exact.replace(/\s+/g, ' ').trim();
  return oneLine(
    wrapQuote(q.length > 160 ? `${q.slice(0, 159).replace(/[\ud800-\udbff]$/, '')}…` : q),
  );
}

/** Render the Markdown report. Pure; same model as the HTML report. */
export function renderMarkdownReport(model: ReportModel): string {
  const out: string[] = [];
  const many = model.articles.length > 1;
  const claims = model.disputes.length;
  const titles = model.articles
    .map((a) => wrapQuote(a.article.meta.title || 'Untitled article'))
    .join(', ');
  out.push(`# Fact check: ${oneLine(model.title)}`);
  out.push(
    `*${oneLine(`${plural(claims, 'claim')} reviewed in ${titles}, with ${plural(model.summary.annotations - claims, 'statement')} and ${plural(model.summary.links, 'link')} between them.`)}*`,
  );
  out.push(
    [
      `**Reviewed by:** ${model.reviewers.length ? oneLine(model.reviewers.join(', ')) : '*not recorded*'}`,
      ...(model.team
        ? [
            `**Status:** ${oneLine(model.team.status)}`,
            `**Approved by:** ${model.team.approvedBy ? oneLine(`${model.team.approvedBy.name}, ${formatDateTime(model.team.approvedBy.at)}`) : '*not approved yet*'}`,
          ]
        : []),
      `**Report generated:** ${formatDateTime(model.generatedAt)}`,
    ].join('  \n'),
  );

  out.push(many ? '## The articles' : '## The article');
  for (const ref of model.articles) {
    const m = ref.article.meta;
    if (many) out.push(`### Article ${ref.number}`);
    out.push(
      [
        '| | |',
        '|---|---|',
        `| Title | ${orNone(m.title)} |`,
        `| Outlet | ${orNone(m.outlet)} |`,
        ...(m.byline ? [`| Byline | ${oneLine(m.byline)} |`] : []),
        `| Published | ${m.date ? formatDate(m.date) : '*not recorded*'} |`,
        `| Source URL | ${orNone(m.url)} |`,
        `| SHA-256 of the text | \`${ref.article.sha256}\` |`,
        `| Annotations | ${ref.annotationCount} |`,
      ].join('\n'),
    );
  }

  out.push('## Summary');
  out.push('### Claims by verdict');
  const rows = model.summary.verdicts.filter((v) => v.count > 0);
  out.push(
    [
      '| Verdict | Claims |',
      '|---|--:|',
      ...rows.map((v) => `| ${oneLine(v.label)} | ${v.count} |`),
      `| **Total** | **${claims}** |`,
    ].join('\n'),
  );
  out.push('### Annotations by kind');
  out.push(
    [
      '| Kind | Count |',
      '|---|--:|',
      ...model.summary.kinds.map((k) => `| ${k.label} | ${k.count} |`),
      `| **Total** | **${model.summary.annotations}** |`,
    ].join('\n'),
  );
  out.push('### Claims still without a counter-statement or evidence');
  out.push(
    model.summary.unanswered.length
      ? model.summary.unanswered
          .map(
            (d) =>
              `- Claim ${d.number}${anchorFlagMd(d.claim)}: ${shortQuote(d.claim)}${d.claim.speaker ? ` (${oneLine(d.claim.speaker.name)})` : ''}`,
          )
          .join('\n')
      : claims
        ? 'None: every claim has at least one counter-statement or piece of evidence linked to it.'
        : 'There are no claims in this review.',
  );

  out.push('## Dispute map');
  const edges = model.disputes.flatMap((d) =>
    d.groups.flatMap((g) =>
      g.items.map((it) => {
        const other = `${it.other.kindLabel}${it.other.speaker ? ` by ${oneLine(it.other.speaker.name)}` : ''}${anchorFlagMd(it.other)} ${shortQuote(it.other)}`;
        const rel = RELATION_LABELS[it.link.relation];
        const edge =
          g.direction === 'in'
            ? `- ${other} → *${rel}* → Claim ${d.number}`
            : `- Claim ${d.number} → *${rel}* → ${other}`;
        return it.link.note.trim() ? `${edge}  \n  *Link note:* ${oneLine(it.link.note)}` : edge;
      }),
    ),
  );
  out.push(edges.length ? edges.join('\n') : '*No links yet.*');

  out.push('## The claims');
  if (!claims) out.push('*No claims have been marked.*');
  for (const d of model.disputes) out.push(disputeMd(d, many));

  if (model.statementLinks.length) {
    out.push('## Links between statements');
    out.push(
      '*Links that join two marked passages, neither of them a claim, read from top to bottom.*',
    );
    out.push(model.statementLinks.map((sl) => statementLinkMd(sl, many)).join('\n\n'));
  }

  if (model.unlinked.length) {
    out.push('## Other marked passages');
    out.push('*Statements, evidence and context that are not linked to any claim.*');
    out.push(model.unlinked.map((v) => statementMd(v, '', many)).join('\n\n'));
  }

  out.push('## Orphaned annotations');
  out.push(
    model.orphans.length
      ? [
          '*These passages were not found in the current text of their article (it changed after they were marked). They are kept exactly as the reviewer marked them.*',
          model.orphans.map((v) => statementMd(v, '', many)).join('\n\n'),
        ].join('\n\n')
      : '*None: every annotation was found in its article’s text.*',
  );

  out.push('## Methodology');
  out.push(prose(model.methodology) || '*No methodology note was written for this review.*');
  out.push(`### Rating scale: ${oneLine(model.scale.name)}`);
  out.push(`Values run from ${model.scale.worst} (worst) to ${model.scale.best} (best).`);
  const steps = [...model.scale.steps].sort((a, b) => b.value - a.value);
  out.push(
    [
      '| Verdict | Value | Meaning |',
      '|---|--:|---|',
      ...steps.map((s) => `| ${oneLine(s.label)} | ${s.value} | ${oneLine(s.description)} |`),
    ].join('\n'),
  );
  out.push('---');
  out.push(
    `*Generated by Factcheck Workbench on ${formatDateTime(model.generatedAt)}. Quotations are exact; positions count Unicode code points in the article text identified by its SHA-256.*`,
  );
  return `${out.join('\n\n')}\n`;
}

function disputeMd(d: Dispute, many: boolean): string {
  const c = d.claim;
  const out: string[] = [];
  out.push(
    `### Claim ${d.number}: ${d.verdict ? oneLine(d.verdict.step.label) : 'not yet rated'}${c.orphaned ? ' (not found in the current text)' : c.annotation.target.status === 'changed' ? ` (${ANCHOR_STATUS_LABELS.changed.toLowerCase()})` : ''}`,
  );
  if (many)
    out.push(
      `*In article ${c.article.number}: ${oneLine(c.article.article.meta.title || 'Untitled article')}*`,
    );
  out.push(quoteInContext(c.before, c.annotation.target.quote.exact, c.after));
  out.push(...asMarkedMd(c));
  out.push(`Claimed by ${speakerText(c.speaker)}`);
  if (c.authors) out.push(`*${oneLine(authorsText(c.authors))}*`);
  if (d.verdict) {
    out.push(
      `**Verdict: ${oneLine(d.verdict.step.label)}.**${d.verdict.step.description ? ` *${oneLine(d.verdict.step.description)}*` : ''}`,
    );
    if (d.verdict.rationale.trim()) out.push(prose(d.verdict.rationale));
  }
  if (c.annotation.note.trim()) out.push(`**Reviewer’s note:**\n\n${prose(c.annotation.note)}`);
  if (c.annotation.tags.length) out.push(`Tags: ${c.annotation.tags.map(oneLine).join(', ')}`);
  if (!d.groups.length) out.push('*No statements are linked to this claim yet.*');
  for (const g of d.groups) {
    out.push(`#### ${g.heading}`);
    out.push(g.items.map((it) => statementMd(it.other, it.link.note, many)).join('\n\n'));
  }
  return out.join('\n\n');
}

/** A statement's head line (kind, speaker, anchor flag) without the list marker. */
function statementHead(v: AnnotationView): string {
  return `**${v.kindLabel}** · ${speakerText(v.speaker)}${anchorFlagMd(v)}`;
}

function anchorFlagMd(v: AnnotationView): string {
  if (v.orphaned) return ' *(not found in the current text)*';
  return v.annotation.target.status === 'changed'
    ? ` *(${ANCHOR_STATUS_LABELS.changed.toLowerCase()})*`
    : '';
}

/** For a `changed` anchor: the passage as it was marked (empty otherwise). */
function asMarkedMd(v: AnnotationView, indent = ''): string[] {
  const t = v.annotation.target;
  return t.status === 'changed' && t.was
    ? [
        `${indent}*Changed: the text now reads as quoted above; as marked it read* ${oneLine(wrapQuote(t.was))}`,
      ]
    : [];
}

/** One link between two statements: both passages, the relation between them, the link's note. */
function statementLinkMd(sl: StatementLink, many: boolean): string {
  const ind = '  ';
  const end = (v: AnnotationView) => [
    ...(many ? [`${ind}*In article ${v.article.number}*`] : []),
    blockquote(v.annotation.target.quote.exact, ind),
    ...asMarkedMd(v, ind),
  ];
  const parts = [
    `- ${statementHead(sl.from)}`,
    ...end(sl.from),
    `${ind}↓ ***${sl.label}*** ↓`,
    `${ind}${statementHead(sl.to)}`,
    ...end(sl.to),
  ];
  if (sl.link.note.trim()) parts.push(`${ind}*Link note:*\n\n${prose(sl.link.note, ind)}`);
  return parts.join('\n\n');
}

function statementMd(v: AnnotationView, linkNote: string, many: boolean): string {
  const a = v.annotation;
  const ind = '  ';
  const parts = [`- ${statementHead(v)}`];
  if (many) parts.push(`${ind}*In article ${v.article.number}*`);
  parts.push(
    v.orphaned
      ? quoteInContext(v.before, a.target.quote.exact, v.after, ind)
      : blockquote(a.target.quote.exact, ind),
  );
  parts.push(...asMarkedMd(v, ind));
  if (v.authors) parts.push(`${ind}*${oneLine(authorsText(v.authors))}*`);
  if (linkNote.trim()) parts.push(`${ind}*Link note:*\n\n${prose(linkNote, ind)}`);
  if (a.note.trim()) parts.push(`${ind}*Reviewer’s note:*\n\n${prose(a.note, ind)}`);
  if (a.tags.length) parts.push(`${ind}Tags: ${a.tags.map(oneLine).join(', ')}`);
  return parts.join('\n\n');
}

/**
 * The dispute map: an inline SVG graph of claims, the statements linked to
 * them and the typed links between them. elkjs (the Eclipse Layout Kernel,
 * layered algorithm) places the nodes and routes the edges; this module only
 * measures labels, builds the ELK graph and draws the result.
 *
 * Text is measured without a DOM by a per-character width estimate, so node
 * sizes are deterministic everywhere (Node, renderer, CLI). A map of
 * thousands of boxes helps nobody and layered layout is super-linear, so the
 * map holds at most {@link MAX_MAP_CLAIMS} disputes and {@link MAX_MAP_NODES}
 * nodes; the report says when it shows only part of the review.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { AnnotationKind, LinkRelation } from '../model/vocabulary';
import { RELATION_LABELS } from '../model/vocabulary';
import type { AnnotationView, Dispute } from './report-model';
import { escapeHtml } from './format-text';

/** Most disputes drawn in one map. */
export const MAX_MAP_CLAIMS = 30;
/** Most nodes (claims plus statements) drawn in one map. */
export const MAX_MAP_NODES = 90;

const NODE_WIDTH = 236;
const PAD_X = 10;
const LINE_HEIGHT = 15;
const HEAD_HEIGHT = 18;
const PAD_Y = 9;
/** Characters of 12px sans text per line of a node (≈6.3px per character). */
const CHARS_PER_LINE = 35;
const QUOTE_LINES = 3;
const LABEL_CHAR_WIDTH = 6.1;

export const KIND_COLOURS: Record<AnnotationKind, string> = {
  claim: '#1f3a5f',
  'counter-statement': '#8c2f1b',
  evidence: '#2f6b3b',
  context: '#5d5d5d',
};

export const RELATION_COLOURS: Record<LinkRelation, string> = {
  contradicts: '#b3261e',
  supports: '#2e7d32',
  'partially-addresses': '#a15c00',
  'responds-to': '#455a64',
  'same-claim-as': '#5e35b1',
};

export interface DisputeMap {
  /** The `<svg>` element, or `''` when there is nothing to draw. */
  svg: string;
  /** Disputes drawn, and how many there are in all. */
  shownDisputes: number;
  totalDisputes: number;
  /** False when the caps left disputes or statements out of the map. */
  complete: boolean;
}

interface MapEdge {
  from: string;
  to: string;
  relation: LinkRelation;
  note: string;
}

interface MapNode {
  view: AnnotationView;
  lines: string[];
  verdict: string | null;
}

/** Lay out and draw the map of the given disputes. Deterministic for the same input. */
export async function renderDisputeMap(disputes: readonly Dispute[]): Promise<DisputeMap> {
  const nodes = new Map<string, MapNode>();
  const edges = new Map<string, MapEdge>();
  let shown = 0;
  let complete = true;
  for (const d of disputes) {
    if (shown >= MAX_MAP_CLAIMS || nodes.size >= MAX_MAP_NODES) {
      complete = false;
      break;
    }
    const claimId = d.claim.annotation.id;
    if (!nodes.has(claimId))
      nodes.set(claimId, mapNode(d.claim, d.verdict?.step.label ?? 'Not yet rated'));
    for (const g of d.groups)
      for (const it of g.items) {
        const id = it.other.annotation.id;
        if (!nodes.has(id)) {
          if (nodes.size >= MAX_MAP_NODES) {
            complete = false;
            continue;
          }
          nodes.set(id, mapNode(it.other, null));
        }
        edges.set(it.link.id, {
          from: it.link.from,
          to: it.link.to,
          relation: it.link.relation,
          note: it.link.note,
        });
      }
    shown++;
  }
  if (nodes.size === 0)
    return { svg: '', shownDisputes: 0, totalDisputes: disputes.length, complete };

  const ids = new Map<string, string>();
  let k = 0;
  for (const id of nodes.keys()) ids.set(id, `n${k++}`);
  const drawn = [...edges.values()].filter((e) => ids.has(e.from) && ids.has(e.to));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '110',
      'elk.spacing.nodeNode': '22',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.padding': '[top=12,left=12,bottom=12,right=12]',
      'elk.randomSeed': '1',
    },
    children: [...nodes.entries()].map(([id, n]) => ({
      id: ids.get(id)!,
      width: NODE_WIDTH,
      height: nodeHeight(n),
    })),
    edges: drawn.map((e, i): ElkExtendedEdge => ({
      id: `e${i}`,
      sources: [ids.get(e.from)!],
      targets: [ids.get(e.to)!],
      labels: [
        {
          text: RELATION_LABELS[e.relation],
          width: labelWidth(RELATION_LABELS[e.relation]),
          height: 14,
        },
      ],
    })),
  };
  const laid = await new ELK().layout(graph);
  const svg = drawSvg(laid, [...nodes.values()], drawn);
  return { svg, shownDisputes: shown, totalDisputes: disputes.length, complete };
}

function mapNode(view: AnnotationView, verdict: string | null): MapNode {
  return {
    view,
    lines: wrap(view.annotation.target.quote.exact, CHARS_PER_LINE, QUOTE_LINES),
    verdict,
  };
}

function nodeHeight(n: MapNode): number {
  return PAD_Y * 2 + HEAD_HEIGHT + n.lines.length * LINE_HEIGHT + (n.verdict ? LINE_HEIGHT + 4 : 0);
}

function labelWidth(text: string): number {
  return Math.ceil(text.length * LABEL_CHAR_WIDTH) + 10;
}

/** Greedy word wrap into at most `maxLines` lines of `width` characters; an ellipsis marks cut text. */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length && lines.length < maxLines; i++) {
    const w = words[i]!;
    if (!line) line = w.length > width ? `${w.slice(0, width - 1)}…` : w;
    else if (line.length + 1 + w.length <= width) line += ` ${w}`;
    else {
      lines.push(line);
      line = '';
      i--;
    }
  }
  if (line && lines.length < maxLines) lines.push(line);
  if (i < words.length && lines.length) {
    const last = lines[lines.length - 1]!;
    lines[lines.length - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  }
  return lines;
}

function fmt(n: number | undefined): string {
  return String(Math.round((n ?? 0) * 10) / 10);
}

function drawSvg(laid: ElkNode, nodes: MapNode[], drawn: MapEdge[]): string {
  const relations = drawn.map((e) => e.relation);
  const w = Math.ceil(laid.width ?? 0);
  const h = Math.ceil(laid.height ?? 0);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="dispute-map" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-labelledby="map-title">`,
    '<title id="map-title">Dispute map: claims and the statements linked to them</title>',
    '<defs>',
  );
  for (const r of new Set(relations)) {
    out.push(
      `<marker id="arrow-${r}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${RELATION_COLOURS[r]}"/></marker>`,
    );
  }
  out.push('</defs>');
  (laid.edges ?? []).forEach((e, i) => {
    const relation = relations[i]!;
    const colour = RELATION_COLOURS[relation];
    for (const s of e.sections ?? []) {
      const pts = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]
        .map((p) => `${fmt(p.x)},${fmt(p.y)}`)
        .join(' ');
      out.push(
        `<polyline class="edge" points="${pts}" fill="none" stroke="${colour}" stroke-width="1.6"${relation === 'partially-addresses' ? ' stroke-dasharray="5 3"' : ''} marker-end="url(#arrow-${relation})"/>`,
      );
    }
    // The link's note rides along as the label's tooltip, so the map carries it too.
    const note = drawn[i]!.note.trim();
    const title = note ? `<title>${escapeHtml(note)}</title>` : '';
    for (const l of e.labels ?? []) {
      out.push(
        `<g class="edge-label">${title}<rect x="${fmt(l.x)}" y="${fmt(l.y)}" width="${fmt(l.width)}" height="${fmt(l.height)}" rx="3" fill="#ffffff" stroke="${colour}" stroke-width="0.6"/>`,
        `<text x="${fmt((l.x ?? 0) + (l.width ?? 0) / 2)}" y="${fmt((l.y ?? 0) + 10.5)}" text-anchor="middle" fill="${colour}" font-size="10.5">${escapeHtml(l.text ?? '')}</text></g>`,
      );
    }
  });
  (laid.children ?? []).forEach((c, i) => {
    const n = nodes[i]!;
    const kind = n.view.annotation.kind;
    const colour = KIND_COLOURS[kind];
    const x = c.x ?? 0;
    const y = c.y ?? 0;
    const changed = n.view.annotation.target.status === 'changed';
    const head = `${changed ? 'CHANGED: CONFIRM · ' : ''}${n.view.kindLabel.toUpperCase()}${n.view.speaker ? ` · ${n.view.speaker.name}` : ''}`;
    out.push(
      `<g class="node node-${kind}">`,
      `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(c.width)}" height="${fmt(c.height)}" rx="5" fill="#ffffff" stroke="${colour}" stroke-width="${kind === 'claim' ? 2 : 1.2}"/>`,
      `<rect x="${fmt(x)}" y="${fmt(y)}" width="5" height="${fmt(c.height)}" rx="2" fill="${colour}"/>`,
      `<text x="${fmt(x + PAD_X + 4)}" y="${fmt(y + PAD_Y + 11)}" font-size="10" font-weight="700" letter-spacing="0.04em" fill="${colour}">${escapeHtml(truncate(head, 40))}</text>`,
    );
    n.lines.forEach((line, j) => {
      out.push(
        `<text x="${fmt(x + PAD_X + 4)}" y="${fmt(y + PAD_Y + HEAD_HEIGHT + 11 + j * LINE_HEIGHT)}" font-size="12" fill="#1b1b1b">${escapeHtml(line)}</text>`,
      );
    });
    if (n.verdict) {
      out.push(
        `<text x="${fmt(x + PAD_X + 4)}" y="${fmt(y + PAD_Y + HEAD_HEIGHT + 15 + n.lines.length * LINE_HEIGHT)}" font-size="11" font-weight="700" fill="${colour}">Verdict: ${escapeHtml(n.verdict)}</text>`,
      );
    }
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('\n');
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

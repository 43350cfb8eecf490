//! Choosing the article content in the tree and writing it out as clean text.
//!
//! 1. Flags are settled: class-based boilerplate marks are lifted from elements that
//!    contain the article or hold most of the page's prose (unless they name comments),
//!    a `<form>` that wraps the article is not skipped, and a header outside any article
//!    is boilerplate.
//! 2. Text statistics per block: paragraph text, link text, commas.
//! 3. The root: `[itemprop=articleBody]`, else the `<article>` (or role=article/main)
//!    with the most paragraph text, else `<main>`, unless a scored container holds more
//!    than twice as much paragraph text. The scored container is readability-style:
//!    each paragraph of 25+ characters gives `1 + commas + min(len/100, 3)`, scaled by
//!    its link density, to its parent and half to its grandparent; the best container
//!    (scaled by its own link density) wins, with qualifying siblings.
//! 4. The title `<h1>` goes first; then the root's text, skipping boilerplate, hidden
//!    and link-dense blocks, with blocks separated by blank lines.

use super::entities::{clean_inline, decode_at};
use super::tree::{flags::*, Node, Tag};
use crate::chars::ws_len;
use spillover_doc::Alignment;

/// Exclusion levels, from "part of the text" to "never text".
const INCLUDED: u8 = 0;
const BY_CLASS: u8 = 1;
const STRUCTURAL: u8 = 2;
const SKIPPED: u8 = 3;

/// Paragraphs shorter than this (in characters) do not count for scoring.
const MIN_PARAGRAPH: u32 = 25;

/// What the content step produces.
pub(crate) struct Content {
    pub text: String,
    pub alignment: Alignment,
    /// The chosen root elements, in document order.
    pub roots: Vec<u32>,
    pub title_h1: Option<String>,
    pub byline: Option<String>,
    pub warnings: Vec<String>,
}

struct Stats {
    excl: Vec<u8>,
    /// Nearest block ancestor (or self, for blocks).
    bl: Vec<u32>,
    /// Text directly in a block (through inline descendants).
    dlen: Vec<u32>,
    dlink: Vec<u32>,
    commas: Vec<u32>,
    /// Text in the whole subtree.
    tlen: Vec<u32>,
    llen: Vec<u32>,
    /// Paragraph text (blocks with at least MIN_PARAGRAPH) in the subtree.
    ptext: Vec<u32>,
    score: Vec<f32>,
}

impl Stats {
    fn link_density(&self, i: usize) -> f32 {
        if self.tlen[i] == 0 {
            0.0
        } else {
            self.llen[i] as f32 / self.tlen[i] as f32
        }
    }

    fn adjusted(&self, i: usize) -> f32 {
        self.score[i] * (1.0 - self.link_density(i))
    }
}

/// Characters of a raw text slice, not counting ASCII whitespace.
fn count_text(b: &[u8]) -> u32 {
    b.iter()
        .filter(|&&c| (c as i8) >= -0x40 && !c.is_ascii_whitespace())
        .count() as u32
}

/// Settles the flags that depend on the whole tree and returns each node's exclusion
/// level. `chars` holds each text node's character count.
fn settle_flags(nodes: &mut [Node], chars: &[u32]) -> Vec<u8> {
    let n = nodes.len();
    let mut has_main = vec![false; n];
    let mut p_count = vec![0u32; n];
    for i in (1..n).rev() {
        let nd = nodes[i];
        let p = nd.parent as usize;
        if has_main[i] || nd.flags & MAIN_LIKE != 0 {
            has_main[p] = true;
        }
        p_count[p] += p_count[i] + u32::from(nd.tag == Tag::P);
    }
    // Text under each element counting only hard exclusions, to catch class names
    // that mark the article body itself ("story-body js-share-tracking").
    let mut hard = vec![false; n];
    let mut text = vec![0u32; n];
    let mut links = vec![0u32; n];
    for i in 1..n {
        let nd = nodes[i];
        hard[i] = hard[nd.parent as usize] || nd.flags & (SKIP | BOILER) != 0;
        if nd.tag == Tag::Text && !hard[i] {
            text[i] = chars[i];
            if nd.flags & IN_LINK != 0 {
                links[i] = chars[i];
            }
        }
    }
    for i in (1..n).rev() {
        if !hard[i] {
            let p = nodes[i].parent as usize;
            text[p] += text[i];
            links[p] += links[i];
        }
    }
    let total = text[0];
    let mut excl = vec![INCLUDED; n];
    for i in 1..n {
        let p = nodes[i].parent as usize;
        let mut f = nodes[i].flags;
        let holds_most =
            total > 0 && text[i].saturating_mul(2) > total && links[i].saturating_mul(3) < text[i];
        if has_main[i] || (holds_most && f & COMMENTS == 0) {
            f &= !BOILER_CLASS;
        }
        if nodes[i].tag == Tag::Form && (has_main[i] || p_count[i] >= 3) {
            f &= !SKIP;
        }
        if f & HEADERISH != 0 && f & IN_ARTICLE == 0 && !has_main[i] {
            f |= BOILER;
        }
        nodes[i].flags = f;
        let own = if f & SKIP != 0 {
            SKIPPED
        } else if f & BOILER != 0 {
            STRUCTURAL
        } else if f & BOILER_CLASS != 0 {
            BY_CLASS
        } else {
            INCLUDED
        };
        excl[i] = own.max(excl[p]);
    }
    excl
}

fn analyse(raw: &[u8], nodes: &[Node], excl: Vec<u8>, chars: &[u32]) -> Stats {
    let n = nodes.len();
    let mut s = Stats {
        excl,
        bl: vec![0; n],
        dlen: vec![0; n],
        dlink: vec![0; n],
        commas: vec![0; n],
        tlen: vec![0; n],
        llen: vec![0; n],
        ptext: vec![0; n],
        score: vec![0.0; n],
    };
    for (i, nd) in nodes.iter().enumerate().skip(1) {
        s.bl[i] = if nd.tag.is_block() {
            i as u32
        } else {
            s.bl[nd.parent as usize]
        };
        if nd.tag == Tag::Text && s.excl[i] == INCLUDED {
            let chars = chars[i];
            let commas = memchr::memchr_iter(b',', &raw[nd.raw_range()]).count() as u32;
            let b = s.bl[i] as usize;
            s.dlen[b] += chars;
            s.commas[b] += commas;
            s.tlen[i] = chars;
            if nd.flags & IN_LINK != 0 {
                s.dlink[b] += chars;
                s.llen[i] = chars;
            }
        }
    }
    for i in (1..n).rev() {
        if s.excl[i] != INCLUDED {
            continue;
        }
        let nd = nodes[i];
        if nd.tag.is_block() && !nd.tag.is_heading() && s.dlen[i] >= MIN_PARAGRAPH {
            s.ptext[i] += s.dlen[i];
            let len = s.dlen[i] as f32;
            let weight = (1.0 + s.commas[i] as f32 + (len / 100.0).min(3.0))
                * (1.0 - s.dlink[i] as f32 / len);
            let p = nd.parent as usize;
            s.score[p] += weight;
            if p != 0 {
                s.score[nodes[p].parent as usize] += weight / 2.0;
            }
        }
        let p = nd.parent as usize;
        s.tlen[p] += s.tlen[i];
        s.llen[p] += s.llen[i];
        s.ptext[p] += s.ptext[i];
    }
    s
}

fn contains(nodes: &[Node], outer: usize, inner: usize) -> bool {
    outer <= inner && inner < nodes[outer].end as usize
}

/// The explicit article root, if the markup names one.
fn explicit_root(nodes: &[Node], s: &Stats) -> Option<usize> {
    let tiers: [&dyn Fn(&Node) -> bool; 3] = [
        &|n: &Node| n.flags & ARTICLE_BODY != 0,
        &|n: &Node| n.flags & MAIN_LIKE != 0 && n.tag != Tag::Main,
        &|n: &Node| n.tag == Tag::Main,
    ];
    for tier in tiers {
        let mut best: Option<usize> = None;
        for (i, nd) in nodes.iter().enumerate().skip(1) {
            if s.excl[i] != INCLUDED || nd.tag == Tag::Text || !tier(nd) || s.tlen[i] == 0 {
                continue;
            }
            if best.is_none_or(|b| s.ptext[i] > s.ptext[b]) {
                best = Some(i);
            }
        }
        if best.is_some() {
            return best;
        }
    }
    None
}

/// The best-scoring container.
fn scored_root(nodes: &[Node], s: &Stats) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, nd) in nodes.iter().enumerate().skip(1) {
        if s.excl[i] != INCLUDED || nd.tag == Tag::Text || s.score[i] <= 0.0 {
            continue;
        }
        let a = s.adjusted(i);
        if best.is_none_or(|(_, b)| a > b) {
            best = Some((i, a));
        }
    }
    best.map(|(i, _)| i)
}

/// The scored root with the siblings that look like more of the same article.
fn with_siblings(nodes: &[Node], s: &Stats, top: usize) -> Vec<u32> {
    let parent = nodes[top].parent as usize;
    if parent == top {
        return vec![top as u32];
    }
    let threshold = (0.2 * s.adjusted(top)).max(10.0);
    let mut out = Vec::new();
    let mut c = parent + 1;
    let end = nodes[parent].end as usize;
    while c < end {
        let nd = nodes[c];
        let keep = c == top
            || (s.excl[c] == INCLUDED
                && nd.tag != Tag::Text
                && (s.adjusted(c) >= threshold
                    || (nd.tag == Tag::P && s.dlen[c] > 80 && s.link_density(c) < 0.25)));
        if keep {
            out.push(c as u32);
        }
        c = (nd.end as usize).max(c + 1);
    }
    out
}

/// Lowercase letters and digits only, for loose title comparison.
fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn titles_match(h1: &str, title: &str) -> bool {
    let (h, t) = (normalise(h1), normalise(title));
    !h.is_empty()
        && (h == t || t.starts_with(&h) || h.starts_with(&t) || (h.len() >= 12 && t.contains(&h)))
}

/// The text of a subtree for titles and bylines: text nodes up to `max_excl`, `sep`
/// between blocks, references decoded, whitespace collapsed. `<time>` elements are left
/// out of bylines (`skip_time`).
fn subtree_text(
    raw: &str,
    nodes: &[Node],
    s: &Stats,
    i: usize,
    max_excl: u8,
    sep: char,
    skip_time: bool,
) -> String {
    let mut buf = String::new();
    let mut last_block = u32::MAX;
    let end = nodes[i].end as usize;
    let mut j = i;
    while j < end {
        let nd = nodes[j];
        if j != i && (s.excl[j] > max_excl || (skip_time && nd.tag == Tag::Time)) {
            j = (nd.end as usize).max(j + 1);
            continue;
        }
        if nd.tag == Tag::Text {
            if last_block != u32::MAX && s.bl[j] != last_block {
                buf.push(sep);
            }
            last_block = s.bl[j];
            buf.push_str(&raw[nd.raw_range()]);
        } else if nd.tag == Tag::Br {
            buf.push(sep);
        }
        j += 1;
    }
    clean_inline(&buf)
}

fn is_title_heading(nd: &Node) -> bool {
    nd.tag == Tag::H1 || (nd.flags & HEADLINE != 0 && nd.tag.is_heading())
}

/// The `<h1>` that titles the article: inside the roots, else the one before the roots
/// (or anywhere) that matches the metadata title, else the last clean one before them.
fn title_heading(
    raw: &str,
    nodes: &[Node],
    s: &Stats,
    roots: &[u32],
    hint: Option<&str>,
) -> Option<(usize, String)> {
    let mut first_inside = None;
    for &r in roots {
        let r = r as usize;
        for j in r..nodes[r].end as usize {
            if s.excl[j] == INCLUDED && is_title_heading(&nodes[j]) {
                let t = subtree_text(raw, nodes, s, j, BY_CLASS, ' ', false);
                if t.is_empty() {
                    continue;
                }
                if hint.is_none_or(|h| titles_match(&t, h)) {
                    return Some((j, t));
                }
                first_inside.get_or_insert((j, t));
            }
        }
    }
    if first_inside.is_some() {
        return first_inside;
    }
    let first_root = roots.first().map_or(nodes.len(), |&r| r as usize);
    let mut fallback = None;
    for (j, nd) in nodes.iter().enumerate() {
        if !is_title_heading(nd) || s.excl[j] >= SKIPPED {
            continue;
        }
        if roots.iter().any(|&r| contains(nodes, r as usize, j)) {
            continue;
        }
        let t = subtree_text(raw, nodes, s, j, STRUCTURAL, ' ', false);
        if t.is_empty() {
            continue;
        }
        if hint.is_some_and(|h| titles_match(&t, h)) {
            return Some((j, t));
        }
        if j < first_root && s.excl[j] == INCLUDED {
            fallback = Some((j, t));
        }
    }
    fallback
}

/// A "By ..." line in a header of the article, for pages that mark no byline.
fn header_byline(raw: &str, nodes: &[Node], s: &Stats, roots: &[u32]) -> Option<String> {
    for &r in roots {
        let r = r as usize;
        let end = nodes[r].end as usize;
        let mut j = r;
        while j < end {
            let nd = nodes[j];
            if nd.flags & HEADERISH == 0 || s.excl[j] != INCLUDED {
                j += 1;
                continue;
            }
            for k in j + 1..nd.end as usize {
                let b = nodes[k];
                if b.tag.is_block() || b.tag == Tag::Inline {
                    if s.tlen[k] == 0 || s.tlen[k] > 100 {
                        continue;
                    }
                    let t = subtree_text(raw, nodes, s, k, INCLUDED, '|', true);
                    if t.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by ")) {
                        return super::meta::clean_byline(&t);
                    }
                }
            }
            j = (nd.end as usize).max(j + 1);
        }
    }
    None
}

/// Writes clean text and its alignment.
struct Emitter<'a> {
    raw: &'a str,
    text: String,
    align: Alignment,
    pending_break: bool,
    pending_space: Option<(usize, usize)>,
    last_block: u32,
}

impl<'a> Emitter<'a> {
    fn new(raw: &'a str) -> Self {
        Emitter {
            raw,
            text: String::with_capacity(raw.len() / 4),
            align: Alignment::new(),
            pending_break: false,
            pending_space: None,
            last_block: u32::MAX,
        }
    }

    fn brk(&mut self) {
        self.pending_break = true;
        self.pending_space = None;
    }

    fn flush_pending(&mut self, raw_pos: usize) {
        if !self.text.is_empty() {
            if self.pending_break {
                self.text.push_str("\n\n");
                self.align.push(2, raw_pos, 0);
            } else if let Some((s, e)) = self.pending_space {
                self.text.push(' ');
                self.align.push(1, s, e - s);
            }
        }
        self.pending_break = false;
        self.pending_space = None;
    }

    fn verbatim(&mut self, s: usize, e: usize) {
        if s < e {
            self.flush_pending(s);
            self.text.push_str(&self.raw[s..e]);
            self.align.push(e - s, s, e - s);
        }
    }

    fn space(&mut self, s: usize, e: usize) {
        if !self.text.is_empty() && !self.pending_break && self.pending_space.is_none() {
            self.pending_space = Some((s, e));
        }
    }

    fn text_node(&mut self, s: usize, e: usize, block: u32, decode: bool) {
        if block != self.last_block {
            self.last_block = block;
            self.brk();
        }
        let b = self.raw.as_bytes();
        let mut i = s;
        let mut run = s;
        while i < e {
            let c = b[i];
            if c == b'&' && decode {
                if let Some((ch, len)) = decode_at(b, i).filter(|&(_, len)| i + len <= e) {
                    self.verbatim(run, i);
                    if ch.is_whitespace() {
                        self.space(i, i + len);
                    } else if ch != '\u{ad}' {
                        self.flush_pending(i);
                        self.text.push(ch);
                        self.align.push(ch.len_utf8(), i, len);
                    }
                    i += len;
                    run = i;
                    continue;
                }
                i += 1;
                continue;
            }
            if c < 0x80 && c > b' ' {
                i += 1;
                continue;
            }
            let w = ws_len(b, i);
            if w > 0 {
                self.verbatim(run, i);
                let ws = i;
                let mut w = w;
                while w > 0 && i + w <= e {
                    i += w;
                    w = ws_len(b, i);
                }
                self.space(ws, i);
                run = i;
                continue;
            }
            if c == 0xC2 && b.get(i + 1) == Some(&0xAD) {
                // Soft hyphen.
                self.verbatim(run, i);
                i += 2;
                run = i;
                continue;
            }
            i += 1;
        }
        self.verbatim(run, e.min(b.len()));
    }
}

fn emit_text_node(em: &mut Emitter, nodes: &[Node], j: usize, block: u32) {
    let nd = nodes[j];
    let r = nd.raw_range();
    em.text_node(r.start, r.end, block, nd.flags & CDATA == 0);
}

/// Emits the title heading `h` as one block, dropping only skipped parts.
fn emit_heading(em: &mut Emitter, nodes: &[Node], s: &Stats, h: usize) {
    let end = nodes[h].end as usize;
    let mut j = h + 1;
    while j < end {
        let nd = nodes[j];
        if s.excl[j] >= SKIPPED {
            j = (nd.end as usize).max(j + 1);
            continue;
        }
        match nd.tag {
            Tag::Text => emit_text_node(em, nodes, j, h as u32),
            Tag::Br => em.space(nd.start as usize, nd.start as usize),
            _ => {}
        }
        j += 1;
    }
    em.brk();
}

fn emit_root(em: &mut Emitter, nodes: &[Node], s: &Stats, r: usize, title: Option<usize>) {
    let end = nodes[r].end as usize;
    let mut i = r + 1;
    while i < end {
        let nd = nodes[i];
        let skip_to = (nd.end as usize).max(i + 1);
        if s.excl[i] != INCLUDED || Some(i) == title {
            if nd.tag.is_block() {
                em.brk();
            }
            i = skip_to;
            continue;
        }
        match nd.tag {
            Tag::Text => {
                emit_text_node(em, nodes, i, s.bl[i]);
                i += 1;
            }
            Tag::Br | Tag::Hr => {
                em.brk();
                i += 1;
            }
            Tag::Time if s.dlen[s.bl[i] as usize] <= s.tlen[i] => {
                // A date standing alone in its block is page furniture, not prose.
                em.brk();
                i = skip_to;
            }
            t => {
                if t.is_block() && s.tlen[i] > 0 && s.llen[i].saturating_mul(2) > s.tlen[i] {
                    // Mostly link text: a menu, a list of related stories.
                    em.brk();
                    i = skip_to;
                    continue;
                }
                if nd.flags & HEADERISH != 0 && s.ptext[i].saturating_mul(2) <= s.ptext[r] {
                    // A header inside the article: keep only its <h1>.
                    for j in i + 1..skip_to {
                        if nodes[j].tag == Tag::H1 && s.excl[j] == INCLUDED && Some(j) != title {
                            emit_heading(em, nodes, s, j);
                        }
                    }
                    em.brk();
                    i = skip_to;
                    continue;
                }
                i += 1;
            }
        }
    }
    em.brk();
}

/// Chooses the article content of the tree and writes it out.
pub(crate) fn extract(raw: &str, nodes: &mut [Node], title_hint: Option<&str>) -> Content {
    let mut warnings = Vec::new();
    let chars: Vec<u32> = nodes
        .iter()
        .map(|nd| match nd.tag {
            Tag::Text => count_text(&raw.as_bytes()[nd.raw_range()]),
            _ => 0,
        })
        .collect();
    let excl = settle_flags(nodes, &chars);
    let nodes: &[Node] = nodes;
    let s = analyse(raw.as_bytes(), nodes, excl, &chars);

    let explicit = explicit_root(nodes, &s);
    let scored = scored_root(nodes, &s);
    let roots: Vec<u32> = match (explicit, scored) {
        (Some(e), Some(c))
            if s.ptext[e].saturating_mul(2) >= s.ptext[c] || contains(nodes, e, c) =>
        {
            vec![e as u32]
        }
        (Some(e), None) => vec![e as u32],
        (_, Some(c)) => with_siblings(nodes, &s, c),
        (None, None) => {
            let body = nodes
                .iter()
                .position(|n| n.tag == Tag::Body)
                .filter(|&b| s.excl[b] == INCLUDED)
                .unwrap_or(0);
            if s.tlen[body] > 0 {
                warnings.push("no article container found; using the whole page".to_string());
            }
            vec![body as u32]
        }
    };

    let title = title_heading(raw, nodes, &s, &roots, title_hint);
    let mut em = Emitter::new(raw);
    if let Some((h, _)) = title {
        emit_heading(&mut em, nodes, &s, h);
    }
    let title_idx = title.as_ref().map(|t| t.0);
    for &r in &roots {
        emit_root(&mut em, nodes, &s, r as usize, title_idx);
    }
    if em.text.is_empty() {
        warnings.push("no article text found".to_string());
    }

    let byline = nodes
        .iter()
        .enumerate()
        .find(|(j, n)| n.flags & BYLINE != 0 && s.excl[*j] < SKIPPED)
        .and_then(|(j, _)| {
            super::meta::clean_byline(&subtree_text(raw, nodes, &s, j, STRUCTURAL, '|', true))
        })
        .or_else(|| header_byline(raw, nodes, &s, &roots));

    Content {
        text: em.text,
        alignment: em.align,
        roots,
        title_h1: title.map(|t| t.1),
        byline,
        warnings,
    }
}

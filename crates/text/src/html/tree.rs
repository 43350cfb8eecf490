//! A tolerant, streaming tag scanner and a flat element tree.
//!
//! The scanner walks the raw bytes once. It understands comments, doctypes, CDATA,
//! processing instructions, raw-text elements (script, style, title, textarea...),
//! attributes with double, single or no quotes, uppercase names, and stray `<`. A
//! document cut anywhere ends the scan with a warning; everything before the cut is
//! kept.
//!
//! The tree is stored in document order: each node knows its parent and the index one
//! past its last descendant, so a subtree is a contiguous index range. Implied end tags
//! (`<p>` closing an open `<p>`, `<li>` closing an open `<li>`, ...) follow the HTML
//! rules closely enough for text extraction.

use super::meta::Meta;
use memchr::{memchr, memchr3, memmem};

/// Element and node kinds the extractor cares about. Unknown elements are `Other`,
/// common phrasing elements (`span`, `b`, `em`...) are `Inline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    Document,
    Text,
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    Base,
    Script,
    Style,
    Noscript,
    Template,
    Svg,
    Math,
    Iframe,
    Object,
    Embed,
    Canvas,
    Video,
    Audio,
    Form,
    Button,
    Select,
    Option,
    Textarea,
    Input,
    Nav,
    Header,
    Footer,
    Aside,
    Article,
    Main,
    Section,
    Div,
    P,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Hgroup,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Menu,
    Blockquote,
    Pre,
    Address,
    Figure,
    Figcaption,
    Table,
    Caption,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Td,
    Th,
    Details,
    Summary,
    Fieldset,
    Legend,
    Center,
    Dialog,
    Br,
    Hr,
    Img,
    Wbr,
    Area,
    Col,
    Param,
    Source,
    Track,
    A,
    Time,
    Xmp,
    Noembed,
    Noframes,
    Plaintext,
    Inline,
    Other,
}

impl Tag {
    /// The tag for an element name (ASCII case-insensitive).
    pub(crate) fn from_name(name: &[u8]) -> Tag {
        use Tag::*;
        let mut buf = [0u8; 10];
        if name.len() > buf.len() {
            return Other;
        }
        for (d, s) in buf.iter_mut().zip(name) {
            *d = s.to_ascii_lowercase();
        }
        match &buf[..name.len()] {
            b"html" => Html,
            b"head" => Head,
            b"body" => Body,
            b"title" => Title,
            b"meta" => Meta,
            b"link" => Link,
            b"base" => Base,
            b"script" => Script,
            b"style" => Style,
            b"noscript" => Noscript,
            b"template" => Template,
            b"svg" => Svg,
            b"math" => Math,
            b"iframe" => Iframe,
            b"object" => Object,
            b"embed" => Embed,
            b"canvas" => Canvas,
            b"video" => Video,
            b"audio" => Audio,
            b"form" => Form,
            b"button" => Button,
            b"select" => Select,
            b"option" | b"optgroup" => Option,
            b"textarea" => Textarea,
            b"input" | b"keygen" => Input,
            b"nav" => Nav,
            b"header" => Header,
            b"footer" => Footer,
            b"aside" => Aside,
            b"article" => Article,
            b"main" => Main,
            b"section" => Section,
            b"div" => Div,
            b"p" => P,
            b"h1" => H1,
            b"h2" => H2,
            b"h3" => H3,
            b"h4" => H4,
            b"h5" => H5,
            b"h6" => H6,
            b"hgroup" => Hgroup,
            b"ul" => Ul,
            b"ol" => Ol,
            b"li" => Li,
            b"dl" => Dl,
            b"dt" => Dt,
            b"dd" => Dd,
            b"menu" => Menu,
            b"blockquote" => Blockquote,
            b"pre" | b"listing" => Pre,
            b"address" => Address,
            b"figure" => Figure,
            b"figcaption" => Figcaption,
            b"table" => Table,
            b"caption" => Caption,
            b"thead" => Thead,
            b"tbody" => Tbody,
            b"tfoot" => Tfoot,
            b"tr" => Tr,
            b"td" => Td,
            b"th" => Th,
            b"details" => Details,
            b"summary" => Summary,
            b"fieldset" => Fieldset,
            b"legend" => Legend,
            b"center" => Center,
            b"dialog" => Dialog,
            b"br" => Br,
            b"hr" => Hr,
            b"img" | b"image" => Img,
            b"wbr" => Wbr,
            b"area" => Area,
            b"col" => Col,
            b"param" => Param,
            b"source" => Source,
            b"track" => Track,
            b"a" => A,
            b"time" => Time,
            b"xmp" => Xmp,
            b"noembed" => Noembed,
            b"noframes" => Noframes,
            b"plaintext" => Plaintext,
            b"span" | b"b" | b"i" | b"em" | b"strong" | b"u" | b"s" | b"small" | b"big"
            | b"font" | b"sup" | b"sub" | b"abbr" | b"acronym" | b"cite" | b"q" | b"mark"
            | b"code" | b"kbd" | b"samp" | b"var" | b"dfn" | b"ins" | b"del" | b"label"
            | b"bdi" | b"bdo" | b"tt" | b"strike" | b"nobr" | b"data" | b"picture" | b"output"
            | b"meter" | b"progress" | b"ruby" | b"rt" | b"rp" => Inline,
            _ => Other,
        }
    }

    /// Elements that never have content or an end tag.
    pub(crate) fn is_void(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Meta | Link
                | Base
                | Br
                | Hr
                | Img
                | Wbr
                | Area
                | Col
                | Param
                | Source
                | Track
                | Input
                | Embed
        )
    }

    /// Elements whose content is raw text up to the matching end tag.
    pub(crate) fn is_raw_text(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Script
                | Style
                | Title
                | Textarea
                | Xmp
                | Noembed
                | Noframes
                | Iframe
                | Noscript
                | Plaintext
        )
    }

    /// Elements whose content never becomes article text.
    pub(crate) fn skips_content(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Head | Title
                | Script
                | Style
                | Noscript
                | Template
                | Svg
                | Math
                | Iframe
                | Object
                | Canvas
                | Video
                | Audio
                | Form
                | Button
                | Select
                | Option
                | Textarea
                | Xmp
                | Noembed
                | Noframes
                | Plaintext
                | Dialog
        )
    }

    /// Elements that start a new block of text.
    pub(crate) fn is_block(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Document
                | Html
                | Body
                | Nav
                | Header
                | Footer
                | Aside
                | Article
                | Main
                | Section
                | Div
                | P
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Hgroup
                | Ul
                | Ol
                | Li
                | Dl
                | Dt
                | Dd
                | Menu
                | Blockquote
                | Pre
                | Address
                | Figure
                | Figcaption
                | Table
                | Caption
                | Thead
                | Tbody
                | Tfoot
                | Tr
                | Td
                | Th
                | Details
                | Summary
                | Fieldset
                | Legend
                | Center
                | Dialog
                | Form
                | Br
                | Hr
        )
    }

    pub(crate) fn is_heading(self) -> bool {
        use Tag::*;
        matches!(self, H1 | H2 | H3 | H4 | H5 | H6)
    }

    /// Start tags that close an open `<p>`.
    fn closes_p(self) -> bool {
        use Tag::*;
        self.is_block()
            && !matches!(
                self,
                Document
                    | Html
                    | Body
                    | Br
                    | Td
                    | Th
                    | Tr
                    | Thead
                    | Tbody
                    | Tfoot
                    | Caption
                    | Dialog
            )
    }

    /// Elements allowed inside `<head>`; anything else closes it.
    fn in_head(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Title | Meta | Link | Base | Script | Style | Noscript | Template | Head | Html
        )
    }
}

/// Node flags.
pub(crate) mod flags {
    /// Content never becomes text (script, form, hidden...).
    pub const SKIP: u16 = 1 << 0;
    /// Structural boilerplate (nav, footer, aside, role=navigation...).
    pub const BOILER: u16 = 1 << 1;
    /// Boilerplate by class or id (share bars, ads, comments...); lifted from elements
    /// that contain the article.
    pub const BOILER_CLASS: u16 = 1 << 2;
    /// A header: inside an article only its `<h1>` is kept; elsewhere it is boilerplate.
    pub const HEADERISH: u16 = 1 << 3;
    /// `itemprop="articleBody"`.
    pub const ARTICLE_BODY: u16 = 1 << 4;
    /// A byline element (class byline/author, rel=author, itemprop=author).
    pub const BYLINE: u16 = 1 << 5;
    /// Inside (or being) an article, main or articleBody element.
    pub const IN_ARTICLE: u16 = 1 << 6;
    /// Inside (or being) a link.
    pub const IN_LINK: u16 = 1 << 7;
    /// Inside (or being) svg or math.
    pub const IN_SVG: u16 = 1 << 8;
    /// `itemprop="headline"`.
    pub const HEADLINE: u16 = 1 << 9;
    /// article, main, role=article/main or articleBody.
    pub const MAIN_LIKE: u16 = 1 << 10;
    /// A text node holding CDATA: no reference decoding.
    pub const CDATA: u16 = 1 << 11;
    /// Boilerplate by a class or id naming comments: never taken for the article.
    pub const COMMENTS: u16 = 1 << 12;
    /// Flags children inherit.
    pub const INHERITED: u16 = IN_ARTICLE | IN_LINK | IN_SVG;
}
use flags::*;

/// One node of the tree.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node {
    pub tag: Tag,
    pub flags: u16,
    /// Index of the parent (the document node is its own parent).
    pub parent: u32,
    /// Index one past the last node of this subtree.
    pub end: u32,
    /// Text: raw start of the text. Element: raw start of the name.
    pub start: u32,
    /// Text: raw length. Element: name length.
    pub len: u32,
}

impl Node {
    pub(crate) fn raw_range(&self) -> std::ops::Range<usize> {
        self.start as usize..(self.start + self.len) as usize
    }
}

/// The attributes the extractor reads, as raw (undecoded) values.
#[derive(Debug, Default)]
pub(crate) struct AttrSet<'a> {
    pub class: Option<&'a str>,
    pub id: Option<&'a str>,
    pub role: Option<&'a str>,
    pub itemprop: Option<&'a str>,
    pub rel: Option<&'a str>,
    pub style: Option<&'a str>,
    pub property: Option<&'a str>,
    pub name: Option<&'a str>,
    pub content: Option<&'a str>,
    pub href: Option<&'a str>,
    pub lang: Option<&'a str>,
    pub datetime: Option<&'a str>,
    pub type_: Option<&'a str>,
    pub http_equiv: Option<&'a str>,
    pub aria_hidden: Option<&'a str>,
    pub hidden: bool,
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

/// Reads the attributes of a start tag from the text between its name and its `>`.
pub(crate) fn parse_attrs(s: &str) -> AttrSet<'_> {
    let b = s.as_bytes();
    let n = b.len();
    let mut a = AttrSet::default();
    let mut i = 0;
    loop {
        while i < n && (is_ws(b[i]) || b[i] == b'/') {
            i += 1;
        }
        if i >= n {
            break;
        }
        let ns = i;
        while i < n && !is_ws(b[i]) && b[i] != b'=' && b[i] != b'/' && b[i] != b'>' {
            i += 1;
        }
        if i == ns {
            // A stray '=' or '>': step over it.
            i += 1;
            continue;
        }
        let name = &s[ns..i];
        while i < n && is_ws(b[i]) {
            i += 1;
        }
        let mut value = "";
        if i < n && b[i] == b'=' {
            i += 1;
            while i < n && is_ws(b[i]) {
                i += 1;
            }
            if i < n && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = memchr(q, &b[vs..]).map_or(n, |k| vs + k);
                value = &s[vs..ve];
                i = (ve + 1).min(n);
            } else {
                let vs = i;
                while i < n && !is_ws(b[i]) && b[i] != b'>' {
                    i += 1;
                }
                value = &s[vs..i];
            }
        }
        let slot = match name.len() {
            2 if name.eq_ignore_ascii_case("id") => &mut a.id,
            3 if name.eq_ignore_ascii_case("rel") => &mut a.rel,
            4 if name.eq_ignore_ascii_case("role") => &mut a.role,
            4 if name.eq_ignore_ascii_case("href") => &mut a.href,
            4 if name.eq_ignore_ascii_case("lang") => &mut a.lang,
            4 if name.eq_ignore_ascii_case("name") => &mut a.name,
            4 if name.eq_ignore_ascii_case("type") => &mut a.type_,
            5 if name.eq_ignore_ascii_case("class") => &mut a.class,
            5 if name.eq_ignore_ascii_case("style") => &mut a.style,
            6 if name.eq_ignore_ascii_case("hidden") => {
                a.hidden = true;
                continue;
            }
            7 if name.eq_ignore_ascii_case("content") => &mut a.content,
            8 if name.eq_ignore_ascii_case("itemprop") => &mut a.itemprop,
            8 if name.eq_ignore_ascii_case("property") => &mut a.property,
            8 if name.eq_ignore_ascii_case("datetime") => &mut a.datetime,
            10 if name.eq_ignore_ascii_case("http-equiv") => &mut a.http_equiv,
            11 if name.eq_ignore_ascii_case("aria-hidden") => &mut a.aria_hidden,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(value);
        }
    }
    a
}

/// Whether an inline style hides the element.
fn style_hides(style: &str) -> bool {
    let mut compact = [0u8; 64];
    let mut n = 0;
    let mut hides = false;
    for &c in style.as_bytes() {
        if is_ws(c) {
            continue;
        }
        if c == b';' {
            hides |= is_hiding(&compact[..n]);
            n = 0;
            continue;
        }
        if n < compact.len() {
            compact[n] = c.to_ascii_lowercase();
            n += 1;
        }
    }
    hides || is_hiding(&compact[..n])
}

fn is_hiding(decl: &[u8]) -> bool {
    decl.starts_with(b"display:none") || decl.starts_with(b"visibility:hidden")
}

/// Flags implied by one class name or id.
fn class_token_flags(tok: &str) -> u16 {
    let mut buf = [0u8; 64];
    let n = tok.len().min(buf.len());
    for (d, s) in buf.iter_mut().zip(tok.as_bytes()) {
        *d = s.to_ascii_lowercase();
    }
    let Ok(t) = std::str::from_utf8(&buf[..n]) else {
        return 0;
    };
    if matches!(
        t,
        "sr-only"
            | "visually-hidden"
            | "visuallyhidden"
            | "screen-reader-text"
            | "screen-reader-only"
            | "hidden"
            | "hide"
            | "d-none"
            | "is-hidden"
            | "u-hidden"
            | "invisible"
    ) {
        return SKIP;
    }
    if matches!(t, "twitter-tweet" | "instagram-media" | "tiktok-embed") {
        return BOILER_CLASS;
    }
    // Modifier and taxonomy classes describe the page, not the element ("has-sidebar",
    // WordPress's "tag-taliban" on the post itself).
    if ["has-", "with-", "no-", "show-", "is-", "tag-", "category-"]
        .iter()
        .any(|p| t.starts_with(p))
    {
        return 0;
    }
    let mut f = 0;
    for part in t.split(|c: char| !c.is_ascii_alphanumeric()) {
        f |= match part {
            "nav" | "navbar" | "navigation" | "menu" | "menus" | "submenu" | "breadcrumb"
            | "breadcrumbs" | "share" | "shares" | "sharing" | "sharebar" | "social"
            | "socials" | "ad" | "ads" | "advert" | "adverts" | "advertisement" | "advertising"
            | "adslot" | "adunit" | "dfp" | "promo" | "promos" | "promoted" | "promotion"
            | "sponsored" | "sponsor" | "related" | "recommended" | "recommendations"
            | "recirculation" | "newsletter" | "subscribe" | "subscription" | "signup"
            | "cookie" | "cookies" | "consent" | "gdpr" | "tags" | "tag" | "taglist"
            | "pagination" | "pager" | "paging" | "sidebar" | "footer" | "popup" | "modal"
            | "overlay" | "outbrain" | "taboola" | "widget" | "widgets" | "toolbar" | "skip"
            | "skiplink" | "trending" | "popular" | "mostread" | "banner" | "meta" | "print" => {
                BOILER_CLASS
            }
            "byline" | "author" | "authors" => BOILER_CLASS | BYLINE,
            "header" | "masthead" => HEADERISH,
            _ => 0,
        };
    }
    const COMPOUNDS: [&str; 14] = [
        "share",
        "socialshare",
        "breadcrumb",
        "newsletter",
        "readmore",
        "read-more",
        "morestories",
        "more-stories",
        "relatedposts",
        "relatedarticles",
        "advert",
        "sponsor",
        "taboola",
        "pagination",
    ];
    if COMPOUNDS.iter().any(|c| t.contains(c)) || t.contains("cookie") {
        f |= BOILER_CLASS;
    }
    if (t.contains("comment") && !t.contains("commentary")) || t.contains("disqus") {
        f |= BOILER_CLASS | COMMENTS;
    }
    f
}

/// Flags implied by an element's name and attributes.
fn element_flags(tag: Tag, a: &AttrSet) -> u16 {
    let mut f = 0;
    if tag.skips_content() {
        f |= SKIP;
    }
    match tag {
        Tag::Nav | Tag::Footer | Tag::Aside => f |= BOILER,
        Tag::Header => f |= HEADERISH,
        Tag::Article | Tag::Main => f |= MAIN_LIKE,
        _ => {}
    }
    if a.hidden
        || a.aria_hidden
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || a.style.is_some_and(style_hides)
    {
        f |= SKIP;
    }
    if let Some(role) = a.role {
        let r = role.trim().to_ascii_lowercase();
        match r.as_str() {
            "navigation" | "contentinfo" | "complementary" | "search" | "menu" | "menubar"
            | "toolbar" | "dialog" | "alertdialog" => f |= BOILER,
            "banner" => f |= HEADERISH,
            "main" | "article" => f |= MAIN_LIKE,
            _ => {}
        }
    }
    if let Some(ip) = a.itemprop {
        for p in ip.split_ascii_whitespace() {
            if p.eq_ignore_ascii_case("articleBody") {
                f |= ARTICLE_BODY | MAIN_LIKE;
            } else if p.eq_ignore_ascii_case("author") || p.eq_ignore_ascii_case("creator") {
                f |= BYLINE;
            } else if p.eq_ignore_ascii_case("headline") {
                f |= HEADLINE;
            }
        }
    }
    if a.rel.is_some_and(|r| {
        r.split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case("author"))
    }) {
        f |= BYLINE;
    }
    let mut cf = 0;
    if let Some(class) = a.class {
        for tok in class.split_ascii_whitespace() {
            cf |= class_token_flags(tok);
        }
    }
    if let Some(id) = a.id {
        cf |= class_token_flags(id.trim());
    }
    if matches!(tag, Tag::Html | Tag::Body | Tag::Main) || f & ARTICLE_BODY != 0 {
        cf &= !(BOILER_CLASS | HEADERISH);
    } else if f & MAIN_LIKE != 0 {
        if cf & BOILER_CLASS != 0 {
            // <article class="comment">, <article class="related-story">: a teaser or a
            // comment, not the article.
            f &= !MAIN_LIKE;
        } else {
            cf &= !HEADERISH;
        }
    }
    if tag == Tag::Inline || tag == Tag::A {
        // Class names on inline elements inside a paragraph ("tag", "meta") must not cut
        // words out of a sentence; only hiding and bylines apply.
        if cf & BYLINE == 0 {
            cf &= !(BOILER_CLASS | HEADERISH);
        }
    }
    f | cf
}

/// The result of building the tree.
pub(crate) struct Tree {
    pub nodes: Vec<Node>,
    pub warnings: Vec<String>,
    pub saw_body: bool,
}

/// Deepest nesting kept; deeper elements are flattened into their parent.
const MAX_DEPTH: usize = 512;
/// How far down the stack implied and explicit end tags look for their element, so
/// that a pathological page cannot make every tag walk a deep stack.
const SEARCH_LIMIT: usize = 128;

struct Builder<'a, 'm> {
    raw: &'a str,
    b: &'a [u8],
    nodes: Vec<Node>,
    stack: Vec<u32>,
    meta: &'m mut Meta,
    warnings: Vec<String>,
    saw_body: bool,
    /// For `"` and `'`: the lowest offset from which the quote is known not to occur.
    no_quote: [usize; 2],
}

/// Builds the tree for `raw`, feeding metadata to `meta` along the way.
pub(crate) fn build(raw: &str, meta: &mut Meta) -> Tree {
    let mut bld = Builder {
        raw,
        b: raw.as_bytes(),
        nodes: Vec::with_capacity(raw.len() / 48 + 8),
        stack: Vec::with_capacity(64),
        meta,
        warnings: Vec::new(),
        saw_body: false,
        no_quote: [usize::MAX; 2],
    };
    bld.nodes.push(Node {
        tag: Tag::Document,
        flags: 0,
        parent: 0,
        end: 1,
        start: 0,
        len: 0,
    });
    bld.stack.push(0);
    bld.run();
    bld.pop_to(1);
    let total = bld.nodes.len() as u32;
    bld.nodes[0].end = total;
    Tree {
        nodes: bld.nodes,
        warnings: bld.warnings,
        saw_body: bld.saw_body,
    }
}

impl Builder<'_, '_> {
    fn warn(&mut self, w: &str) {
        if !self.warnings.iter().any(|x| x == w) {
            self.warnings.push(w.to_string());
        }
    }

    fn top(&self) -> usize {
        self.stack.last().map_or(0, |&i| i as usize)
    }

    /// Closes every open element at stack depth `depth` or deeper (never the document).
    fn pop_to(&mut self, depth: usize) {
        let total = self.nodes.len() as u32;
        while self.stack.len() > depth.max(1) {
            if let Some(i) = self.stack.pop() {
                self.nodes[i as usize].end = total;
            }
        }
    }

    /// The stack depth of the nearest open element matching `want`, searching down
    /// from the top and giving up at an element matching `stop`.
    fn find_open(&self, want: impl Fn(Tag) -> bool, stop: impl Fn(Tag) -> bool) -> Option<usize> {
        for d in (1..self.stack.len()).rev().take(SEARCH_LIMIT) {
            let t = self.nodes[self.stack[d] as usize].tag;
            if want(t) {
                return Some(d);
            }
            if stop(t) {
                return None;
            }
        }
        None
    }

    fn implicit_closes(&mut self, tag: Tag) {
        use Tag::*;
        if self.nodes[self.top()].tag == Head && !tag.in_head() {
            self.pop_to(self.stack.len() - 1);
        }
        if tag.closes_p() {
            if let Some(d) = self.find_open(|t| t == P, |t| t.is_block() || t == Button) {
                self.pop_to(d);
            }
        }
        let found = match tag {
            Li => self.find_open(
                |t| t == Li,
                |t| matches!(t, Ul | Ol | Menu | Table | Td | Th | Body | Html),
            ),
            Dt | Dd => self.find_open(|t| matches!(t, Dt | Dd), |t| matches!(t, Dl | Table | Body)),
            Tr => self.find_open(|t| t == Tr, |t| matches!(t, Table | Thead | Tbody | Tfoot)),
            Td | Th => self.find_open(|t| matches!(t, Td | Th), |t| matches!(t, Tr | Table)),
            Thead | Tbody | Tfoot => {
                self.find_open(|t| matches!(t, Thead | Tbody | Tfoot), |t| t == Table)
            }
            Option => self.find_open(|t| t == Option, |t| t != Inline),
            A => self.find_open(|t| t == A, |t| t.is_block()),
            H1 | H2 | H3 | H4 | H5 | H6 if self.nodes[self.top()].tag.is_heading() => {
                Some(self.stack.len() - 1)
            }
            _ => None,
        };
        if let Some(d) = found {
            self.pop_to(d);
        }
    }

    fn open(&mut self, tag: Tag, name: (usize, usize), a: &AttrSet, self_closing: bool) -> u32 {
        self.implicit_closes(tag);
        let parent = self.top();
        let mut f = (self.nodes[parent].flags & INHERITED) | element_flags(tag, a);
        if f & MAIN_LIKE != 0 {
            f |= IN_ARTICLE;
        }
        if tag == Tag::A {
            f |= IN_LINK;
        }
        if matches!(tag, Tag::Svg | Tag::Math) {
            f |= IN_SVG;
        }
        let idx = self.nodes.len() as u32;
        self.nodes.push(Node {
            tag,
            flags: f,
            parent: parent as u32,
            end: idx + 1,
            start: name.0 as u32,
            len: (name.1 - name.0) as u32,
        });
        let leaf = tag.is_void()
            || (self_closing && (f & IN_SVG != 0 || matches!(tag, Tag::Other | Tag::Inline)))
            || self.stack.len() >= MAX_DEPTH;
        if !leaf {
            self.stack.push(idx);
        }
        if tag == Tag::Body {
            self.saw_body = true;
        }
        self.meta.on_element(tag, a, idx, f);
        idx
    }

    fn end_tag(&mut self, tag: Tag, name: &[u8]) {
        use Tag::*;
        match tag {
            Body | Html => return,
            Br => {
                self.open(Br, (0, 0), &AttrSet::default(), true);
                return;
            }
            _ => {}
        }
        let by_name = matches!(tag, Other | Inline);
        for d in (1..self.stack.len()).rev().take(SEARCH_LIMIT) {
            let nd = self.nodes[self.stack[d] as usize];
            if nd.tag == tag && (!by_name || self.b[nd.raw_range()].eq_ignore_ascii_case(name)) {
                self.pop_to(d);
                return;
            }
            let fence = if by_name {
                nd.tag.is_block()
            } else {
                matches!(nd.tag, Td | Th | Table | Caption | Template | Html)
                    && !matches!(tag, Table | Td | Th | Tr | Tbody | Thead | Tfoot | Caption)
            };
            if fence {
                return;
            }
        }
    }

    fn text(&mut self, s: usize, e: usize, cdata: bool) {
        if s >= e {
            return;
        }
        let top = self.top();
        let ttag = self.nodes[top].tag;
        if matches!(ttag, Tag::Head | Tag::Html | Tag::Document) {
            if self.b[s..e].iter().all(|&c| is_ws(c)) {
                return;
            }
            if ttag == Tag::Head {
                self.pop_to(self.stack.len() - 1);
            }
        }
        let parent = self.top();
        let mut f = self.nodes[parent].flags & INHERITED;
        if cdata {
            f |= CDATA;
        }
        let idx = self.nodes.len() as u32;
        self.nodes.push(Node {
            tag: Tag::Text,
            flags: f,
            parent: parent as u32,
            end: idx + 1,
            start: s as u32,
            len: (e - s) as u32,
        });
    }

    /// Finds the closing quote `q` from `from`, remembering failures so that an
    /// unclosed quote costs one scan in total.
    fn find_quote(&mut self, q: u8, from: usize) -> Option<usize> {
        let slot = usize::from(q == b'\'');
        if from >= self.no_quote[slot] {
            return None;
        }
        match memchr(q, &self.b[from..]) {
            Some(k) => Some(from + k),
            None => {
                self.no_quote[slot] = from;
                None
            }
        }
    }

    /// The offset of the `>` that ends the tag whose attributes start at `j`, honouring
    /// quoted attribute values. `None` when the document ends first.
    fn find_tag_end(&mut self, mut j: usize) -> Option<usize> {
        let b = self.b;
        loop {
            let k = j + memchr3(b'>', b'"', b'\'', b.get(j..)?)?;
            if b[k] == b'>' {
                return Some(k);
            }
            // A quote only opens a value right after '=' (spaces allowed).
            let mut p = k;
            while p > j && is_ws(b[p - 1]) {
                p -= 1;
            }
            if p == 0 || b[p - 1] != b'=' {
                j = k + 1;
                continue;
            }
            match self.find_quote(b[k], k + 1) {
                Some(close) => j = close + 1,
                // An unclosed quote: end the tag at the next '>' instead.
                None => return memchr(b'>', &b[k..]).map(|x| k + x),
            }
        }
    }

    /// Handles a start tag at `lt`; returns the offset after it, `None` if truncated.
    fn start_tag(&mut self, lt: usize) -> Option<usize> {
        let b = self.b;
        let ns = lt + 1;
        let mut j = ns;
        while j < b.len() && !is_ws(b[j]) && b[j] != b'>' && b[j] != b'/' {
            j += 1;
        }
        let ne = j;
        let gt = self.find_tag_end(ne)?;
        let self_closing = gt > ne && b[gt - 1] == b'/';
        let attr_text = &self.raw[ne..gt];
        let a = parse_attrs(attr_text);
        let tag = Tag::from_name(&b[ns..ne]);
        let idx = self.open(tag, (ns, ne), &a, self_closing);
        let mut after = gt + 1;
        let in_svg = self.nodes[idx as usize].flags & IN_SVG != 0;
        if tag.is_raw_text() && !(in_svg && (self_closing || tag == Tag::Title)) {
            let flags = self.nodes[idx as usize].flags;
            let (content_end, resume) = if tag == Tag::Plaintext {
                (b.len(), b.len())
            } else {
                match self.find_raw_end(after, &b[ns..ne]) {
                    Some(found) => found,
                    None => {
                        let w = format!(
                            "document ends inside <{}> (truncated?)",
                            self.raw[ns..ne].to_ascii_lowercase()
                        );
                        self.warn(&w);
                        (b.len(), b.len())
                    }
                }
            };
            let content = &self.raw[after..content_end];
            self.meta.on_raw_text(tag, &a, content, flags);
            // Close the raw-text element if it is still open.
            if let Some(d) = self.stack.iter().rposition(|&x| x == idx) {
                self.pop_to(d);
            }
            after = resume;
        }
        Some(after)
    }

    /// The end of a raw-text element's content: the offset of its end tag and the
    /// offset after that end tag.
    fn find_raw_end(&self, from: usize, name: &[u8]) -> Option<(usize, usize)> {
        let b = self.b;
        let mut p = from;
        while let Some(k) = memchr(b'<', b.get(p..)?) {
            let lt = p + k;
            let ns = lt + 2;
            if b.get(lt + 1) == Some(&b'/')
                && b.get(ns..ns + name.len())
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
            {
                let after = ns + name.len();
                match b.get(after) {
                    None => return Some((lt, b.len())),
                    Some(&c) if is_ws(c) || c == b'>' || c == b'/' => {
                        let resume = memchr(b'>', &b[after..]).map_or(b.len(), |x| after + x + 1);
                        return Some((lt, resume));
                    }
                    _ => {}
                }
            }
            p = lt + 1;
        }
        None
    }

    fn run(&mut self) {
        let b = self.b;
        let n = b.len();
        let mut i = 0;
        let mut text_start = 0;
        while i < n {
            let Some(k) = memchr(b'<', &b[i..]) else {
                break;
            };
            let lt = i + k;
            match b.get(lt + 1).copied() {
                Some(c) if c.is_ascii_alphabetic() => {
                    self.text(text_start, lt, false);
                    match self.start_tag(lt) {
                        Some(after) => {
                            i = after;
                            text_start = after;
                        }
                        None => {
                            self.warn("document ends inside a tag (truncated?)");
                            return;
                        }
                    }
                }
                Some(b'/') => match b.get(lt + 2).copied() {
                    Some(c) if c.is_ascii_alphabetic() => {
                        self.text(text_start, lt, false);
                        let ns = lt + 2;
                        let mut j = ns;
                        while j < n && !is_ws(b[j]) && b[j] != b'>' && b[j] != b'/' {
                            j += 1;
                        }
                        let Some(gt) = memchr(b'>', &b[j..]).map(|x| j + x) else {
                            self.warn("document ends inside a tag (truncated?)");
                            return;
                        };
                        self.end_tag(Tag::from_name(&b[ns..j]), &b[ns..j]);
                        i = gt + 1;
                        text_start = i;
                    }
                    Some(b'>') => {
                        self.text(text_start, lt, false);
                        i = lt + 3;
                        text_start = i;
                    }
                    None => {
                        self.text(text_start, lt, false);
                        self.warn("document ends inside a tag (truncated?)");
                        return;
                    }
                    _ => i = lt + 1,
                },
                Some(b'!') => {
                    self.text(text_start, lt, false);
                    if b[lt..].starts_with(b"<!--") {
                        let body = &b[lt + 4..];
                        let found = if body.starts_with(b">") {
                            Some(1)
                        } else if body.starts_with(b"->") {
                            Some(2)
                        } else {
                            memmem::find(body, b"-->").map(|x| x + 3)
                        };
                        match found {
                            Some(x) => i = lt + 4 + x,
                            None => {
                                self.warn("document ends inside a comment (truncated?)");
                                return;
                            }
                        }
                    } else if b.len() >= lt + 9 && b[lt..lt + 9].eq_ignore_ascii_case(b"<![CDATA[")
                    {
                        let cs = lt + 9;
                        match memmem::find(&b[cs..], b"]]>") {
                            Some(x) => {
                                self.text(cs, cs + x, true);
                                i = cs + x + 3;
                            }
                            None => {
                                self.text(cs, n, true);
                                self.warn("document ends inside CDATA (truncated?)");
                                return;
                            }
                        }
                    } else {
                        // Doctype or bogus comment.
                        match memchr(b'>', &b[lt..]) {
                            Some(x) => i = lt + x + 1,
                            None => {
                                self.warn("document ends inside a tag (truncated?)");
                                return;
                            }
                        }
                    }
                    text_start = i;
                }
                Some(b'?') => {
                    self.text(text_start, lt, false);
                    match memchr(b'>', &b[lt..]) {
                        Some(x) => i = lt + x + 1,
                        None => {
                            self.warn("document ends inside a tag (truncated?)");
                            return;
                        }
                    }
                    text_start = i;
                }
                None => {
                    // A lone '<' at the very end: most likely a cut tag.
                    self.text(text_start, lt, false);
                    self.warn("document ends inside a tag (truncated?)");
                    return;
                }
                _ => i = lt + 1,
            }
        }
        self.text(text_start, n, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(raw: &str) -> Vec<(Tag, String, u32)> {
        let mut m = Meta::default();
        let t = build(raw, &mut m);
        t.nodes
            .iter()
            .map(|n| {
                let label = if n.tag == Tag::Text {
                    raw[n.raw_range()].to_string()
                } else {
                    String::new()
                };
                (n.tag, label, n.parent)
            })
            .collect()
    }

    #[test]
    fn tag_names_are_case_insensitive() {
        assert_eq!(Tag::from_name(b"DIV"), Tag::Div);
        assert_eq!(Tag::from_name(b"Article"), Tag::Article);
        assert_eq!(Tag::from_name(b"my-widget"), Tag::Other);
        assert_eq!(Tag::from_name(b"averyveryverylongname"), Tag::Other);
    }

    #[test]
    fn attributes_with_all_quote_styles() {
        let a = parse_attrs(
            r#" CLASS="a b" id='x' role=main data-x="1>2" hidden itemprop = articleBody"#,
        );
        assert_eq!(a.class, Some("a b"));
        assert_eq!(a.id, Some("x"));
        assert_eq!(a.role, Some("main"));
        assert_eq!(a.itemprop, Some("articleBody"));
        assert!(a.hidden);
        let a = parse_attrs(r#" href="unclosed"#);
        assert_eq!(a.href, Some("unclosed"));
    }

    #[test]
    fn implied_end_tags() {
        let t = tree("<p>one<p>two<ul><li>a<li>b</ul>");
        let ps: Vec<_> = t.iter().filter(|n| n.0 == Tag::P).collect();
        assert_eq!(ps.len(), 2);
        // "two" is in the second p, not nested in the first.
        let two = t.iter().find(|n| n.1 == "two").unwrap();
        let p2 = t.iter().rposition(|n| n.0 == Tag::P).unwrap() as u32;
        assert_eq!(two.2, p2);
        assert_eq!(t[p2 as usize].2, 0);
        let b = t.iter().find(|n| n.1 == "b").unwrap();
        assert_eq!(t[b.2 as usize].0, Tag::Li);
    }

    #[test]
    fn quoted_gt_inside_attribute() {
        let t = tree(r#"<a title="x > y">link</a> after"#);
        assert!(t.iter().any(|n| n.1 == "link"));
        assert!(t.iter().any(|n| n.1 == " after"));
    }

    #[test]
    fn unclosed_quote_does_not_swallow_the_document() {
        let t = tree(r#"<p class="oops>Hello</p><p>World</p>"#);
        assert!(t.iter().any(|n| n.1 == "World"));
    }

    #[test]
    fn stray_lt_is_text() {
        let t = tree("<p>a < b and 3<4 </ x</p>");
        let texts: String = t.iter().map(|n| n.1.as_str()).collect();
        assert_eq!(texts, "a < b and 3<4 </ x");
    }

    #[test]
    fn raw_text_elements() {
        let t = tree("<script>if (a<b) { x = '</div>'; }</script><p>after</p><style>p{}</STYLE>x");
        let texts: Vec<_> = t
            .iter()
            .filter(|n| n.0 == Tag::Text)
            .map(|n| n.1.as_str())
            .collect();
        assert_eq!(texts, ["after", "x"]);
    }

    #[test]
    fn comments_cdata_doctype() {
        let t = tree("<!DOCTYPE html><!-- <p>no</p> --><p>a<![CDATA[b<c]]>d</p><?xml x?>");
        let texts: Vec<_> = t
            .iter()
            .filter(|n| n.0 == Tag::Text)
            .map(|n| n.1.as_str())
            .collect();
        assert_eq!(texts, ["a", "b<c", "d"]);
    }

    #[test]
    fn class_flags() {
        assert_eq!(class_token_flags("share-bar"), BOILER_CLASS);
        assert_eq!(class_token_flags("ad-slot"), BOILER_CLASS);
        assert_eq!(class_token_flags("has-sidebar"), 0);
        assert_eq!(class_token_flags("article-body"), 0);
        assert_eq!(class_token_flags("site-header"), HEADERISH);
        assert_eq!(class_token_flags("byline"), BOILER_CLASS | BYLINE);
        assert_eq!(class_token_flags("sr-only"), SKIP);
        assert_eq!(class_token_flags("relatedArticles"), BOILER_CLASS);
        assert_eq!(class_token_flags("commentary"), 0);
        assert_eq!(class_token_flags("download"), 0);
        assert_eq!(class_token_flags("tag-taliban"), 0);
        assert_eq!(class_token_flags("post-tags"), BOILER_CLASS);
        assert_eq!(class_token_flags("sharedaddy"), BOILER_CLASS);
        assert!(style_hides("color: red; display : none"));
        assert!(!style_hides("display:block"));
    }

    #[test]
    fn deep_nesting_is_capped() {
        let raw = "<div>".repeat(5000) + "deep" + &"</div>".repeat(5000);
        let t = tree(&raw);
        assert!(t.iter().any(|n| n.1 == "deep"));
    }
}

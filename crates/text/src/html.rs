//! HTML news pages to clean article text, with metadata and an alignment to the raw
//! bytes.
//!
//! [`extract`] scans the page once with a tolerant tag scanner (no HTML parser crate),
//! builds a flat element tree, reads metadata on the way, picks the article content
//! and writes it out as blocks separated by blank lines. Every byte of the text maps
//! back to the raw page through [`Article::alignment`].
//!
//! ```
//! use spillover_text::html::extract;
//! let raw = r#"<html lang="en"><head><title>Clash at the border | Daily</title>
//! <meta property="og:site_name" content="Daily"></head><body>
//! <nav><a href="/">Home</a></nav>
//! <article><h1>Clash at the border</h1>
//! <p>Tajik guards repelled an attempt to cross the river, officials said.</p>
//! <div class="share-bar"><a href="/s">Share</a></div></article></body></html>"#;
//! let a = extract(raw);
//! assert_eq!(a.text, "Clash at the border\n\nTajik guards repelled an attempt to cross the river, officials said.");
//! assert_eq!(a.title.as_deref(), Some("Clash at the border"));
//! assert_eq!(a.outlet.as_deref(), Some("Daily"));
//! assert_eq!(a.language.as_deref(), Some("en"));
//! let span = spillover_doc::Span::new(0, 5).unwrap();
//! let raw_span = a.alignment.to_raw(span).unwrap();
//! assert_eq!(&raw[raw_span.start..raw_span.end], "Clash");
//! ```

mod content;
mod entities;
mod meta;
mod tree;

use chrono::NaiveDate;
use spillover_doc::Alignment;

/// The article extracted from an HTML page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// Clean article text: the title heading first, then the article's blocks, separated
    /// by blank lines; whitespace inside a block collapsed to single spaces.
    pub text: String,
    /// Maps every byte of `text` back to the raw page. Inserted blank lines map to an
    /// empty raw range; decoded references map to the whole reference.
    pub alignment: Alignment,
    /// og:title, `<title>`, the JSON-LD headline or twitter:title (without a " | Site"
    /// suffix or "Site | " prefix naming the site), else the article's `<h1>`.
    pub title: Option<String>,
    /// og:site_name, application-name or the JSON-LD publisher.
    pub outlet: Option<String>,
    /// The publication date as written (no time-zone shift): article:published_time,
    /// date meta tags, itemprop=datePublished, JSON-LD datePublished, or a
    /// `<time datetime>` inside the article.
    pub published: Option<NaiveDate>,
    /// `<link rel=canonical>`, og:url or the JSON-LD url.
    pub url: Option<String>,
    /// The primary language subtag of `<html lang>` or a language meta tag ("en").
    pub language: Option<String>,
    /// The author line: meta author, JSON-LD author, or a byline element, without "By".
    pub byline: Option<String>,
    /// Problems met on the way ("document ends inside a tag (truncated?)", "no <body>").
    pub warnings: Vec<String>,
}

/// Extracts the article text and metadata from a raw HTML page. Never panics; a page
/// cut anywhere keeps the text before the cut and says so in `warnings`.
pub fn extract(raw: &str) -> Article {
    let mut warnings = Vec::new();
    // Offsets are stored as u32; a larger page is cut (at a character boundary).
    let limit = u32::MAX as usize - 1;
    let raw = if raw.len() > limit {
        let mut end = limit;
        while !raw.is_char_boundary(end) {
            end -= 1;
        }
        warnings.push("page larger than 4 GiB; the rest was ignored".to_string());
        &raw[..end]
    } else {
        raw
    };

    let mut meta = meta::Meta::default();
    let mut tree = tree::build(raw, &mut meta);
    warnings.append(&mut tree.warnings);
    if !tree.saw_body {
        warnings.push("no <body>".to_string());
    }
    warnings.append(&mut meta.warnings);

    let outlet = meta.outlet();
    let url = meta.url();
    let meta_title = meta
        .title()
        .map(|t| strip_site_name(&t, outlet.as_deref(), url.as_deref()));
    let content = content::extract(raw, &mut tree.nodes, meta_title.as_deref());
    warnings.extend(content.warnings);

    let nodes = &tree.nodes;
    let in_roots = |i: u32| {
        content.roots.iter().any(|&r| {
            let r = r as usize;
            r <= i as usize && (i as usize) < nodes[r].end as usize
        })
    };
    let time_in_article = meta
        .times
        .iter()
        .find(|(i, _)| in_roots(*i) || nodes[*i as usize].flags & tree::flags::IN_ARTICLE != 0)
        .map(|(_, d)| *d);
    let published = meta
        .published
        .iter()
        .flatten()
        .next()
        .copied()
        .or(time_in_article);

    Article {
        text: content.text,
        alignment: content.alignment,
        title: meta_title.filter(|t| !t.is_empty()).or(content.title_h1),
        outlet,
        published,
        url,
        language: meta.language(),
        byline: meta.byline().or(content.byline),
        warnings,
    }
}

/// Lowercase letters and digits only.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The main label of a URL's host: "https://www.khaama.com/x" gives "khaama".
fn host_label(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    let label = match labels.len() {
        0 => return None,
        1 => labels[0],
        n if labels[n - 2].len() <= 3 && n >= 3 => labels[n - 3],
        n => labels[n - 2],
    };
    let l = squash(label);
    (l.len() >= 3).then_some(l)
}

/// Removes a " | Site" / " - Site" suffix (or "Site | " prefix) naming the site.
fn strip_site_name(title: &str, outlet: Option<&str>, url: Option<&str>) -> String {
    let site = outlet.map(squash).filter(|s| !s.is_empty());
    let host = url.and_then(host_label);
    let is_site = |part: &str| {
        let p = squash(part);
        !p.is_empty()
            && (site.as_deref() == Some(p.as_str())
                || host
                    .as_deref()
                    .is_some_and(|h| p == h || (h.len() >= 3 && p.starts_with(h))))
    };
    const SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " · ", " • "];
    for sep in SEPARATORS {
        if let Some(k) = title.rfind(sep) {
            let (head, tail) = (&title[..k], &title[k + sep.len()..]);
            if is_site(tail) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some(k) = title.find(sep) {
            let (head, tail) = (&title[..k], &title[k + sep.len()..]);
            if is_site(head) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use spillover_doc::Span;

    const HEADLINE: &str =
        "The Region Grows Worried of Security Spillovers as Taliban Consolidates Power";
    const P1: &str = "The Secretary General of the Collective Security Treaty Organization (CSTO), Imangali Tasmagambetov, expressed concern about the danger posed by the spread of terrorism, extremism, and the trafficking of drugs and weapons from Afghanistan toward the southern borders of CSTO member states.";
    const P2: &str = "Speaking at the 16th plenary session of the CSTO Parliamentary Assembly in Moscow on Tuesday, December 19, Tasmagambetov highlighted the significance of the Working Group on Afghanistan.";
    const P3_RAW: &str = "&ldquo;As a result of the CSTO CSC session, the heads of states gave instructions to speed up work on the draft policy for the Tajik-Afghan Border,&rdquo; he said.";
    const P3: &str = "“As a result of the CSTO CSC session, the heads of states gave instructions to speed up work on the draft policy for the Tajik-Afghan Border,” he said.";
    const P4: &str = "Formed in 2002, the Collective Security Treaty Organization (CSTO) is an intergovernmental military alliance within the Eurasian region. Its membership comprises six post-Soviet states.";
    const P5: &str = "In February, the Chief of the CSTO Joint Staff, Colonel General Anatoly Sidorov claimed that the Islamic State – Khorasan province (ISKP) had amassed up to 6,500 members.";

    fn news_page() -> String {
        format!(
            r#"<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{HEADLINE} | Example Times</title>
<meta property="og:title" content="{HEADLINE}">
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2023-12-20T08:15:00+05:00">
<meta name="author" content="By Jane Doe">
<link rel="canonical" href="https://example.com/news/region-worried">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"x","datePublished":"2023-12-01"}}</script>
<style>body {{ color: red }} p > a {{ x: y }}</style>
</head>
<body class="article-page has-sidebar">
<header class="site-header"><div class="logo"><a href="/">Example Times</a></div>
<nav class="main-nav"><ul><li><a href="/world">World</a></li><li><a href="/asia">Asia</a></li></ul></nav></header>
<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/asia">Asia</a></div>
<main>
<article>
<header><h1>{HEADLINE}</h1>
<p class="byline">By <a rel="author" href="/jane">Jane Doe</a></p>
<time datetime="2023-12-20T08:15:00+05:00">December 20, 2023</time></header>
<div class="share-bar"><a href="/s">Share on Facebook</a> <a href="/s">Tweet</a></div>
<p>{P1}</p>
<div class="ad-slot">Advertisement</div>
<p>
  {P2}
</p>
<p>{P3_RAW}</p>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Tajikistan boosts border security after clashes</a></li></ul></aside>
<p>{P4}</p>
<div class="newsletter-signup"><p>Sign up for our newsletter to get the latest news from Central Asia every day.</p><form><input type="email"><button>Subscribe</button></form></div>
<p>{P5}</p>
<p><a href="/more">Read more: Russia warns of rising threats from Afghanistan</a></p>
</article>
<section id="comments"><h2>Comments</h2><div class="comment"><p>This is a long comment from a reader who disagrees with the article entirely, really.</p></div></section>
</main>
<aside class="sidebar"><h2>Most read</h2><ol><li><a href="/1">Story one about something else entirely</a></li></ol></aside>
<footer><p>&copy; 2023 Example Times. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
<div class="cookie-banner">We use cookies to improve your experience on our website, please accept them.</div>
<script>var x = "<p>not text</p>";</script>
</body></html>"#
        )
    }

    fn div_soup_page() -> String {
        format!(
            r#"<html><head><title>{HEADLINE} - Example Times</title>
<meta name="application-name" content="Example Times"></head>
<body>
<div id="top"><div class="logo"><a href="/">Example Times</a></div>
<div class="menu"><a href="/world">World</a> <a href="/asia">Asia</a> <a href="/europe">Europe</a></div></div>
<div class="container">
  <div class="col-left">
    <h1 class="headline">{HEADLINE}</h1>
    <div class="story-info"><span class="author">By Jane Doe</span> December 20, 2023</div>
    <div class="social-links"><a href="/s">Facebook</a> <a href="/s">Twitter</a></div>
    <div class="story-text">
      <p>{P1}</p>
      <div class="advert"><span>Advertisement</span></div>
      <p>{P2}</p>
      <p>{P3_RAW}</p>
      <p><a href="/more">Read more: Russia warns of rising threats from Afghanistan</a></p>
      <p>{P4}</p>
      <p>{P5}</p>
    </div>
    <div id="comments"><div class="comment-body"><p>I think this article is completely wrong about everything, honestly, and so on.</p></div></div>
  </div>
  <div class="col-right">
    <div class="box"><h3>Most read</h3><ul><li><a href="/1">Story one about something else entirely here</a></li><li><a href="/2">Story two about something else entirely here</a></li></ul></div>
  </div>
</div>
<div class="bottom">Copyright 2023 Example Times. <a href="/about">About us</a> <a href="/contact">Contact</a></div>
</body></html>"#
        )
    }

    fn expected_text() -> String {
        [HEADLINE, P1, P2, P3, P4, P5].join("\n\n")
    }

    #[test]
    fn article_page_gives_headline_and_paragraphs() {
        let raw = news_page();
        let a = extract(&raw);
        assert_eq!(a.text, expected_text());
        assert_eq!(a.alignment.text_len(), a.text.len());
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    }

    #[test]
    fn div_soup_gives_headline_and_paragraphs() {
        let raw = div_soup_page();
        let a = extract(&raw);
        assert_eq!(a.text, expected_text());
        assert_eq!(a.title.as_deref(), Some(HEADLINE));
        assert_eq!(a.outlet.as_deref(), Some("Example Times"));
        assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn metadata_from_meta_tags() {
        let a = extract(&news_page());
        assert_eq!(a.title.as_deref(), Some(HEADLINE));
        assert_eq!(a.outlet.as_deref(), Some("Example Times"));
        // article:published_time wins over JSON-LD and <time>.
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2023, 12, 20));
        assert_eq!(
            a.url.as_deref(),
            Some("https://example.com/news/region-worried")
        );
        assert_eq!(a.language.as_deref(), Some("en"));
        assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn metadata_from_json_ld_and_fallbacks() {
        let raw = r#"<html><head>
<title>Guards repel attack near Khorog | KHAAMA PRESS</title>
<script type="application/ld+json">
[{"@context":"https://schema.org","@type":"NewsArticle",
  "headline":"Guards repel attack",
  "datePublished":"Wed, 20 Dec 2023 08:15:00 GMT",
  "author":{"@type":"Person","name":"Ali Karimov"},
  "publisher":{"@type":"Organization","name":"Khaama Press"},
  "url":"https://www.khaama.com/guards-repel-attack"}]
</script>
<meta http-equiv="Content-Language" content="fa-AF">
</head><body><article><p>Border guards repelled an attack near Khorog on Tuesday, officials said.</p></article></body></html>"#;
        let a = extract(raw);
        assert_eq!(a.title.as_deref(), Some("Guards repel attack near Khorog"));
        assert_eq!(a.outlet.as_deref(), Some("Khaama Press"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2023, 12, 20));
        assert_eq!(
            a.url.as_deref(),
            Some("https://www.khaama.com/guards-repel-attack")
        );
        assert_eq!(a.language.as_deref(), Some("fa"));
        assert_eq!(a.byline.as_deref(), Some("Ali Karimov"));
    }

    #[test]
    fn title_suffix_is_stripped_only_when_it_names_the_site() {
        let site = Some("Example Times");
        assert_eq!(
            strip_site_name("Clash | Example Times", site, None),
            "Clash"
        );
        assert_eq!(
            strip_site_name("Example Times - Clash", site, None),
            "Clash"
        );
        assert_eq!(
            strip_site_name("Tajik - Afghan talks", site, None),
            "Tajik - Afghan talks"
        );
        assert_eq!(
            strip_site_name(
                "Clash – Khaama Press",
                None,
                Some("https://www.khaama.com/x")
            ),
            "Clash"
        );
        assert_eq!(
            strip_site_name(
                "Clash – BBC News",
                None,
                Some("https://www.bbc.co.uk/news/1")
            ),
            "Clash"
        );
        assert_eq!(strip_site_name("Clash", None, None), "Clash");
    }

    #[test]
    fn date_from_time_element_inside_article_and_h1_title() {
        let raw = r#"<html><body><time datetime="2020-01-01">old</time><article><h1>Talks in Dushanbe</h1><time datetime="2023-12-19T10:00">Dec 19</time><p>Officials met in Dushanbe on Tuesday to discuss the border situation.</p></article></body></html>"#;
        let a = extract(raw);
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2023, 12, 19));
        assert_eq!(a.title.as_deref(), Some("Talks in Dushanbe"));
        assert!(a.text.starts_with("Talks in Dushanbe\n\nOfficials"));
    }

    #[test]
    fn entities_are_decoded() {
        let raw = "<body><p>Tom &amp; Jerry&nbsp;&nbsp;met &ldquo;Gen.&rdquo; &#8212; &#x2014; caf&eacute; &bogus; AT&T&copy; &lt;b&gt; &#150;&hellip;&laquo;x&raquo;&trade;&reg;&apos;&quot;</p></body>";
        let a = extract(raw);
        assert_eq!(
            a.text,
            "Tom & Jerry met “Gen.” — — café &bogus; AT&T© <b> –…«x»™®'\""
        );
        // A decoded reference maps to the whole reference.
        let amp = a.text.find('&').unwrap();
        let r = a
            .alignment
            .to_raw(Span::new(amp, amp + 1).unwrap())
            .unwrap();
        assert_eq!(&raw[r.start..r.end], "&amp;");
        let e = a.text.find('é').unwrap();
        let r = a
            .alignment
            .to_raw(Span::new(e - 3, e + 2).unwrap())
            .unwrap();
        assert_eq!(&raw[r.start..r.end], "caf&eacute;");
    }

    #[test]
    fn every_word_maps_back_to_its_raw_bytes() {
        for raw in [news_page(), div_soup_page()] {
            let a = extract(&raw);
            assert_eq!(a.alignment.text_len(), a.text.len());
            let mut checked = 0;
            let mut start = None;
            for (i, c) in a
                .text
                .char_indices()
                .chain(std::iter::once((a.text.len(), ' ')))
            {
                match (c.is_whitespace(), start) {
                    (false, None) => start = Some(i),
                    (true, Some(s)) => {
                        let word = &a.text[s..i];
                        let r = a.alignment.to_raw(Span::new(s, i).unwrap()).unwrap();
                        let got = &raw[r.start..r.end];
                        if !got.contains('&') {
                            assert_eq!(got, word);
                            checked += 1;
                        }
                        start = None;
                    }
                    _ => {}
                }
            }
            assert!(checked > 100);
            // Paragraph breaks map to empty raw ranges.
            let brk = a.text.find("\n\n").unwrap();
            let r = a
                .alignment
                .to_raw(Span::new(brk, brk + 2).unwrap())
                .unwrap();
            assert!(r.is_empty());
        }
    }

    #[test]
    fn truncated_pages_keep_the_text_before_the_cut() {
        let raw = news_page();
        let plain = [HEADLINE, P1, P2, P4, P5];
        let first = raw.find("<article>").unwrap();
        for k in 0..10 {
            // Ten cuts spread over the page, the later ones inside the article.
            let mut cut = if k < 3 {
                raw.len() * (k + 1) / 4
            } else {
                first + (raw.len() - first) * (k - 2) / 9
            };
            while !raw.is_char_boundary(cut) {
                cut -= 1;
            }
            let page = &raw[..cut];
            let a = extract(page);
            assert_eq!(a.alignment.text_len(), a.text.len());
            for p in plain {
                if let Some(pos) = page.rfind(p) {
                    if pos >= first {
                        assert!(a.text.contains(p), "cut {cut}: lost {p:?}");
                    }
                }
            }
        }
        // Cuts at every byte of a small page never panic.
        let small = "<html><body><article><h1 class=\"t\">Title &amp; more</h1><!-- c --><p title='x'>Some text here.</p></article></body></html>";
        for cut in 0..=small.len() {
            let a = extract(&small[..cut]);
            assert_eq!(a.alignment.text_len(), a.text.len());
        }
    }

    #[test]
    fn truncation_inside_tag_comment_and_attribute() {
        let base = "<body><article><p>Guards repelled an attack near the river crossing.</p>";
        for tail in [
            "<p class=\"x",
            "<p cla",
            "<!-- comm",
            "<",
            "</p",
            "<![CDATA[abc",
            "<scr",
        ] {
            let a = extract(&format!("{base}{tail}"));
            assert!(
                a.text
                    .starts_with("Guards repelled an attack near the river crossing."),
                "{tail}: {:?}",
                a.text
            );
            assert!(
                a.warnings.iter().any(|w| w.contains("truncated")),
                "{tail}: {:?}",
                a.warnings
            );
        }
        let a = extract(&format!("{base}<p>Text cut in the mid"));
        assert!(a.text.ends_with("Text cut in the mid"));
        let a = extract(&format!("{base}<script>var a = 1;"));
        assert!(a.warnings.iter().any(|w| w.contains("<script>")));
    }

    #[test]
    fn uppercase_and_unclosed_tags() {
        let raw = "<HTML><BODY><DIV CLASS=story><P>First paragraph text that is long enough to count here.<P>Second paragraph, also long enough to count.<BR>Line after break<UL><LI>One item<LI>Two item</UL></DIV>";
        let a = extract(raw);
        assert_eq!(
            a.text,
            "First paragraph text that is long enough to count here.\n\nSecond paragraph, also long enough to count.\n\nLine after break\n\nOne item\n\nTwo item"
        );
    }

    #[test]
    fn no_body_and_inline_elements() {
        let a = extract("<p>Ta<b>lib</b>an <i>forces</i> <em>took</em>\n  <strong>Kunduz</strong>.</p><p>Next</p>");
        assert_eq!(a.text, "Taliban forces took Kunduz.\n\nNext");
        assert!(a.warnings.iter().any(|w| w == "no <body>"));
    }

    #[test]
    fn skipped_elements() {
        let raw = r#"<body><article>
<p>Visible paragraph number one with enough text to count.</p>
<noscript>Enable JavaScript</noscript><template><p>tpl</p></template>
<svg><text>svg text</text><title>svg title</title></svg><iframe src="x">frame</iframe>
<select><option>Opt</option></select><textarea>typed</textarea><button>Click</button>
<p hidden>hidden</p><p style="display: none">gone</p><span class="sr-only">screen reader</span>
<p aria-hidden="true">aria</p>
<p>Visible paragraph number two.</p></article></body>"#;
        let a = extract(raw);
        assert_eq!(
            a.text,
            "Visible paragraph number one with enough text to count.\n\nVisible paragraph number two."
        );
    }

    #[test]
    fn empty_and_garbage_inputs() {
        for raw in [
            "",
            "   ",
            "<",
            "<<<>>>",
            "</>",
            "<!>",
            "&",
            "<p",
            "<a href='",
            "\u{feff}<p>x</p>",
            "<html><head><title>t",
        ] {
            let a = extract(raw);
            assert_eq!(a.alignment.text_len(), a.text.len(), "{raw:?}");
        }
        assert_eq!(extract("plain text only").text, "plain text only");
    }

    #[test]
    fn pathological_inputs_stay_fast() {
        // Each would be quadratic with a naive scanner; debug builds must still finish.
        let n = 20_000;
        let inputs = [
            "<a href=\"x>".repeat(n),
            "<div>".repeat(n),
            "<p class='a".repeat(n),
            "<!-- -- -".repeat(n),
            "</span>".repeat(n) + &"<b>".repeat(n),
            "<a><a><a>x".repeat(n),
            "&amp".repeat(n),
            "<script>".repeat(n),
        ];
        for raw in &inputs {
            let t = std::time::Instant::now();
            let a = extract(raw);
            assert_eq!(a.alignment.text_len(), a.text.len());
            assert!(t.elapsed().as_secs() < 20, "too slow on {:?}", &raw[..20]);
        }
    }

    #[test]
    fn lists_of_links_are_dropped_but_content_lists_kept() {
        let raw = r#"<body><article>
<p>The demands included the following points, according to officials in Dushanbe.</p>
<ul><li>Closing the border crossing at Panj</li><li>Returning refugees to their homes</li></ul>
<ul><li><a href="/1">Link one</a></li><li><a href="/2">Link two</a></li></ul>
</article></body>"#;
        let a = extract(raw);
        assert_eq!(
            a.text,
            "The demands included the following points, according to officials in Dushanbe.\n\nClosing the border crossing at Panj\n\nReturning refugees to their homes"
        );
    }

    #[test]
    fn random_markup_keeps_alignment_invariants() {
        let pieces = [
            "<p>",
            "</p>",
            "<div class=\"story\">",
            "</div>",
            "<a href='",
            "'>",
            "</a>",
            "\"",
            "'",
            "<!--",
            "-->",
            "<script>",
            "</script>",
            "&amp;",
            "&#",
            "&",
            "<",
            ">",
            "/",
            "=",
            "word ",
            "Тажик ",
            "—",
            "\u{a0}",
            "<![CDATA[",
            "]]>",
            "<br/>",
            "<h1>",
            "</h1>",
            "<article>",
            "</article>",
            "<nav>",
            "</nav>",
            " ",
            "\n",
            "&nbsp;",
            "&#x2014;",
            "<P CLASS=x>",
            "<!DOCTYPE html>",
            "<title>",
            "</title>",
            "<svg>",
            "</svg>",
            "<li>",
            "<ul>",
            "</ul>",
            "&shy;",
            "\u{ad}",
            "Sentence with enough words, commas, and length to count as a paragraph. ",
        ];
        let mut rng = crate::test_rng::Rng::new(3);
        for _ in 0..2000 {
            let n = rng.below(60);
            let raw = rng.text(&pieces, n);
            let a = extract(&raw);
            assert_eq!(a.alignment.text_len(), a.text.len(), "{raw:?}");
            assert!(
                !a.text.starts_with(char::is_whitespace) && !a.text.ends_with(char::is_whitespace),
                "{raw:?}: {:?}",
                a.text
            );
            for (i, c) in a.text.char_indices() {
                let r = a
                    .alignment
                    .to_raw(Span::new(i, i + c.len_utf8()).unwrap())
                    .unwrap();
                assert!(r.end <= raw.len(), "{raw:?}");
                assert!(
                    raw.is_char_boundary(r.start) && raw.is_char_boundary(r.end),
                    "{raw:?}"
                );
            }
        }
    }

    #[test]
    fn wordpress_post_with_taxonomy_classes_and_comment_articles() {
        let raw = r#"<html><body class="post-template-default single single-post postid-42 has-sidebar">
<div id="page" class="site"><header id="masthead" class="site-header"><p class="site-title"><a href="/">Asia Wire</a></p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu"><li><a href="/">Home</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-42" class="post-42 post type-post status-publish format-standard hentry category-news tag-taliban tag-tajikistan">
<header class="entry-header"><h1 class="entry-title">Guards repel crossing on the Panj</h1>
<div class="entry-meta"><span class="posted-on">December 19, 2023</span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="/a">Ali Karimov</a></span></span></div></header>
<div class="entry-content"><p>Tajik border guards repelled an attempt to cross the Panj river on Tuesday, officials said.</p>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="/s">Twitter</a></li></ul></div>
<p>Two attackers were killed in the exchange of fire, according to the State Committee for National Security.</p></div>
<footer class="entry-footer"><span class="tags-links">Tagged <a href="/t">Taliban</a></span></footer>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts</h2><ol class="comment-list">
<li><article class="comment-body"><p>This is a reader comment that is fairly long, with commas, and more words.</p></article></li>
<li><article class="comment-body"><p>Another reader comment that is fairly long, with commas, and more words too.</p></article></li>
</ol></div></article></main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2>Recent Posts</h2><ul><li><a href="/p">Another story</a></li></ul></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">Proudly powered by WordPress</div></footer></div></body></html>"#;
        let a = extract(raw);
        assert_eq!(
            a.text,
            "Guards repel crossing on the Panj\n\n\
             Tajik border guards repelled an attempt to cross the Panj river on Tuesday, officials said.\n\n\
             Two attackers were killed in the exchange of fire, according to the State Committee for National Security."
        );
        assert_eq!(a.byline.as_deref(), Some("Ali Karimov"));
        assert_eq!(
            a.title.as_deref(),
            Some("Guards repel crossing on the Panj")
        );
    }

    #[test]
    fn figure_captions_and_subheadings_are_blocks() {
        let raw = "<body><article><h1>Title here</h1><figure><img src=a.jpg><figcaption>Photo: CSTO</figcaption></figure>\
                   <p>First paragraph of the story, long enough to count as text.</p><h2>Background</h2>\
                   <p>Second paragraph of the story.</p><blockquote class=\"twitter-tweet\"><p>tweet text</p></blockquote></article></body>";
        let a = extract(raw);
        assert_eq!(
            a.text,
            "Title here\n\nPhoto: CSTO\n\nFirst paragraph of the story, long enough to count as text.\n\nBackground\n\nSecond paragraph of the story."
        );
    }

    #[test]
    fn class_names_on_the_article_body_itself_do_not_drop_it() {
        let raw = r#"<body><div class="menu"><a href="/">Home</a></div>
<div class="story-body js-share-tracking">
<p>Tajik border guards repelled an attempt to cross the Panj river on Tuesday, officials said.</p>
<p>Two attackers were killed in the exchange of fire, the security service said.</p>
<div class="share-tools"><a href="/s">Share</a></div></div>
<div class="comments"><p>A short reader comment here.</p></div></body>"#;
        let a = extract(raw);
        assert_eq!(
            a.text,
            "Tajik border guards repelled an attempt to cross the Panj river on Tuesday, officials said.\n\n\
             Two attackers were killed in the exchange of fire, the security service said."
        );
        let raw = r#"<body><article><div class="article-header-wrap">
<h1>Guards repel crossing</h1>
<p>Tajik border guards repelled an attempt to cross the Panj river on Tuesday, officials said.</p>
<p>Two attackers were killed in the exchange of fire, the security service said.</p></div></article></body>"#;
        let a = extract(raw);
        assert_eq!(a.text.split("\n\n").count(), 3, "{:?}", a.text);
    }

    #[test]
    fn byline_from_a_by_line_in_the_article_header() {
        let raw = r#"<body><article><div class="article-header"><h1>Guards repel crossing</h1>
<div class="article-info"><span>By <a href="/x">Reporter One</a></span><time datetime="2023-12-19">Dec 19</time></div></div>
<p>Tajik border guards repelled an attempt to cross the Panj river on Tuesday, officials said.</p></article></body>"#;
        let a = extract(raw);
        assert_eq!(a.byline.as_deref(), Some("Reporter One"));
        assert_eq!(
            a.text,
            "Guards repel crossing\n\nTajik border guards repelled an attempt to cross the Panj river on Tuesday, officials said."
        );
    }
}

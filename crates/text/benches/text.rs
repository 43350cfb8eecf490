//! Throughput of the text stage on generated news copy.
//!
//! The input is built here from a fixed set of paragraphs written for the benchmark,
//! repeated to about 100 KB. Each bench checks what it counts first, so a fast wrong
//! answer fails instead of looking good.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use spillover_text::{html, sentences, tokens};
use std::hint::black_box;

/// Paragraphs with a known number of sentences each.
const PARAGRAPHS: [(&str, usize); 6] = [
    (
        "DUSHANBE, Dec. 19, 2023 (Reuters) – Tajik border guards said on Tuesday they had \
         repelled an attempt by armed men to cross the Panj river near Khorog. Two attackers \
         were killed and 1.5 tonnes of hashish were seized, the State Committee for National \
         Security said in a statement.",
        2,
    ),
    (
        "“We will not allow militants to use Afghan soil against our neighbours,” a Taliban \
         spokesman told reporters in Kabul. He said the group’s forces had taken control of \
         all crossings in Badakhshan and Takhar. Gen. Sidorov of the CSTO Joint Staff put the \
         strength of ISKP at up to 6,500 fighters.",
        3,
    ),
    (
        "The U.S. State Department said it was monitoring the situation. Washington has spent \
         about $1.2 billion on border security in Central Asia since 2002, according to \
         figures from the Congressional Research Service. Officials declined to say how much \
         of that went to Tajikistan.",
        3,
    ),
    (
        "Pakistan says attacks on its soil rose by 60% after the Taliban returned to power in \
         August 2021. Islamabad blames Tehrik-i-Taliban Pakistan (TTP), which it says operates \
         from bases across the Durand Line. The Taliban deny this. Talks held in Doha on \
         Nov. 3 ended without agreement.",
        4,
    ),
    (
        "Mr. Grigoryev, Russia’s ambassador in Dushanbe, told TASS that extremists had tried \
         to cross the Tajik-Afghan border several times this year. “Fortunately, all of these \
         attempts were promptly suppressed by the Tajik security forces,” he said. Moscow \
         keeps about 7,000 troops at its 201st base in Tajikistan.",
        3,
    ),
    (
        "Refugee flows add to the strain. Some 500,000 Afghans have left Pakistan since \
         October, the U.N. refugee agency said on Wednesday. Many are heading to northern \
         provinces such as Kunduz, where aid groups warn of shortages before winter.",
        3,
    ),
];

/// About `target` bytes of plain text: the paragraphs repeated, blank-line separated.
/// Returns the text and the number of sentences it holds.
fn plain_text(target: usize) -> (String, usize) {
    let mut text = String::with_capacity(target + 2048);
    let mut sentences = 0;
    while text.len() < target {
        for (p, n) in PARAGRAPHS {
            text.push_str(p);
            text.push_str("\n\n");
            sentences += n;
        }
    }
    (text, sentences)
}

/// About `target` bytes of a news page: boilerplate around an article holding the
/// paragraphs (some words written as character references). Returns the page and the
/// number of article paragraphs.
fn html_page(target: usize) -> (String, usize) {
    let mut page = String::with_capacity(target + 4096);
    page.push_str(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Tajik guards repel border crossing | Example Times</title>
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2023-12-19T10:00:00+05:00">
<script>window.dataLayer = [{"page": "article", "id": 12345}];</script>
<style>.nav a { color: #333 } .ad-slot { height: 250px }</style></head>
<body><header class="site-header"><nav class="main-nav"><ul>
<li><a href="/world">World</a></li><li><a href="/asia">Asia</a></li><li><a href="/europe">Europe</a></li>
</ul></nav></header><main><article>
<h1>Tajik guards repel border crossing</h1>
<div class="share-bar"><a href="/s/fb">Share</a> <a href="/s/tw">Tweet</a></div>
"#,
    );
    let mut paragraphs = 0;
    let mut k = 0;
    while page.len() < target {
        let (p, _) = PARAGRAPHS[k % PARAGRAPHS.len()];
        let p = p
            .replace('“', "&ldquo;")
            .replace('”', "&rdquo;")
            .replace('–', "&ndash;");
        page.push_str("<p>");
        page.push_str(&p);
        page.push_str("</p>\n");
        paragraphs += 1;
        if k % 4 == 3 {
            page.push_str(
                "<div class=\"ad-slot\"><span>Advertisement</span><script>ads.push(1)</script></div>\n\
                 <aside class=\"related\"><ul><li><a href=\"/r/1\">Related: Kunduz aid shortages</a></li></ul></aside>\n",
            );
        }
        k += 1;
    }
    page.push_str(
        r#"</article><section id="comments"><div class="comment"><p>A reader's comment that should not be part of the article text at all.</p></div></section></main>
<footer><p>&copy; 2023 Example Times</p><a href="/privacy">Privacy</a></footer></body></html>"#,
    );
    (page, paragraphs)
}

fn bench_text(c: &mut Criterion) {
    let (text, want_sentences) = plain_text(100_000);
    let got = sentences::split(&text);
    assert_eq!(got.len(), want_sentences, "sentence count");
    let per_round: usize = PARAGRAPHS
        .iter()
        .map(|(p, _)| tokens::tokenize(p).len())
        .sum();
    let rounds = want_sentences / PARAGRAPHS.iter().map(|(_, n)| n).sum::<usize>();
    // The six paragraphs above hold 316 tokens (checked by reading the token list).
    assert_eq!(per_round, 316, "tokens per round of paragraphs");
    assert_eq!(
        tokens::tokenize(&text).len(),
        per_round * rounds,
        "token count"
    );

    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("sentences::split", |b| {
        b.iter(|| sentences::split(black_box(&text)))
    });
    g.bench_function("tokens::tokenize", |b| {
        b.iter(|| tokens::tokenize(black_box(&text)))
    });

    let (page, paragraphs) = html_page(100_000);
    let article = html::extract(&page);
    assert_eq!(
        article.title.as_deref(),
        Some("Tajik guards repel border crossing")
    );
    assert_eq!(article.text.split("\n\n").count(), paragraphs + 1, "blocks");
    assert!(!article.text.contains("Advertisement") && !article.text.contains("Related"));
    g.throughput(Throughput::Bytes(page.len() as u64));
    g.bench_function("html::extract", |b| {
        b.iter(|| html::extract(black_box(&page)))
    });
    g.finish();

    // The 5 MB page the crate promises to handle well under a second.
    let (big, big_paragraphs) = html_page(5_000_000);
    let article = html::extract(&big);
    assert_eq!(
        article.text.split("\n\n").count(),
        big_paragraphs + 1,
        "blocks"
    );
    let mut g = c.benchmark_group("text-5mb");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("html::extract", |b| {
        b.iter(|| html::extract(black_box(&big)))
    });
    g.finish();
}

criterion_group!(benches, bench_text);
criterion_main!(benches);

//! Criterion benches of the hot per-report work: the whole standard pipeline and the
//! near-duplicate signature, on generated reports. Each bench asserts what it computed,
//! so a fast wrong answer fails.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use spillover_doc::{Layer, TokenKind};
use spillover_doc::{Report, ReportId};
use spillover_pipeline::actors::ActorTagger;
use spillover_pipeline::entities::EntityTagger;
use spillover_pipeline::segment::Segmenter;
use spillover_pipeline::{link, Pipeline};
use std::hint::black_box;

/// A realistic ~3 KB report, built from varied sentences so no stage sees one pattern only.
fn report_text(i: usize) -> String {
    let places = [
        "Panj", "Khorog", "Torkham", "Chaman", "Termez", "Saravan", "Kunduz", "Batken",
    ];
    let p = places[i % places.len()];
    let q = places[(i + 3) % places.len()];
    format!(
        "Border clash reported near {p}\n\n\
        {p}, March {d}, 2024 — Border guards exchanged fire with an armed group near {p} on Tuesday, \
        officials said. At least {k} people were killed and {w} wounded, according to a statement.\n\n\
        “The situation is under control,” Col. Rahimov told reporters. “We repelled the attackers.”\n\n\
        The U.S. embassy urged calm. Gen. Sidorov said up to 6,500 fighters had gathered along the \
        border, 1.5 times more than a year ago. Traders at {q} said the crossing stayed closed.\n\n\
        Officials in Islamabad accused the Taliban of sheltering militants; a spokesman in Kabul denied it, \
        saying no group uses Afghan soil against any country. Refugees moving toward {q} numbered about {r} a day.",
        d = 1 + i % 28,
        k = 2 + i % 9,
        w = 5 + i % 13,
        r = 1200 + i * 7 % 900,
    )
}

fn bench(c: &mut Criterion) {
    let texts: Vec<String> = (0..64).map(report_text).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let pipeline = Pipeline::standard();

    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("standard_64_reports", |b| {
        b.iter(|| {
            let mut sentences = 0;
            for (i, t) in texts.iter().enumerate() {
                let doc = pipeline
                    .run(Report::from_text(ReportId(i.to_string()), t.clone()))
                    .expect("pipeline");
                sentences += doc.sentences().len();
            }
            assert!(sentences >= texts.len() * 8, "{sentences}");
            black_box(sentences)
        })
    });
    g.bench_function("minhash_64_reports", |b| {
        b.iter(|| {
            let sigs: Vec<Vec<u32>> = texts.iter().map(|t| link::signature(t)).collect();
            assert!(sigs.iter().all(|s| s.len() == link::SIGNATURE_LEN));
            black_box(sigs)
        })
    });
    g.finish();

    // The entity tagger and the actor stage, in words per second, against segmentation
    // alone (the baseline in the same run): the entity target is stated in words/s.
    let words: usize = texts
        .iter()
        .map(|t| {
            spillover_text::tokens::tokenize(t)
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .count()
        })
        .sum();
    let stages: [(&str, Pipeline); 3] = [
        (
            "segment_only",
            Pipeline::new(vec![Box::new(Segmenter)]).expect("order"),
        ),
        (
            "segment_entities",
            Pipeline::new(vec![
                Box::new(Segmenter),
                Box::new(EntityTagger::standard()),
            ])
            .expect("order"),
        ),
        (
            "segment_entities_actors",
            Pipeline::new(vec![
                Box::new(Segmenter),
                Box::new(EntityTagger::standard()),
                Box::new(ActorTagger::standard()),
            ])
            .expect("order"),
        ),
    ];
    let mut g = c.benchmark_group("entities");
    g.throughput(Throughput::Elements(words as u64));
    for (name, p) in &stages {
        g.bench_function(*name, |b| {
            b.iter(|| {
                let mut found = 0;
                for (i, t) in texts.iter().enumerate() {
                    let doc = p
                        .run(Report::from_text(ReportId(i.to_string()), t.clone()))
                        .expect("pipeline");
                    found += doc.layer(Layer::Entities).len() + doc.layer(Layer::Actors).len();
                }
                if *name != "segment_only" {
                    assert!(found >= texts.len() * 3, "{found}");
                }
                black_box(found)
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Metadata gathered while the tree is built: meta tags, link rel=canonical, the
//! `<title>`, `<html lang>`, `<time datetime>` and JSON-LD.

use super::entities::{clean_inline, decode};
use super::tree::{flags, AttrSet, Tag};
use crate::dates::parse_date;
use chrono::NaiveDate;
use serde_json::Value;

/// Where a publication date came from, best first.
#[derive(Debug, Clone, Copy)]
pub(crate) enum DateSource {
    /// `article:published_time` and its variants.
    ArticleMeta = 0,
    /// `<meta name="date">`, `pubdate`, `dc.date`...
    NamedMeta = 1,
    /// `itemprop="datePublished"`.
    Itemprop = 2,
    /// JSON-LD `datePublished` of an article object.
    JsonLdArticle = 3,
    /// JSON-LD `datePublished` of any other object.
    JsonLdOther = 4,
}

/// Metadata found in the page.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub og_title: Option<String>,
    pub twitter_title: Option<String>,
    pub title_tag: Option<String>,
    pub ld_headline: Option<String>,
    pub site_name: Option<String>,
    pub app_name: Option<String>,
    pub ld_publisher: Option<String>,
    pub ld_site: Option<String>,
    pub published: [Option<NaiveDate>; 5],
    /// `<time datetime>` elements: node index and date.
    pub times: Vec<(u32, NaiveDate)>,
    pub canonical: Option<String>,
    pub og_url: Option<String>,
    pub ld_url: Option<String>,
    pub html_lang: Option<String>,
    pub meta_lang: Option<String>,
    pub author_meta: Option<String>,
    pub ld_author: Option<String>,
    pub warnings: Vec<String>,
}

fn set(slot: &mut Option<String>, raw: &str) {
    if slot.is_none() {
        let v = clean_inline(raw);
        if !v.is_empty() {
            *slot = Some(v);
        }
    }
}

fn set_date(slot: &mut Option<NaiveDate>, raw: &str) {
    if slot.is_none() {
        *slot = parse_date(&decode(raw));
    }
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//")
}

impl Meta {
    fn date(&mut self, src: DateSource, raw: &str) {
        set_date(&mut self.published[src as usize], raw);
    }

    fn author(&mut self, raw: &str) {
        if self.author_meta.is_none() && !is_url(raw.trim()) {
            set(&mut self.author_meta, raw);
        }
    }

    /// Called for every start tag.
    pub(crate) fn on_element(&mut self, tag: Tag, a: &AttrSet, node: u32, f: u16) {
        if f & flags::IN_SVG != 0 {
            return;
        }
        match tag {
            Tag::Meta => self.meta_tag(a),
            Tag::Link => {
                let canonical = a.rel.is_some_and(|r| {
                    r.split_ascii_whitespace()
                        .any(|t| t.eq_ignore_ascii_case("canonical"))
                });
                if canonical {
                    if let Some(h) = a.href {
                        set(&mut self.canonical, h);
                    }
                }
            }
            Tag::Html => {
                if let Some(l) = a.lang {
                    set(&mut self.html_lang, l);
                }
            }
            Tag::Time => {
                if let Some(d) = a.datetime.and_then(|v| parse_date(&decode(v))) {
                    self.times.push((node, d));
                }
            }
            _ => {}
        }
        if tag != Tag::Meta {
            if let Some(ip) = a.itemprop {
                if ip
                    .split_ascii_whitespace()
                    .any(|p| p.eq_ignore_ascii_case("datePublished"))
                {
                    if let Some(v) = a.datetime.or(a.content) {
                        self.date(DateSource::Itemprop, v);
                    }
                }
            }
        }
    }

    fn meta_tag(&mut self, a: &AttrSet) {
        let Some(content) = a.content else {
            return;
        };
        if let Some(h) = a.http_equiv {
            if h.trim().eq_ignore_ascii_case("content-language") {
                set(&mut self.meta_lang, content);
            }
        }
        for key in [a.property, a.name, a.itemprop].into_iter().flatten() {
            let k = key.trim().to_ascii_lowercase();
            match k.as_str() {
                "og:title" => set(&mut self.og_title, content),
                "twitter:title" => set(&mut self.twitter_title, content),
                "og:site_name" => set(&mut self.site_name, content),
                "application-name" => set(&mut self.app_name, content),
                "og:url" => set(&mut self.og_url, content),
                "og:locale" | "language" | "dc.language" | "content-language" => {
                    set(&mut self.meta_lang, content)
                }
                "article:published_time"
                | "og:article:published_time"
                | "article:published"
                | "og:published_time"
                | "published_time" => self.date(DateSource::ArticleMeta, content),
                "date"
                | "pubdate"
                | "publishdate"
                | "publish-date"
                | "publish_date"
                | "publication_date"
                | "dc.date"
                | "dc.date.issued"
                | "dc.date.created"
                | "dcterms.date"
                | "dcterms.issued"
                | "dcterms.created"
                | "article.published"
                | "article_date_original"
                | "original-publish-date"
                | "sailthru.date"
                | "parsely-pub-date"
                | "date.published"
                | "citation_publication_date"
                | "citation_date"
                | "release_date" => self.date(DateSource::NamedMeta, content),
                "datepublished" => self.date(DateSource::Itemprop, content),
                "author" | "article:author" | "byl" | "dc.creator" | "sailthru.author"
                | "parsely-author" | "citation_author" => self.author(content),
                _ => {}
            }
        }
    }

    /// Called with the content of raw-text elements (title, script, style...).
    pub(crate) fn on_raw_text(&mut self, tag: Tag, a: &AttrSet, content: &str, f: u16) {
        if f & flags::IN_SVG != 0 {
            return;
        }
        match tag {
            Tag::Title => set(&mut self.title_tag, content),
            Tag::Script => {
                let ld = a
                    .type_
                    .is_some_and(|t| t.trim().to_ascii_lowercase().contains("ld+json"));
                if ld {
                    self.json_ld(content);
                }
            }
            _ => {}
        }
    }

    fn json_ld(&mut self, content: &str) {
        let mut s = content.trim();
        for p in ["<!--", "//<![CDATA[", "<![CDATA["] {
            s = s.strip_prefix(p).unwrap_or(s).trim();
        }
        for p in ["-->", "//]]>", "]]>"] {
            s = s.strip_suffix(p).unwrap_or(s).trim();
        }
        if s.is_empty() {
            return;
        }
        match serde_json::from_str::<Value>(s) {
            Ok(v) => self.ld_walk(&v, 0),
            Err(_) => {
                let w = "invalid JSON-LD ignored".to_string();
                if !self.warnings.contains(&w) {
                    self.warnings.push(w);
                }
            }
        }
    }

    fn ld_walk(&mut self, v: &Value, depth: usize) {
        if depth > 6 {
            return;
        }
        match v {
            Value::Array(xs) => {
                for x in xs.iter().take(64) {
                    self.ld_walk(x, depth + 1);
                }
            }
            Value::Object(o) => {
                let types = type_names(o.get("@type"));
                let articleish = types.iter().any(|t| {
                    t.ends_with("Article")
                        || matches!(*t, "BlogPosting" | "LiveBlogPosting" | "Report")
                });
                if articleish || o.contains_key("headline") {
                    if let Some(h) = o.get("headline").and_then(Value::as_str) {
                        set(&mut self.ld_headline, h);
                    }
                    if let Some(d) = o.get("datePublished").and_then(Value::as_str) {
                        self.date(DateSource::JsonLdArticle, d);
                    }
                    if let Some(name) = o.get("publisher").and_then(ld_name) {
                        set(&mut self.ld_publisher, &name);
                    }
                    if let Some(a) = o.get("author").and_then(ld_names) {
                        set(&mut self.ld_author, &a);
                    }
                    let url = o.get("url").and_then(Value::as_str).or_else(|| {
                        o.get("mainEntityOfPage").and_then(|m| {
                            m.as_str().or_else(|| m.get("@id").and_then(Value::as_str))
                        })
                    });
                    if let Some(u) = url {
                        set(&mut self.ld_url, u);
                    }
                } else if let Some(d) = o.get("datePublished").and_then(Value::as_str) {
                    self.date(DateSource::JsonLdOther, d);
                }
                if types
                    .iter()
                    .any(|t| matches!(*t, "WebSite" | "NewsMediaOrganization" | "Organization"))
                {
                    if let Some(n) = o.get("name").and_then(Value::as_str) {
                        set(&mut self.ld_site, n);
                    }
                }
                for key in ["@graph", "mainEntity"] {
                    if let Some(g) = o.get(key) {
                        self.ld_walk(g, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }

    /// The site name: og:site_name, application-name, JSON-LD publisher or site.
    pub(crate) fn outlet(&self) -> Option<String> {
        self.site_name
            .clone()
            .or_else(|| self.app_name.clone())
            .or_else(|| self.ld_publisher.clone())
            .or_else(|| self.ld_site.clone())
    }

    /// The page's own title from metadata (before any `<h1>` fallback).
    pub(crate) fn title(&self) -> Option<String> {
        self.og_title
            .clone()
            .or_else(|| self.title_tag.clone())
            .or_else(|| self.ld_headline.clone())
            .or_else(|| self.twitter_title.clone())
    }

    /// The canonical URL: link rel=canonical, og:url, JSON-LD url.
    pub(crate) fn url(&self) -> Option<String> {
        self.canonical
            .clone()
            .or_else(|| self.og_url.clone())
            .or_else(|| self.ld_url.clone())
    }

    /// The primary language subtag, lowercased: "en-GB" gives "en".
    pub(crate) fn language(&self) -> Option<String> {
        [&self.html_lang, &self.meta_lang]
            .into_iter()
            .flatten()
            .find_map(|l| primary_subtag(l))
    }

    /// The byline from metadata: meta author or JSON-LD author.
    pub(crate) fn byline(&self) -> Option<String> {
        self.author_meta
            .as_deref()
            .or(self.ld_author.as_deref())
            .and_then(clean_byline)
    }
}

fn primary_subtag(l: &str) -> Option<String> {
    let p = l.trim().split(['-', '_', ',', ' ']).next()?;
    ((2..=3).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_alphabetic()))
        .then(|| p.to_ascii_lowercase())
}

/// Strips "By " and trailing separators from a byline; `None` when nothing is left.
pub(crate) fn clean_byline(s: &str) -> Option<String> {
    let mut t = s.trim();
    for sep in ['|', '•', '·', '\n'] {
        if let Some(k) = t.find(sep) {
            t = t[..k].trim();
        }
    }
    if t.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by ")) {
        t = t[3..].trim_start();
    }
    let t = t.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == ':');
    if t.is_empty() || t.chars().count() > 200 {
        return None;
    }
    Some(t.to_string())
}

fn type_names(v: Option<&Value>) -> Vec<&str> {
    match v {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(xs)) => xs.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The name of a JSON-LD thing given as a string or an object with "name".
fn ld_name(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !is_url(s) => Some(s.clone()),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_string),
        Value::Array(xs) => xs.iter().find_map(ld_name),
        _ => None,
    }
}

/// All names of a JSON-LD author value, joined with ", ".
fn ld_names(v: &Value) -> Option<String> {
    let names: Vec<String> = match v {
        Value::Array(xs) => xs.iter().filter_map(ld_name).collect(),
        other => ld_name(other).into_iter().collect(),
    };
    (!names.is_empty()).then(|| names.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_graph() {
        let mut m = Meta::default();
        m.json_ld(
            r#"{"@context":"https://schema.org","@graph":[
                {"@type":"WebSite","name":"Example News"},
                {"@type":["NewsArticle"],"headline":"Guards &amp; militants","datePublished":"2023-12-20T08:15:00+05:00",
                 "author":[{"@type":"Person","name":"A. Writer"},{"name":"B. Writer"}],
                 "publisher":{"@type":"Organization","name":"Example Press"},
                 "mainEntityOfPage":{"@id":"https://example.com/a"}}]}"#,
        );
        assert_eq!(m.ld_headline.as_deref(), Some("Guards & militants"));
        assert_eq!(
            m.published[DateSource::JsonLdArticle as usize],
            NaiveDate::from_ymd_opt(2023, 12, 20)
        );
        assert_eq!(m.ld_author.as_deref(), Some("A. Writer, B. Writer"));
        assert_eq!(m.ld_publisher.as_deref(), Some("Example Press"));
        assert_eq!(m.ld_site.as_deref(), Some("Example News"));
        assert_eq!(m.ld_url.as_deref(), Some("https://example.com/a"));
        assert_eq!(m.outlet().as_deref(), Some("Example Press"));
    }

    #[test]
    fn invalid_json_ld_is_a_warning() {
        let mut m = Meta::default();
        m.json_ld("{not json");
        assert_eq!(m.warnings.len(), 1);
    }

    #[test]
    fn bylines_and_languages() {
        assert_eq!(
            clean_byline("By Jane Doe | Staff").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(clean_byline("  "), None);
        assert_eq!(clean_byline("Бy Иван").as_deref(), Some("Бy Иван"));
        assert_eq!(clean_byline("by").as_deref(), Some("by"));
        assert_eq!(primary_subtag("en-GB").as_deref(), Some("en"));
        assert_eq!(primary_subtag("ru_RU").as_deref(), Some("ru"));
        assert_eq!(primary_subtag("english"), None);
    }
}

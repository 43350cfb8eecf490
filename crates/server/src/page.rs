//! The placeholder page served at `/` until the dashboard is embedded.

use axum::http::StatusCode;
use axum::response::Html;

const PLACEHOLDER: &str = r#"<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Spillover</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}</style>
</head>
<body>
<h1>Spillover</h1>
<p>The dashboard is coming. The JSON API is live:</p>
<ul>
<li><a href="/api/reports">/api/reports</a> — reports, newest first (<code>?q=</code> to search)</li>
<li><a href="/api/spans?layer=dates">/api/spans?layer=dates</a> — spans of a layer across reports</li>
<li><a href="/api/stats">/api/stats</a> — counts per layer and reports per day</li>
<li><a href="/api/duplicates">/api/duplicates</a> — near-duplicate reports</li>
<li><a href="/api/openapi.json">/api/openapi.json</a> — the OpenAPI description</li>
</ul>
</body>
</html>
"#;

pub(crate) async fn placeholder() -> Html<&'static str> {
    Html(PLACEHOLDER)
}

pub(crate) fn not_found() -> (StatusCode, Html<&'static str>) {
    (
        StatusCode::NOT_FOUND,
        Html("<!doctype html><title>Not found</title><p>Not found. See <a href=\"/\">the start page</a>.</p>\n"),
    )
}

//! Shared by the API tests: a database of the sample reports ingested the way the CLI
//! does it, and a real server on 127.0.0.1:0.

#![allow(dead_code)]

use spillover_ingest::{expand_inputs, read_input, IngestOptions};
use spillover_pipeline::{link, Pipeline};
use spillover_server::{serve_with_listener, AppState};
use spillover_store::{SqliteStore, Store};
use std::path::{Path, PathBuf};

/// Ingests `inputs` into the database at `db`: `read_input` → pipeline → `put_doc`.
pub fn ingest(db: &Path, inputs: &[String]) -> usize {
    let mut store = SqliteStore::open(db).expect("open db");
    let pipeline = Pipeline::standard();
    let (inputs, missing) = expand_inputs(inputs);
    assert!(missing.is_empty(), "{missing:?}");
    let mut stored = 0;
    for input in &inputs {
        let mut reports = Vec::new();
        read_input(input, &IngestOptions::default(), &mut |r| {
            if let Ok(r) = r {
                reports.push(r);
            }
        })
        .expect("read input");
        for r in reports {
            let sig = link::signature(&r.text);
            let doc = pipeline.run(r).expect("pipeline");
            if matches!(
                store.put_doc(&doc, &sig).expect("put_doc"),
                spillover_store::PutOutcome::Stored { .. }
            ) {
                stored += 1;
            }
        }
    }
    stored
}

pub fn samples() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/samples").to_string()
}

/// A fresh database path under the target's temp dir (old files removed).
pub fn fresh_db(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let path = dir.join(format!("{name}-{}.db", std::process::id()));
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    path
}

/// A server running on its own thread until the test process ends or it is dropped.
pub struct Server {
    pub base: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    pub fn start(db: &Path, token: Option<&str>) -> Server {
        let state = AppState::open(db, token.map(str::to_string)).expect("open state");
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("bind");
                addr_tx
                    .send(listener.local_addr().expect("addr"))
                    .expect("send");
                serve_with_listener(listener, state, async {
                    let _ = stopped.await;
                })
                .await
                .expect("serve");
            });
        });
        let addr = addr_rx.recv().expect("server address");
        Server {
            base: format!("http://{addr}"),
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

pub fn client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .expect("client")
}

/// GET `path`, returning status, content type and body.
pub fn get(server: &Server, path: &str) -> (u16, String, String) {
    let resp = client().get(server.url(path)).send().expect("request");
    let status = resp.status().as_u16();
    let ct = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    (status, ct, resp.text().expect("body"))
}

/// GET `path` expecting 200 JSON.
pub fn get_json(server: &Server, path: &str) -> serde_json::Value {
    let (status, ct, body) = get(server, path);
    assert_eq!(status, 200, "{path}: {body}");
    assert!(ct.starts_with("application/json"), "{path}: {ct}");
    serde_json::from_str(&body).expect("json")
}

/// Asserts an error response's status and JSON code.
pub fn assert_error(status: u16, ct: &str, body: &str, want_status: u16, want_code: &str) {
    assert_eq!(status, want_status, "{body}");
    assert!(ct.starts_with("application/json"), "{ct}: {body}");
    let v: serde_json::Value = serde_json::from_str(body).expect("error json");
    assert_eq!(v["error"]["code"], want_code, "{body}");
    assert!(
        v["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "{body}"
    );
}

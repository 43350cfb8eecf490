//! `spillover serve`: the JSON API over a database.

use crate::DbArg;
use anyhow::{Context, Result};
use spillover_server::{serve_with_listener, shutdown_signal, AppState};
use std::net::SocketAddr;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Bearer token that allows `POST /api/reports`; without one the API is read-only.
    #[arg(long, env = "SPILLOVER_WRITE_TOKEN", hide_env_values = true)]
    pub write_token: Option<String>,
}

pub fn run(args: ServeArgs) -> Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async {
        let state = AppState::open(&args.db.db, args.write_token.clone())
            .with_context(|| format!("opening {}", args.db.db.display()))?;
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("binding {}", args.addr))?;
        let addr = listener.local_addr()?;
        println!(
            "serving {} at http://{addr}/ (API: http://{addr}/api/openapi.json; {}); Ctrl-C stops",
            args.db.db.display(),
            if args.write_token.is_some() {
                "POST /api/reports enabled"
            } else {
                "read-only"
            }
        );
        serve_with_listener(listener, state, shutdown_signal()).await?;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

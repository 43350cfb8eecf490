//! Shared state: a small pool of read-only SQLite connections, one writer, the pipeline.
//!
//! A rusqlite `Connection` is `Send` but not `Sync`, so every query runs on a blocking
//! thread (`spawn_blocking`) holding one connection. Readers are leased from a pool
//! guarded by a semaphore; SQLite's WAL lets them read while the writer writes.

use crate::error::{ApiError, ServerError};
use spillover_pipeline::Pipeline;
use spillover_store::{SqliteStore, StoreError};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::Semaphore;

/// What every handler shares. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    readers: Mutex<Vec<SqliteStore>>,
    permits: Arc<Semaphore>,
    writer: Mutex<SqliteStore>,
    write_token: Option<String>,
    pipeline: Pipeline,
}

/// A reader connection out of the pool; it goes back when dropped, even on a panic.
struct Lease {
    conn: Option<SqliteStore>,
    inner: Arc<Inner>,
    _permit: tokio::sync::OwnedSemaphorePermit,
}

impl Drop for Lease {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            self.inner
                .readers
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(conn);
        }
    }
}

/// Reader connections: enough for the cores, few enough to keep memory small.
fn reader_count() -> usize {
    std::thread::available_parallelism().map_or(4, |n| n.get().clamp(2, 8))
}

impl AppState {
    /// Opens (creating and migrating if needed) the database at `db`, then its readers.
    /// Writes are allowed only when `write_token` is given (and not empty).
    pub fn open(db: &Path, write_token: Option<String>) -> Result<AppState, ServerError> {
        let writer = SqliteStore::open(db)?;
        let n = reader_count();
        let readers = (0..n)
            .map(|_| SqliteStore::open_read_only(db))
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(AppState {
            inner: Arc::new(Inner {
                readers: Mutex::new(readers),
                permits: Arc::new(Semaphore::new(n)),
                writer: Mutex::new(writer),
                write_token: write_token.filter(|t| !t.is_empty()),
                pipeline: Pipeline::standard(),
            }),
        })
    }

    /// Runs `f` on a reader connection on a blocking thread.
    pub(crate) async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&SqliteStore) -> Result<T, ApiError> + Send + 'static,
    {
        let permit = self
            .inner
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| ApiError::Internal(format!("reader pool closed: {e}")))?;
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let conn = inner
                .readers
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .pop();
            let lease = Lease {
                conn,
                inner: inner.clone(),
                _permit: permit,
            };
            match &lease.conn {
                Some(conn) => f(conn),
                None => Err(ApiError::Internal("no reader connection free".into())),
            }
        })
        .await
        .map_err(|e| ApiError::Internal(format!("query task failed: {e}")))?
    }

    /// Runs `f` with the writer connection and the pipeline on a blocking thread.
    pub(crate) async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut SqliteStore, &Pipeline) -> Result<T, ApiError> + Send + 'static,
    {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let mut writer = inner.writer.lock().unwrap_or_else(PoisonError::into_inner);
            f(&mut writer, &inner.pipeline)
        })
        .await
        .map_err(|e| ApiError::Internal(format!("write task failed: {e}")))?
    }

    /// Whether `presented` is the configured write token. `Forbidden` when no token is
    /// configured (read-only server) or it does not match; compared in constant time.
    pub(crate) fn authorize(&self, presented: Option<&str>) -> Result<(), ApiError> {
        let Some(token) = &self.inner.write_token else {
            return Err(ApiError::Forbidden(
                "this server is read-only: start it with a write token to accept reports".into(),
            ));
        };
        match presented {
            Some(p) if constant_time_eq(p.as_bytes(), token.as_bytes()) => Ok(()),
            Some(_) => Err(ApiError::Forbidden("wrong write token".into())),
            None => Err(ApiError::Forbidden(
                "writing needs an Authorization: Bearer <token> header".into(),
            )),
        }
    }
}

/// Equality whose running time depends on the lengths only, not on where the bytes differ.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = u8::from(a.len() != b.len());
    for i in 0..a.len().max(b.len()) {
        let x = a.get(i).copied().unwrap_or(0);
        let y = b.get(i).copied().unwrap_or(0);
        diff |= x ^ y;
    }
    std::hint::black_box(diff) == 0
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn compares_whole_tokens() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secret", b"secreT"));
        assert!(!constant_time_eq(b"secret", b"secret2"));
        assert!(!constant_time_eq(b"", b"x"));
        assert!(constant_time_eq(b"", b""));
    }
}

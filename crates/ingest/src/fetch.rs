//! Fetching pages and feeds over http(s), guarded so that a hostile feed or redirect
//! cannot make the tool probe the network it runs in.

use crate::IngestError;
use std::io::Read;
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;

/// Limits for one fetch.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Whole-request timeout.
    pub timeout: Duration,
    /// Largest body accepted, in bytes.
    pub max_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
    /// Allow loopback, private, link-local and other non-public addresses (off by default).
    pub allow_private: bool,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(20),
            max_bytes: 16 * 1024 * 1024,
            max_redirects: 5,
            allow_private: false,
        }
    }
}

/// Whether `ip` is a public unicast address: not loopback, private, link-local,
/// shared (CGNAT), unspecified, broadcast, multicast, documentation or unique-local.
pub fn is_public_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || o[0] == 0
                || (o[0] == 100 && (o[1] & 0xc0) == 64) // 100.64.0.0/10
                || (o[0] == 192 && o[1] == 0 && o[2] == 0) // 192.0.0.0/24
                || (o[0] == 198 && (o[1] & 0xfe) == 18) // 198.18.0.0/15
                || o[0] >= 240)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_ip(IpAddr::V4(v4));
            }
            let s = v6.segments();
            let embedded = |hi: u16, lo: u16| {
                std::net::Ipv4Addr::new((hi >> 8) as u8, hi as u8, (lo >> 8) as u8, lo as u8)
            };
            // IPv4-compatible ::a.b.c.d and 6to4 2002:a.b.c.d::/48 carry an IPv4 address.
            if s[..6] == [0; 6] && !(s[6] == 0 && s[7] <= 1) {
                return is_public_ip(IpAddr::V4(embedded(s[6], s[7])));
            }
            if s[0] == 0x2002 {
                return is_public_ip(IpAddr::V4(embedded(s[1], s[2])));
            }
            !(v6.is_loopback()
                || (s[0] == 0x0064 && s[1] == 0xff9b) // NAT64 64:ff9b::/96 and 64:ff9b:1::/48
                || (s[0] & 0xffc0) == 0xfec0 // site-local (deprecated)
                || (s[0] == 0x2001 && s[1] == 0) // Teredo
                || v6.is_unspecified()
                || v6.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00 // unique local
                || (s[0] & 0xffc0) == 0xfe80 // link-local
                || (s[0] == 0x2001 && s[1] == 0x0db8)) // documentation
        }
    }
}

/// Resolves names and drops every address that is not public, so a name that points
/// at 127.0.0.1 or 169.254.169.254 fails to connect instead of being probed.
struct PublicOnlyResolver;

impl reqwest::dns::Resolve for PublicOnlyResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_string();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> = (host.as_str(), 0)
                .to_socket_addrs()?
                .filter(|a| is_public_ip(a.ip()))
                .collect();
            if addrs.is_empty() {
                return Err(format!("{host} resolves to no public address").into());
            }
            let iter: reqwest::dns::Addrs = Box::new(addrs.into_iter());
            Ok(iter)
        })
    }
}

fn check_url(url: &reqwest::Url, allow_private: bool) -> Result<(), String> {
    match url.scheme() {
        "http" | "https" => {}
        other => return Err(format!("scheme {other} is not http(s)")),
    }
    if allow_private {
        return Ok(());
    }
    match url.host() {
        None => Err("no host".into()),
        Some(url::Host::Ipv4(ip)) if !is_public_ip(IpAddr::V4(ip)) => Err(format!(
            "{ip} is not a public address (use --allow-private to permit)"
        )),
        Some(url::Host::Ipv6(ip)) if !is_public_ip(IpAddr::V6(ip)) => Err(format!(
            "{ip} is not a public address (use --allow-private to permit)"
        )),
        Some(url::Host::Domain(d))
            if d.eq_ignore_ascii_case("localhost") || d.ends_with(".localhost") =>
        {
            Err(format!(
                "{d} is not a public address (use --allow-private to permit)"
            ))
        }
        _ => Ok(()),
    }
}

/// A fetched body with the content type the server declared.
#[derive(Debug)]
pub struct Fetched {
    pub body: Vec<u8>,
    pub content_type: Option<String>,
    /// The URL after redirects.
    pub final_url: String,
}

/// Fetches `url` under `opts`: http(s) only, public addresses only unless allowed,
/// a bounded number of redirects (each checked), a timeout and a size cap.
pub fn fetch(url: &str, opts: &FetchOptions) -> Result<Fetched, IngestError> {
    let http = |message: String| IngestError::Http {
        input: url.to_string(),
        message,
    };
    let blocked = |reason: String| IngestError::Blocked {
        input: url.to_string(),
        reason,
    };
    let parsed = reqwest::Url::parse(url).map_err(|e| http(format!("bad URL: {e}")))?;
    check_url(&parsed, opts.allow_private).map_err(blocked)?;
    let allow_private = opts.allow_private;
    let max_redirects = opts.max_redirects;
    let policy = reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() > max_redirects {
            return attempt.error(format!("more than {max_redirects} redirects"));
        }
        match check_url(attempt.url(), allow_private) {
            Ok(()) => attempt.follow(),
            Err(reason) => attempt.error(format!("redirect refused: {reason}")),
        }
    });
    let mut builder = reqwest::blocking::Client::builder()
        .timeout(opts.timeout)
        .connect_timeout(opts.timeout.min(Duration::from_secs(10)))
        .redirect(policy)
        // A proxy would resolve names itself, past the public-address check.
        .no_proxy()
        .user_agent(concat!("spillover/", env!("CARGO_PKG_VERSION")));
    if !opts.allow_private {
        builder = builder.dns_resolver(Arc::new(PublicOnlyResolver));
    }
    let client = builder.build().map_err(|e| http(e.to_string()))?;
    let response = client.get(parsed).send().map_err(|e| {
        let mut msg = e.to_string();
        let mut src = std::error::Error::source(&e);
        while let Some(s) = src {
            msg.push_str(": ");
            msg.push_str(&s.to_string());
            src = s.source();
        }
        http(msg)
    })?;
    let status = response.status();
    if !status.is_success() {
        return Err(http(format!("HTTP {status}")));
    }
    if let Some(len) = response.content_length() {
        if len > opts.max_bytes {
            return Err(IngestError::TooLarge {
                input: url.to_string(),
                size: len,
                max: opts.max_bytes,
            });
        }
    }
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let final_url = response.url().to_string();
    let mut body = Vec::new();
    response
        .take(opts.max_bytes + 1)
        .read_to_end(&mut body)
        .map_err(|e| http(e.to_string()))?;
    if body.len() as u64 > opts.max_bytes {
        return Err(IngestError::TooLarge {
            input: url.to_string(),
            size: body.len() as u64,
            max: opts.max_bytes,
        });
    }
    Ok(Fetched {
        body,
        content_type,
        final_url,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_addresses() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(!is_public_ip(private.parse().unwrap()), "{private}");
        }
        for public in ["8.8.8.8", "1.1.1.1", "2606:4700::1111"] {
            assert!(is_public_ip(public.parse().unwrap()), "{public}");
        }
    }

    #[test]
    fn refuses_private_and_odd_urls_before_connecting() {
        let opts = FetchOptions::default();
        for url in [
            "http://127.0.0.1:9/feed",
            "http://[::1]/x",
            "http://localhost/x",
            "http://169.254.169.254/latest/meta-data",
            "file:///etc/passwd",
        ] {
            let err = fetch(url, &opts).unwrap_err();
            assert!(matches!(err, IngestError::Blocked { .. }), "{url}: {err}");
            assert!(err.to_string().starts_with(url), "{err}");
        }
    }
}

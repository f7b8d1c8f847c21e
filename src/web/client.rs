//! Who is asking: the client's network address. Behind a reverse proxy every request comes
//! from the proxy, so the address the client connected from is read from `X-Forwarded-For` —
//! but only when the request came from a proxy the settings trust (`trusted_proxies`); anyone
//! else could write any address there.

use std::net::IpAddr;

use actix_web::HttpRequest;

/// The client's address: the socket's peer, or, when the peer is a trusted proxy, the nearest
/// address in `X-Forwarded-For` that is not itself a trusted proxy (the list is read from the
/// right, where each proxy appends what it saw).
pub fn address(req: &HttpRequest, trusted: &[ipnet::IpNet]) -> Option<IpAddr> {
    let peer = req.peer_addr()?.ip();
    address_from(peer, req.headers().get_all("x-forwarded-for").filter_map(|v| v.to_str().ok()), trusted)
}

fn address_from<'a>(
    peer: IpAddr,
    forwarded: impl Iterator<Item = &'a str>,
    trusted: &[ipnet::IpNet],
) -> Option<IpAddr> {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return Some(peer);
    }
    let hops: Vec<IpAddr> = forwarded.flat_map(|v| v.split(',')).filter_map(|h| h.trim().parse().ok()).collect();
    Some(hops.iter().rev().find(|ip| !is_trusted(ip)).or(hops.first()).copied().unwrap_or(peer))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nets(list: &[&str]) -> Vec<ipnet::IpNet> {
        list.iter().map(|s| s.parse().unwrap()).collect()
    }

    #[test]
    fn forwarded_for_is_believed_only_from_a_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let trusted = nets(&["10.0.0.0/24"]);
        let got = |peer: IpAddr, xff: &[&str], t: &[ipnet::IpNet]| address_from(peer, xff.iter().copied(), t);
        // No proxy trusted: the header is ignored, whatever it says.
        assert_eq!(got(proxy, &["203.0.113.9"], &[]), Some(proxy));
        // Through the trusted proxy: the client it saw.
        assert_eq!(got(proxy, &["203.0.113.9"], &trusted), Some("203.0.113.9".parse().unwrap()));
        // A client that forges a first hop does not choose its address: the last untrusted hop counts.
        assert_eq!(got(proxy, &["1.2.3.4, 203.0.113.9"], &trusted), Some("203.0.113.9".parse().unwrap()));
        // Two trusted proxies in a row.
        assert_eq!(got(proxy, &["203.0.113.9, 10.0.0.7"], &trusted), Some("203.0.113.9".parse().unwrap()));
        // A direct client is itself, header or not.
        let client: IpAddr = "198.51.100.1".parse().unwrap();
        assert_eq!(got(client, &["1.2.3.4"], &trusted), Some(client));
    }
}

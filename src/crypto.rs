//! Secrets handling: random tokens, token hashes for storage, and encryption at rest of
//! artisans' private fields (XChaCha20-Poly1305 with a key derived from the configured secret
//! key by HKDF-SHA256). Stored ciphertext reads `enc1:<base64 nonce ‖ ciphertext>`.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};

const PREFIX: &str = "enc1:";

/// Used only in development when no secret key is configured (production refuses to start
/// without one): data encrypted with it is not protected.
const DEVELOPMENT_KEY: &str = "fairgold-development-only-key-not-a-secret";

#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("stored ciphertext is malformed")]
    Malformed,
    #[error("stored ciphertext does not decrypt with the configured key")]
    WrongKey,
}

#[derive(Clone)]
pub struct Cipher {
    aead: XChaCha20Poly1305,
    /// Keys the hash of a client's network address (see `client_key`).
    address_key: [u8; 32],
    /// Keys the stored hash of a staff member's recovery codes (see `recovery_code_hash`).
    recovery_key: [u8; 32],
}

impl std::fmt::Debug for Cipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cipher(..)")
    }
}

impl Cipher {
    pub fn from_secret(secret: Option<&SecretString>) -> Self {
        let ikm = secret
            .map(|s| s.expose_secret().as_bytes().to_vec())
            .unwrap_or_else(|| DEVELOPMENT_KEY.as_bytes().to_vec());
        let hk = Hkdf::<Sha256>::new(Some(b"fairgold/v1"), &ikm);
        let mut key = [0u8; 32];
        hk.expand(b"artisan-private-fields", &mut key).expect("32 bytes is a valid HKDF length");
        let mut address_key = [0u8; 32];
        hk.expand(b"client-address", &mut address_key).expect("32 bytes is a valid HKDF length");
        let mut recovery_key = [0u8; 32];
        hk.expand(b"recovery-codes", &mut recovery_key).expect("32 bytes is a valid HKDF length");
        Self { aead: XChaCha20Poly1305::new(&key.into()), address_key, recovery_key }
    }

    /// What the shop keeps of a client's network address to count what it holds and how often
    /// it checks out: a keyed hash (HMAC-SHA256), so the stored value names no address (an
    /// unkeyed hash of the few billion IPv4 addresses is reversed in minutes). An IPv6 client
    /// counts by its /64, which is what one subscriber gets.
    pub fn client_key(&self, addr: std::net::IpAddr) -> String {
        use hmac::{Hmac, Mac};
        let normalized = match addr {
            std::net::IpAddr::V4(v4) => v4.to_string(),
            std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => v4.to_string(),
                None => {
                    let s = v6.segments();
                    format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
                }
            },
        };
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.address_key).expect("HMAC takes any key length");
        mac.update(normalized.as_bytes());
        mac.finalize().into_bytes().iter().take(16).map(|b| format!("{b:02x}")).collect()
    }

    /// How a recovery code is stored: a keyed hash (HMAC-SHA256 under a key derived from the
    /// secret key), so a copy of the database without the key cannot test guesses offline.
    pub fn recovery_code_hash(&self, normalized_code: &str) -> String {
        use hmac::{Hmac, Mac};
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.recovery_key).expect("HMAC takes any key length");
        mac.update(normalized_code.as_bytes());
        mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
    }

    pub fn encrypt(&self, plaintext: &str) -> String {
        let mut nonce = [0u8; 24];
        fill_random(&mut nonce);
        let ciphertext =
            self.aead.encrypt(XNonce::from_slice(&nonce), plaintext.as_bytes()).expect("encryption cannot fail");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ciphertext);
        format!("{PREFIX}{}", STANDARD.encode(out))
    }

    pub fn decrypt(&self, stored: &str) -> Result<String, CryptoError> {
        let data = stored.strip_prefix(PREFIX).ok_or(CryptoError::Malformed)?;
        let bytes = STANDARD.decode(data).map_err(|_| CryptoError::Malformed)?;
        if bytes.len() < 24 + 16 {
            return Err(CryptoError::Malformed);
        }
        let (nonce, ciphertext) = bytes.split_at(24);
        let plain = self.aead.decrypt(XNonce::from_slice(nonce), ciphertext).map_err(|_| CryptoError::WrongKey)?;
        String::from_utf8(plain).map_err(|_| CryptoError::Malformed)
    }

    pub fn is_encrypted(stored: &str) -> bool {
        stored.starts_with(PREFIX)
    }
}

/// Whether a configured secret key looks random enough to protect survivors' records (ASVS 5.0
/// 11.2.x, 13.3.x): at least 32 characters, at least 16 distinct ones, and an entropy estimate
/// (the Shannon entropy of its characters times its length) of at least 128 bits. `"k" x 40`,
/// a repeated phrase or a short word list fails; `openssl rand -base64 48` passes. Returns why
/// not.
pub fn key_weakness(key: &str) -> Option<String> {
    if key == DEVELOPMENT_KEY {
        return Some("it is the development key, which is in the source code".into());
    }
    let chars: Vec<char> = key.chars().collect();
    if chars.len() < 32 {
        return Some(format!("it is {} characters long; use 32 or more random characters", chars.len()));
    }
    let mut counts = std::collections::HashMap::new();
    for c in &chars {
        *counts.entry(*c).or_insert(0usize) += 1;
    }
    if counts.len() < 16 {
        return Some(format!("it uses only {} distinct characters; it does not look random", counts.len()));
    }
    let n = chars.len() as f64;
    let per_char: f64 = counts.values().map(|&k| k as f64 / n).map(|p| -p * p.log2()).sum();
    let bits = per_char * n;
    if bits < 128.0 {
        return Some(format!("its estimated entropy is {bits:.0} bits; use at least 128 bits of randomness"));
    }
    None
}

/// The key used when none is configured: only development may run with it (see
/// `config::Settings::check_production`), and start-up says so loudly.
pub fn uses_development_key(secret: Option<&SecretString>) -> bool {
    secret.is_none_or(|s| s.expose_secret() == DEVELOPMENT_KEY)
}

/// Fills `buf` from the operating system's CSPRNG.
pub fn fill_random(buf: &mut [u8]) {
    getrandom::fill(buf).expect("the operating system's random source is available");
}

/// A random token with `bytes` bytes of entropy, URL-safe base64.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    fill_random(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
}

/// How a bearer token (session id, API token, setup link) is stored: its SHA-256, so a copy
/// of the database does not hand out live credentials. Tokens are random, so no salt is needed.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares secrets in constant time.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_never_repeats_a_ciphertext() {
        let c = Cipher::from_secret(Some(&SecretString::from("k".repeat(40))));
        let a = c.encrypt("Rupali Dasgupta");
        let b = c.encrypt("Rupali Dasgupta");
        assert_ne!(a, b, "a fresh nonce each time");
        assert!(!a.contains("Rupali"));
        assert_eq!(c.decrypt(&a).unwrap(), "Rupali Dasgupta");
    }

    #[test]
    fn another_key_cannot_read_it() {
        let c = Cipher::from_secret(Some(&SecretString::from("k".repeat(40))));
        let other = Cipher::from_secret(Some(&SecretString::from("j".repeat(40))));
        assert!(matches!(other.decrypt(&c.encrypt("x")), Err(CryptoError::WrongKey)));
        assert!(matches!(c.decrypt("plain text"), Err(CryptoError::Malformed)));
    }

    #[test]
    fn client_keys_are_keyed_and_group_an_ipv6_subscriber() {
        let c = Cipher::from_secret(Some(&SecretString::from("k".repeat(40))));
        let other = Cipher::from_secret(Some(&SecretString::from("j".repeat(40))));
        let a: std::net::IpAddr = "203.0.113.7".parse().unwrap();
        assert_eq!(c.client_key(a), c.client_key(a));
        assert_ne!(c.client_key(a), other.client_key(a), "another key, another hash");
        assert_ne!(c.client_key(a), c.client_key("203.0.113.8".parse().unwrap()));
        let v6 = |s: &str| c.client_key(s.parse().unwrap());
        assert_eq!(v6("2001:db8:1:2::1"), v6("2001:db8:1:2:ffff::9"));
        assert_ne!(v6("2001:db8:1:2::1"), v6("2001:db8:1:3::1"));
        assert_eq!(v6("::ffff:203.0.113.7"), c.client_key(a));
    }

    #[test]
    fn weak_keys_are_recognised() {
        assert!(key_weakness(&"k".repeat(40)).is_some());
        assert!(key_weakness("short").is_some());
        assert!(key_weakness(&"correct horse ".repeat(4)).is_some());
        assert!(key_weakness(DEVELOPMENT_KEY).is_some());
        assert!(key_weakness(&random_token(36)).is_none());
        assert!(key_weakness("f3Kq9ZLw2xR7pTv0bYc8mN1sHd4jEu6G").is_none());
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let t = random_token(16);
        assert_eq!(t.len(), 22);
        assert_ne!(t, random_token(16));
        assert_eq!(token_hash("abc").len(), 64);
        assert!(constant_time_eq("abc", "abc") && !constant_time_eq("abc", "abd"));
    }
}

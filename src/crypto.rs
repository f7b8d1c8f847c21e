//! Secrets handling: random tokens, token hashes for storage, and encryption at rest of
//! artisans' private fields (XChaCha20-Poly1305 with a key derived from the configured secret
//! key by HKDF-SHA256). Stored ciphertext reads `enc1:<base64 nonce ‖ ciphertext>`. The
//! Ed25519 key that signs the ledger's checkpoints (`LedgerSigner`).

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

/// The Ed25519 key that signs the ledger's head at each month close (`wages::checkpoints`):
/// from `FAIRGOLD_LEDGER_SIGNING_KEY` (a 32-byte seed), or in development a key derived from
/// the secret key (HKDF-SHA256, purpose `ledger-checkpoint`), which proves nothing to anyone:
/// whoever has the source and the secret key can make it.
#[derive(Clone)]
pub struct LedgerSigner {
    key: ed25519_dalek::SigningKey,
    development: bool,
}

impl std::fmt::Debug for LedgerSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LedgerSigner({}{})", self.public_key_hex(), if self.development { ", development" } else { "" })
    }
}

impl LedgerSigner {
    /// The signer a shop runs with: the configured key; without one, in development the derived
    /// development key, in production none (a month cannot be closed then). `seed` was checked
    /// by the settings (`ledger_seed`).
    pub fn choose(
        seed: Option<&SecretString>,
        secret: Option<&SecretString>,
        development: bool,
    ) -> Result<Option<Self>, String> {
        match seed {
            Some(text) => {
                let seed = ledger_seed(text.expose_secret())?;
                Ok(Some(Self { key: ed25519_dalek::SigningKey::from_bytes(&seed), development: false }))
            }
            None if development => Ok(Some(Self::development(secret))),
            None => Ok(None),
        }
    }

    /// The development key, derived from the secret key (or the development secret key).
    pub fn development(secret: Option<&SecretString>) -> Self {
        let ikm = secret
            .map(|s| s.expose_secret().as_bytes().to_vec())
            .unwrap_or_else(|| DEVELOPMENT_KEY.as_bytes().to_vec());
        let mut seed = [0u8; 32];
        Hkdf::<Sha256>::new(Some(b"fairgold/v1"), &ikm)
            .expand(b"ledger-checkpoint", &mut seed)
            .expect("32 bytes is a valid HKDF length");
        Self { key: ed25519_dalek::SigningKey::from_bytes(&seed), development: true }
    }

    /// Whether this is the development key (not configured, derived).
    pub fn is_development(&self) -> bool {
        self.development
    }

    /// The public key, 64 lowercase hex digits.
    pub fn public_key_hex(&self) -> String {
        hex(self.key.verifying_key().as_bytes())
    }

    /// The signature of `message`, 128 lowercase hex digits.
    pub fn sign_hex(&self, message: &[u8]) -> String {
        use ed25519_dalek::Signer;
        hex(&self.key.sign(message).to_bytes())
    }
}

/// Whether `signature_hex` is the signature of `message` under `public_key_hex` (Ed25519, the
/// strict check: no malleable or small-order forms). Says why not.
pub fn verify_ed25519(public_key_hex: &str, message: &[u8], signature_hex: &str) -> Result<(), String> {
    let key: [u8; 32] =
        unhex(public_key_hex).and_then(|b| b.try_into().ok()).ok_or("the public key is not 64 hex digits")?;
    let key = ed25519_dalek::VerifyingKey::from_bytes(&key).map_err(|_| "the public key is not a valid Ed25519 key")?;
    let sig: [u8; 64] =
        unhex(signature_hex).and_then(|b| b.try_into().ok()).ok_or("the signature is not 128 hex digits")?;
    key.verify_strict(message, &ed25519_dalek::Signature::from_bytes(&sig))
        .map_err(|_| "the signature does not match (the signed text or the signature was changed)".into())
}

/// A ledger signing key as configured: 32 bytes written as 64 hex digits or as base64 (standard
/// or URL-safe, padded or not). Says what is wrong, never the value.
pub fn ledger_seed(text: &str) -> Result<[u8; 32], String> {
    let text = text.trim();
    let bytes = unhex(text)
        .or_else(|| STANDARD.decode(text).ok())
        .or_else(|| URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')).ok())
        .or_else(|| base64::engine::general_purpose::STANDARD_NO_PAD.decode(text.trim_end_matches('=')).ok());
    match bytes {
        Some(b) => b.try_into().map_err(|b: Vec<u8>| {
            format!(
                "FAIRGOLD_LEDGER_SIGNING_KEY is {} bytes; it must be 32 (make one with `openssl rand -hex 32`)",
                b.len()
            )
        }),
        None => {
            Err("FAIRGOLD_LEDGER_SIGNING_KEY is neither hex nor base64 (make one with `openssl rand -hex 32`)".into())
        }
    }
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Bytes from hex digits (either case); `None` for anything else.
pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok()).collect()
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
    fn ledger_keys_read_hex_or_base64_sign_and_verify() {
        let hex_seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
        let seed = ledger_seed(hex_seed).unwrap();
        assert_eq!(ledger_seed(&STANDARD.encode(seed)).unwrap(), seed);
        assert_eq!(ledger_seed(&URL_SAFE_NO_PAD.encode(seed)).unwrap(), seed);
        assert!(ledger_seed("abcd").unwrap_err().contains("2 bytes"));
        assert!(ledger_seed("not a key!").unwrap_err().contains("neither hex nor base64"));
        let signer = LedgerSigner::choose(Some(&SecretString::from(hex_seed)), None, false).unwrap().expect("a signer");
        // RFC 8032, test 1: this seed's public key.
        assert_eq!(signer.public_key_hex(), "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        let sig = signer.sign_hex(b"fairgold");
        assert!(verify_ed25519(&signer.public_key_hex(), b"fairgold", &sig).is_ok());
        assert!(verify_ed25519(&signer.public_key_hex(), b"fairgolD", &sig).is_err());
        let mut bad = sig.clone();
        bad.replace_range(0..2, if &sig[0..2] == "00" { "01" } else { "00" });
        assert!(verify_ed25519(&signer.public_key_hex(), b"fairgold", &bad).is_err());
        assert!(format!("{signer:?}").contains(&signer.public_key_hex()), "only the public part is shown");
    }

    #[test]
    fn production_has_no_ledger_signer_unless_configured_and_development_derives_one() {
        let secret = SecretString::from("k".repeat(40));
        assert!(LedgerSigner::choose(None, Some(&secret), false).unwrap().is_none());
        let dev = LedgerSigner::choose(None, Some(&secret), true).unwrap().unwrap();
        assert!(dev.is_development());
        assert_eq!(dev.public_key_hex(), LedgerSigner::development(Some(&secret)).public_key_hex(), "deterministic");
        let other = LedgerSigner::development(Some(&SecretString::from("j".repeat(40))));
        assert_ne!(dev.public_key_hex(), other.public_key_hex());
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

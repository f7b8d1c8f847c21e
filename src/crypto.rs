//! Secrets handling: random tokens, token hashes for storage, and encryption at rest of the
//! values a copy of the database must not reveal (artisans' private fields, TOTP secrets, the
//! order status links' tokens): XChaCha20-Poly1305 under a key per purpose, each derived from the
//! configured secret key by HKDF-SHA256. Each ciphertext is bound to where it is stored (table,
//! column and row, as AEAD associated data), so a value copied into another row does not open.
//! Stored ciphertext reads `enc2:<base64 nonce ‖ ciphertext>`; `enc1:` values (one key for
//! everything, no associated data) from before still open until `fairgold keys rotate` rewrites
//! them. While `FAIRGOLD_SECRET_KEY_OLD` is set, values sealed under the old key open too, so a
//! key can be changed without a moment when records cannot be read. The Ed25519 key that signs
//! the ledger's checkpoints (`LedgerSigner`).

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};

const PREFIX: &str = "enc2:";
const PREFIX_V1: &str = "enc1:";

/// Used only in development when no secret key is configured (production refuses to start
/// without one): data encrypted with it is not protected.
const DEVELOPMENT_KEY: &str = "fairgold-development-only-key-not-a-secret";

#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("stored ciphertext is malformed")]
    Malformed,
    #[error("stored ciphertext does not decrypt with the configured key for this place")]
    WrongKey,
}

/// What a sealed value is for: each purpose has its own key, so a key that leaks through one
/// use (or a bug that encrypts with the wrong one) does not open the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    ArtisanPrivate,
    TotpSecret,
    OrderStatusToken,
}

impl Purpose {
    fn info(self) -> &'static [u8] {
        match self {
            Self::ArtisanPrivate => b"fairgold/v2/artisan-private-fields",
            Self::TotpSecret => b"fairgold/v2/totp-secrets",
            Self::OrderStatusToken => b"fairgold/v2/order-status-tokens",
        }
    }
}

/// Where a sealed value is stored. With the row's key it makes the associated data every
/// ciphertext is bound to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub purpose: Purpose,
    pub table: &'static str,
    pub column: &'static str,
}

impl Field {
    pub const ARTISAN_LEGAL_NAME: Field =
        Field { purpose: Purpose::ArtisanPrivate, table: "artisan_private", column: "legal_name" };
    pub const ARTISAN_PHONE: Field =
        Field { purpose: Purpose::ArtisanPrivate, table: "artisan_private", column: "phone" };
    pub const ARTISAN_PAYOUT_DETAILS: Field =
        Field { purpose: Purpose::ArtisanPrivate, table: "artisan_private", column: "payout_details" };
    /// Row key: the staff member's id.
    pub const STAFF_TOTP_SECRET: Field = Field { purpose: Purpose::TotpSecret, table: "staff", column: "totp_secret" };
    /// Row key: the order's reference (chosen before the row is inserted).
    pub const ORDER_STATUS_TOKEN: Field =
        Field { purpose: Purpose::OrderStatusToken, table: "orders", column: "status_token_sealed" };

    /// Every place the shop seals a value (what `fairgold keys rotate` rewrites).
    pub const ALL: [Field; 5] = [
        Self::ARTISAN_LEGAL_NAME,
        Self::ARTISAN_PHONE,
        Self::ARTISAN_PAYOUT_DETAILS,
        Self::STAFF_TOTP_SECRET,
        Self::ORDER_STATUS_TOKEN,
    ];

    fn associated_data(&self, row: &str) -> Vec<u8> {
        format!("fairgold:{}.{}:{}", self.table, self.column, row).into_bytes()
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.table, self.column)
    }
}

/// The keys derived from one secret key.
#[derive(Clone)]
struct KeySet {
    artisan_private: XChaCha20Poly1305,
    totp: XChaCha20Poly1305,
    status_token: XChaCha20Poly1305,
    /// The one key of `enc1:` values (before keys per purpose), for reading them only.
    legacy_v1: XChaCha20Poly1305,
    /// Keys the hash of a client's network address (see `client_key`).
    address_key: [u8; 32],
    /// Keys the stored hash of a staff member's recovery codes (see `recovery_code_hash`).
    recovery_key: [u8; 32],
}

impl KeySet {
    fn derive(secret: Option<&SecretString>) -> Self {
        let ikm = secret
            .map(|s| s.expose_secret().as_bytes().to_vec())
            .unwrap_or_else(|| DEVELOPMENT_KEY.as_bytes().to_vec());
        let hk = Hkdf::<Sha256>::new(Some(b"fairgold/v1"), &ikm);
        let key = |info: &[u8]| {
            let mut k = [0u8; 32];
            hk.expand(info, &mut k).expect("32 bytes is a valid HKDF length");
            k
        };
        let aead = |info: &[u8]| XChaCha20Poly1305::new(&key(info).into());
        Self {
            artisan_private: aead(Purpose::ArtisanPrivate.info()),
            totp: aead(Purpose::TotpSecret.info()),
            status_token: aead(Purpose::OrderStatusToken.info()),
            legacy_v1: aead(b"artisan-private-fields"),
            address_key: key(b"client-address"),
            recovery_key: key(b"recovery-codes"),
        }
    }

    fn aead(&self, purpose: Purpose) -> &XChaCha20Poly1305 {
        match purpose {
            Purpose::ArtisanPrivate => &self.artisan_private,
            Purpose::TotpSecret => &self.totp,
            Purpose::OrderStatusToken => &self.status_token,
        }
    }

    fn recovery_code_hash(&self, normalized_code: &str) -> String {
        use hmac::{Hmac, Mac};
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.recovery_key).expect("HMAC takes any key length");
        mac.update(normalized_code.as_bytes());
        mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// How a stored value opened (see `Cipher::open_with`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opened {
    /// `enc2:` under the current key: nothing to rewrite.
    Current,
    /// Under `FAIRGOLD_SECRET_KEY_OLD`, or an `enc1:` value: `fairgold keys rotate` rewrites it.
    NeedsRotation,
}

#[derive(Clone)]
pub struct Cipher {
    current: KeySet,
    /// `FAIRGOLD_SECRET_KEY_OLD` while a rotation is under way: read, never written.
    old: Option<Box<KeySet>>,
}

impl std::fmt::Debug for Cipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cipher(..)")
    }
}

impl Cipher {
    pub fn from_secret(secret: Option<&SecretString>) -> Self {
        Self::with_old_key(secret, None)
    }

    /// The current key, and the key being replaced (`FAIRGOLD_SECRET_KEY_OLD`), if any.
    pub fn with_old_key(secret: Option<&SecretString>, old: Option<&SecretString>) -> Self {
        Self { current: KeySet::derive(secret), old: old.map(|o| Box::new(KeySet::derive(Some(o)))) }
    }

    pub fn has_old_key(&self) -> bool {
        self.old.is_some()
    }

    /// What the shop keeps of a client's network address to count what it holds and how often
    /// it checks out: a keyed hash (HMAC-SHA256), so the stored value names no address (an
    /// unkeyed hash of the few billion IPv4 addresses is reversed in minutes). An IPv6 client
    /// counts by its /64, which is what one subscriber gets. (Counts restart when the key
    /// changes, which only forgets recent history.)
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
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.current.address_key).expect("HMAC takes any key length");
        mac.update(normalized.as_bytes());
        mac.finalize().into_bytes().iter().take(16).map(|b| format!("{b:02x}")).collect()
    }

    /// How a new recovery code is stored: a keyed hash (HMAC-SHA256 under a key derived from the
    /// secret key), so a copy of the database without the key cannot test guesses offline.
    pub fn recovery_code_hash(&self, normalized_code: &str) -> String {
        self.current.recovery_code_hash(normalized_code)
    }

    /// The hashes a typed recovery code may be stored under: the current key's, and the old
    /// key's while a rotation is under way (a hash cannot be re-keyed without the code itself).
    pub fn recovery_code_hashes(&self, normalized_code: &str) -> Vec<String> {
        let mut hashes = vec![self.current.recovery_code_hash(normalized_code)];
        hashes.extend(self.old.as_ref().map(|o| o.recovery_code_hash(normalized_code)));
        hashes
    }

    /// Encrypts `plaintext` for `field` of the row whose key is `row`, under the current key.
    pub fn seal(&self, field: Field, row: impl std::fmt::Display, plaintext: &str) -> String {
        let mut nonce = [0u8; 24];
        fill_random(&mut nonce);
        let aad = field.associated_data(&row.to_string());
        let ciphertext = self
            .current
            .aead(field.purpose)
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: plaintext.as_bytes(), aad: &aad })
            .expect("encryption cannot fail");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ciphertext);
        format!("{PREFIX}{}", STANDARD.encode(out))
    }

    /// Decrypts a value stored in `field` of the row whose key is `row`. A value sealed for
    /// another row, column or purpose, or under a key the shop does not hold, is `WrongKey`.
    pub fn open(&self, field: Field, row: impl std::fmt::Display, stored: &str) -> Result<String, CryptoError> {
        self.open_with(field, row, stored).map(|(plain, _)| plain)
    }

    /// As `open`, and whether the value should be rewritten under the current key.
    pub fn open_with(
        &self,
        field: Field,
        row: impl std::fmt::Display,
        stored: &str,
    ) -> Result<(String, Opened), CryptoError> {
        let keys = std::iter::once(&self.current).chain(self.old.as_deref());
        if let Some(data) = stored.strip_prefix(PREFIX) {
            let (nonce, ciphertext) = split(data)?;
            let aad = field.associated_data(&row.to_string());
            for (i, k) in keys.enumerate() {
                let payload = Payload { msg: &ciphertext, aad: &aad };
                if let Ok(plain) = k.aead(field.purpose).decrypt(XNonce::from_slice(&nonce), payload) {
                    let how = if i == 0 { Opened::Current } else { Opened::NeedsRotation };
                    return Ok((String::from_utf8(plain).map_err(|_| CryptoError::Malformed)?, how));
                }
            }
            Err(CryptoError::WrongKey)
        } else if let Some(data) = stored.strip_prefix(PREFIX_V1) {
            let (nonce, ciphertext) = split(data)?;
            for k in keys {
                if let Ok(plain) = k.legacy_v1.decrypt(XNonce::from_slice(&nonce), ciphertext.as_slice()) {
                    return Ok((String::from_utf8(plain).map_err(|_| CryptoError::Malformed)?, Opened::NeedsRotation));
                }
            }
            Err(CryptoError::WrongKey)
        } else {
            Err(CryptoError::Malformed)
        }
    }

    pub fn is_encrypted(stored: &str) -> bool {
        stored.starts_with(PREFIX) || stored.starts_with(PREFIX_V1)
    }
}

fn split(data: &str) -> Result<(Vec<u8>, Vec<u8>), CryptoError> {
    let bytes = STANDARD.decode(data).map_err(|_| CryptoError::Malformed)?;
    if bytes.len() < 24 + 16 {
        return Err(CryptoError::Malformed);
    }
    let (nonce, ciphertext) = bytes.split_at(24);
    Ok((nonce.to_vec(), ciphertext.to_vec()))
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

    fn key(c: char) -> SecretString {
        SecretString::from(c.to_string().repeat(40))
    }

    #[test]
    fn round_trips_and_never_repeats_a_ciphertext() {
        let c = Cipher::from_secret(Some(&key('k')));
        let a = c.seal(Field::ARTISAN_LEGAL_NAME, 7, "Rupali Dasgupta");
        let b = c.seal(Field::ARTISAN_LEGAL_NAME, 7, "Rupali Dasgupta");
        assert_ne!(a, b, "a fresh nonce each time");
        assert!(!a.contains("Rupali"));
        assert_eq!(c.open(Field::ARTISAN_LEGAL_NAME, 7, &a).unwrap(), "Rupali Dasgupta");
        assert_eq!(c.open_with(Field::ARTISAN_LEGAL_NAME, 7, &a).unwrap().1, Opened::Current);
    }

    #[test]
    fn another_key_cannot_read_it() {
        let c = Cipher::from_secret(Some(&key('k')));
        let other = Cipher::from_secret(Some(&key('j')));
        let sealed = c.seal(Field::STAFF_TOTP_SECRET, 1, "x");
        assert!(matches!(other.open(Field::STAFF_TOTP_SECRET, 1, &sealed), Err(CryptoError::WrongKey)));
        assert!(matches!(c.open(Field::STAFF_TOTP_SECRET, 1, "plain text"), Err(CryptoError::Malformed)));
    }

    #[test]
    fn a_ciphertext_opens_only_in_its_own_table_column_and_row() {
        let c = Cipher::from_secret(Some(&key('k')));
        let sealed = c.seal(Field::ARTISAN_LEGAL_NAME, 7, "Rupali Dasgupta");
        assert!(matches!(c.open(Field::ARTISAN_LEGAL_NAME, 8, &sealed), Err(CryptoError::WrongKey)), "another row");
        assert!(matches!(c.open(Field::ARTISAN_PHONE, 7, &sealed), Err(CryptoError::WrongKey)), "another column");
        let token = c.seal(Field::ORDER_STATUS_TOKEN, "FG-1", "t");
        assert!(matches!(c.open(Field::STAFF_TOTP_SECRET, "FG-1", &token), Err(CryptoError::WrongKey)), "another key");
        assert_eq!(c.open(Field::ORDER_STATUS_TOKEN, "FG-1", &token).unwrap(), "t");
    }

    #[test]
    fn each_purpose_has_its_own_key() {
        let ks = KeySet::derive(Some(&key('k')));
        let nonce = [3u8; 24];
        let enc = |a: &XChaCha20Poly1305| a.encrypt(XNonce::from_slice(&nonce), b"same".as_slice()).unwrap();
        let outs = [enc(&ks.artisan_private), enc(&ks.totp), enc(&ks.status_token), enc(&ks.legacy_v1)];
        for i in 0..outs.len() {
            for j in i + 1..outs.len() {
                assert_ne!(outs[i], outs[j], "keys {i} and {j} are the same");
            }
        }
    }

    #[test]
    fn the_old_key_opens_while_it_is_set_and_legacy_values_still_open() {
        let old = Cipher::from_secret(Some(&key('k')));
        let sealed = old.seal(Field::ARTISAN_PHONE, 3, "+91 98300 00000");
        let new_only = Cipher::from_secret(Some(&key('j')));
        assert!(new_only.open(Field::ARTISAN_PHONE, 3, &sealed).is_err());
        let rotating = Cipher::with_old_key(Some(&key('j')), Some(&key('k')));
        assert_eq!(
            rotating.open_with(Field::ARTISAN_PHONE, 3, &sealed).unwrap(),
            ("+91 98300 00000".to_string(), Opened::NeedsRotation)
        );
        let resealed = rotating.seal(Field::ARTISAN_PHONE, 3, "+91 98300 00000");
        assert_eq!(new_only.open(Field::ARTISAN_PHONE, 3, &resealed).unwrap(), "+91 98300 00000");
        assert!(old.open(Field::ARTISAN_PHONE, 3, &resealed).is_err(), "written under the new key only");

        // An `enc1:` value (one key, no associated data), as versions before keys per purpose wrote it.
        let mut nonce = [0u8; 24];
        fill_random(&mut nonce);
        let ct = old.current.legacy_v1.encrypt(XNonce::from_slice(&nonce), b"Mina".as_slice()).unwrap();
        let v1 = format!("{PREFIX_V1}{}", STANDARD.encode([nonce.to_vec(), ct].concat()));
        assert_eq!(old.open_with(Field::ARTISAN_LEGAL_NAME, 9, &v1).unwrap(), ("Mina".into(), Opened::NeedsRotation));
        assert_eq!(rotating.open(Field::ARTISAN_LEGAL_NAME, 9, &v1).unwrap(), "Mina");
        assert!(new_only.open(Field::ARTISAN_LEGAL_NAME, 9, &v1).is_err());
        assert!(Cipher::is_encrypted(&v1) && Cipher::is_encrypted(&resealed) && !Cipher::is_encrypted("Mina"));
    }

    #[test]
    fn recovery_codes_hashed_under_the_old_key_match_while_it_is_set() {
        let old = Cipher::from_secret(Some(&key('k')));
        let rotating = Cipher::with_old_key(Some(&key('j')), Some(&key('k')));
        let stored = old.recovery_code_hash("ABCDE FGHIJ");
        assert!(rotating.recovery_code_hashes("ABCDE FGHIJ").contains(&stored));
        assert!(!Cipher::from_secret(Some(&key('j'))).recovery_code_hashes("ABCDE FGHIJ").contains(&stored));
        assert_eq!(rotating.recovery_code_hash("x"), Cipher::from_secret(Some(&key('j'))).recovery_code_hash("x"));
    }

    #[test]
    fn client_keys_are_keyed_and_group_an_ipv6_subscriber() {
        let c = Cipher::from_secret(Some(&key('k')));
        let other = Cipher::from_secret(Some(&key('j')));
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

//! A real S3 server on loopback for the storage tests: `s3s` (the S3 protocol over HTTP, every
//! request's SigV4 signature checked against one key pair) over `s3s-fs` (objects as files in
//! a temporary folder), served by hyper inside the test process — so every machine that runs
//! `cargo test` runs the S3 tests; nothing to install, nothing skipped.

use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder as ConnBuilder;
use s3s::auth::SimpleAuth;
use s3s::service::S3ServiceBuilder;

use fairgold::config::Settings;
use fairgold::images::{Area, Storage};

pub const ACCESS_KEY: &str = "fairgold-test-access";
pub const SECRET_KEY: &str = "fairgold-test-secret-0123456789";
pub const BUCKET: &str = "fairgold-media";

pub struct S3Server {
    /// `http://127.0.0.1:PORT`
    pub endpoint: String,
    _dir: tempfile::TempDir,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for S3Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl S3Server {
    /// Starts the server with one empty bucket, `BUCKET`.
    pub async fn start() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        // A bucket of s3s-fs is a folder under its root.
        std::fs::create_dir_all(dir.path().join(BUCKET)).unwrap();
        let fs = s3s_fs::FileSystem::new(dir.path()).expect("s3s-fs root");
        let service = {
            let mut b = S3ServiceBuilder::new(fs);
            b.set_auth(SimpleAuth::from_single(ACCESS_KEY, SECRET_KEY));
            b.build()
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind S3 server");
        let endpoint = format!("http://{}", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            loop {
                let Ok((socket, _)) = listener.accept().await else { continue };
                let service = service.clone();
                tokio::spawn(async move {
                    let _ =
                        ConnBuilder::new(TokioExecutor::new()).serve_connection(TokioIo::new(socket), service).await;
                });
            }
        });
        Self { endpoint, _dir: dir, task }
    }

    /// The settings that point an app (or the CLI) at this server's bucket.
    pub fn settings(&self) -> Vec<(&'static str, String)> {
        vec![
            ("storage.kind", "s3".into()),
            ("storage.endpoint", self.endpoint.clone()),
            ("storage.bucket", BUCKET.into()),
            ("storage.region", "us-east-1".into()),
            ("storage.access_key_id", ACCESS_KEY.into()),
            ("storage.secret_access_key", SECRET_KEY.into()),
            ("storage.allow_http", "true".into()),
        ]
    }

    /// A client of the bucket, over the S3 API with the same credentials.
    pub fn client(&self) -> Storage {
        let owned = self.settings();
        let pairs: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
        Storage::from_settings(&Settings::from_overrides(&pairs).unwrap()).unwrap()
    }

    /// The keys under `{area}/{folder}/`, listed through the S3 API (ListObjectsV2).
    pub async fn list(&self, area: Area, folder: &str) -> Vec<String> {
        self.client().list(area, folder).await.expect("list the bucket")
    }
}

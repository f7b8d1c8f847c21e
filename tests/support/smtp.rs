//! A real SMTP server on 127.0.0.1 for tests: the `mailin` SMTP state machine behind a small
//! tokio accept loop. It keeps every message it accepts, and refuses `REFUSED` with a permanent
//! 550. Shared by the `api` target (`email.rs`) and the `browser` target through `#[path]`.

use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// The recipient the loopback server refuses with a permanent 550.
pub const REFUSED: &str = "nobody@refused.example";

#[derive(Debug, Clone)]
pub struct Received {
    pub to: Vec<String>,
    pub data: String,
}

/// mailin's `Handler`: collects each message; refuses `REFUSED` with 550 (no such mailbox).
struct Collector {
    inbox: Arc<Mutex<Vec<Received>>>,
    to: Vec<String>,
    data: Vec<u8>,
}

impl mailin::Handler for Collector {
    fn rcpt(&mut self, to: &str) -> mailin::Response {
        if to.contains(REFUSED) {
            mailin::response::NO_MAILBOX
        } else {
            mailin::response::OK
        }
    }

    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> mailin::Response {
        self.to = to.to_vec();
        self.data.clear();
        mailin::response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> mailin::Response {
        let data = String::from_utf8_lossy(&self.data).into_owned();
        self.inbox.lock().unwrap().push(Received { to: std::mem::take(&mut self.to), data });
        mailin::response::OK
    }
}

pub struct SmtpServer {
    pub port: u16,
    inbox: Arc<Mutex<Vec<Received>>>,
}

impl SmtpServer {
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind the SMTP server");
        let port = listener.local_addr().unwrap().port();
        let inbox = Arc::new(Mutex::new(Vec::new()));
        let shared = Arc::clone(&inbox);
        tokio::spawn(async move {
            while let Ok((stream, peer)) = listener.accept().await {
                let inbox = Arc::clone(&shared);
                tokio::spawn(smtp_session(stream, peer.ip(), inbox));
            }
        });
        Self { port, inbox }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn received(&self) -> Vec<Received> {
        self.inbox.lock().unwrap().clone()
    }

    /// Waits until at least `n` messages arrived (at most 10 s); returns all of them.
    pub async fn wait_for(&self, n: usize) -> Vec<Received> {
        for _ in 0..200 {
            if self.received().len() >= n {
                return self.received();
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("expected {n} messages, the SMTP server received {}", self.received().len());
    }
}

/// One SMTP connection: lines in, mailin's responses out.
async fn smtp_session(stream: tokio::net::TcpStream, ip: IpAddr, inbox: Arc<Mutex<Vec<Received>>>) {
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    let mut session = mailin::SessionBuilder::new("fairgold-test-smtp")
        .build(ip, Collector { inbox, to: Vec::new(), data: Vec::new() });
    if write.write_all(&session.greeting().buffer().unwrap()).await.is_err() {
        return;
    }
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let response = session.process(&line);
        match response.action {
            mailin::Action::NoReply => {}
            mailin::Action::Reply => {
                if write.write_all(&response.buffer().unwrap()).await.is_err() {
                    return;
                }
            }
            mailin::Action::Close | mailin::Action::UpgradeTls => {
                let _ = write.write_all(&response.buffer().unwrap()).await;
                return;
            }
        }
    }
}

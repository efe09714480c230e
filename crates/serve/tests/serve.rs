//! `serve` on a real socket, spoken to with a plain TCP client.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

fn http_get(addr: std::net::SocketAddr, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_answers_http_on_loopback_and_makes_a_first_token() {
    let dir = tempfile::tempdir().unwrap();
    common::build_store(dir.path());
    assert!(!casefile_serve::has_tokens(dir.path()).unwrap());
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(casefile_serve::serve_listener(
        dir.path().to_path_buf(),
        listener,
    ));
    // The listener is bound already: the connection waits in the backlog until the server has
    // built its index and accepts.
    let response = tokio::task::spawn_blocking(move || http_get(addr, "/api/search?q=Kozlov"))
        .await
        .unwrap();
    assert!(response.starts_with("HTTP/1.1 200 OK\r\n"), "{response}");
    assert!(response
        .to_ascii_lowercase()
        .contains("content-security-policy: default-src 'self'"));
    assert!(response.contains("\"name\":\"Ivan Kozlov\""), "{response}");
    assert!(casefile_serve::has_tokens(dir.path()).unwrap());
    assert!(!server.is_finished());
    server.abort();
}

//! Serves a store without the CLI: `cargo run -p casefile-serve --example serve -- STORE [ADDR]`
//! (ADDR defaults to 127.0.0.1:8080).

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args_os().skip(1);
    let store = args
        .next()
        .map(std::path::PathBuf::from)
        .ok_or_else(|| anyhow::anyhow!("usage: serve STORE [ADDR]"))?;
    let addr = match args.next() {
        Some(a) => a
            .to_str()
            .ok_or_else(|| anyhow::anyhow!("ADDR is not text"))?
            .parse()?,
        None => std::net::SocketAddr::from(([127, 0, 0, 1], 8080)),
    };
    casefile_serve::serve_blocking(store, addr)
}

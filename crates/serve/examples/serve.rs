//! Serves a store without the CLI: `cargo run -p casefile-serve --example serve -- STORE [ADDR]`
//! (STORE a folder or a `postgres://` URL; ADDR defaults to 127.0.0.1:8080).

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let spec = args
        .next()
        .map(|s| casefile_store::StoreSpec::parse(&s))
        .ok_or_else(|| anyhow::anyhow!("usage: serve STORE [ADDR]"))?;
    let addr = match args.next() {
        Some(a) => a.parse()?,
        None => std::net::SocketAddr::from(([127, 0, 0, 1], 8080)),
    };
    let local = spec.default_local_dir();
    casefile_serve::serve_blocking(spec, local, addr, Some(casefile_serve::DEFAULT_FOLLOW))
}

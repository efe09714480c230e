//! Parallel workers on a PostgreSQL store (`casefile enqueue` + `casefile worker`): one worker and
//! three concurrent workers store the same record as `casefile ingest` does, each job done exactly
//! once; a worker killed (SIGKILL) while it holds a document loses and duplicates nothing.
//! Runs when `CASEFILE_TEST_POSTGRES` names a database (`scripts/with-postgres` sets it; CI does).

mod common;

use common::{assert_same_record, casefile, export, ok, stderr, PgSchema, BIN, EXAMPLES};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `casefile worker` on `store`, started and not waited for; its standard error is piped.
fn spawn_worker(store: &Path, name: &str, extra_env: &[(&str, &str)]) -> Child {
    spawn_worker_with(store, name, extra_env, &[])
}

/// [`spawn_worker`] with more arguments.
fn spawn_worker_with(
    store: &Path,
    name: &str,
    extra_env: &[(&str, &str)],
    extra_args: &[&str],
) -> Child {
    let mut cmd = Command::new(BIN);
    cmd.arg("--store")
        .arg(store)
        .args(["worker", "--until-empty", "--name", name])
        .args(extra_args)
        .env_remove("CASEFILE_STORE")
        .env_remove("CASEFILE_WORKER_PAUSE_MS")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    cmd.spawn().expect("casefile worker starts")
}

/// Waits for a worker that should finish, and returns how many documents it stored (from its
/// summary line), asserting it stored none twice.
fn finish(child: Child) -> usize {
    let out = child.wait_with_output().expect("worker ends");
    let err = stderr(&out);
    assert!(out.status.success(), "worker failed: {err}");
    let summary = err
        .lines()
        .find(|l| l.contains(": stored "))
        .unwrap_or_else(|| panic!("no summary line: {err}"));
    let number = |after: &str| -> usize {
        let rest = &summary[summary.find(after).expect(after) + after.len()..];
        rest.split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    assert_eq!(number("already stored "), 0, "{summary}");
    assert_eq!(number("failed "), 0, "{summary}");
    number(": stored ")
}

/// A generated corpus of `docs` reports in `dir`.
fn generate(dir: &Path, docs: usize, seed: u64) {
    let o = Command::new(BIN)
        .args([
            "generate",
            "--docs",
            &docs.to_string(),
            "--seed",
            &seed.to_string(),
        ])
        .arg("--out")
        .arg(dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
}

/// The queue's rows: how many in each state, and the number of claims of each job.
fn queue_state(pg: &PgSchema) -> (i64, i64, i64, Vec<i64>) {
    let mut c = pg.client();
    let count = |c: &mut postgres::Client, state: &str| -> i64 {
        c.query_one("SELECT COUNT(*) FROM queue WHERE state = $1", &[&state])
            .unwrap()
            .get(0)
    };
    let (queued, done, failed) = (
        count(&mut c, "queued"),
        count(&mut c, "done"),
        count(&mut c, "failed"),
    );
    let claims = c
        .query(
            "SELECT COUNT(c.job_id) FROM queue q LEFT JOIN queue_claims c ON c.job_id = q.id \
             GROUP BY q.id ORDER BY q.id",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    (queued, done, failed, claims)
}

fn stored_documents(pg: &PgSchema) -> (i64, i64) {
    let row = pg
        .client()
        .query_one("SELECT COUNT(*), COUNT(DISTINCT id) FROM documents", &[])
        .unwrap();
    (row.get(0), row.get(1))
}

#[test]
fn one_worker_and_three_workers_store_the_record_ingest_stores() {
    let Some(one) = PgSchema::new("workers_one") else {
        return;
    };
    let three = PgSchema::new("workers_three").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("generated");
    generate(&corpus, 150, 11);
    let corpus = corpus.to_str().unwrap();
    // The examples bring HTML, PDF and sidecar metadata; the generated reports, volume.
    let paths = [EXAMPLES, corpus];

    let sqlite = dir.path().join("sqlite");
    let mut args = vec!["ingest"];
    args.extend(paths);
    ok(casefile(&sqlite, &args));
    let want = export(&sqlite);
    let documents = want["documents"].as_array().unwrap().len();
    assert!(documents > 150, "{documents} documents");

    let mut enqueue = vec!["enqueue"];
    enqueue.extend(paths);
    for pg in [&one, &three] {
        let o = ok(casefile(pg.store(), &enqueue));
        assert!(
            stderr(&o).contains(&format!("queued {documents},")),
            "{}",
            stderr(&o)
        );
        // Enqueueing again queues nothing.
        let again = ok(casefile(pg.store(), &enqueue));
        assert!(stderr(&again).contains("queued 0,"), "{}", stderr(&again));
    }

    let alone = finish(spawn_worker(one.store(), "alone", &[]));
    assert_eq!(alone, documents);

    let workers: Vec<Child> = (0..3)
        .map(|i| spawn_worker(three.store(), &format!("w{i}"), &[]))
        .collect();
    let split: Vec<usize> = workers.into_iter().map(finish).collect();
    eprintln!("three workers stored {split:?}");
    assert_eq!(split.iter().sum::<usize>(), documents);

    for pg in [&one, &three] {
        let (queued, done, failed, claims) = queue_state(pg);
        assert_eq!((queued, done, failed), (0, documents as i64, 0));
        // No worker died, so every job was taken exactly once.
        assert!(claims.iter().all(|&c| c == 1), "claims per job: {claims:?}");
        assert_eq!(stored_documents(pg), (documents as i64, documents as i64));
    }
    let a = export(one.store());
    let b = export(three.store());
    assert_same_record(b.clone(), a, "three workers vs one worker");
    assert_same_record(b, want, "three workers vs casefile ingest");
}

#[test]
fn a_worker_killed_mid_document_loses_and_duplicates_nothing() {
    let Some(pg) = PgSchema::new("workers_kill") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("generated");
    generate(&corpus, 200, 5);
    let sqlite = dir.path().join("sqlite");
    ok(casefile(&sqlite, &["ingest", corpus.to_str().unwrap()]));
    ok(casefile(pg.store(), &["enqueue", corpus.to_str().unwrap()]));
    let mut client = pg.client();

    // Each victim pauses for ten minutes after taking a job, so it is certainly killed while it
    // holds one. The first is started alone, so it surely finds a job; two steady workers (a
    // short pause each, so that the queue lasts) run beside the later ones.
    let mut steady = Vec::new();
    let mut killed = Vec::new();
    for k in 0..3 {
        let name = format!("victim{k}");
        let mut victim = spawn_worker(pg.store(), &name, &[("CASEFILE_WORKER_PAUSE_MS", "600000")]);
        let deadline = Instant::now() + Duration::from_secs(120);
        let job: Option<i64> = loop {
            let row = client
                .query_opt(
                    "SELECT job_id FROM queue_claims WHERE worker = $1",
                    &[&name],
                )
                .unwrap();
            if let Some(row) = row {
                break Some(row.get(0));
            }
            // The queue ran dry before this victim took a job: nothing left to kill it on.
            if victim.try_wait().unwrap().is_some() {
                break None;
            }
            assert!(Instant::now() < deadline, "{name} took no job");
            std::thread::sleep(Duration::from_millis(20));
        };
        let Some(job) = job else {
            break;
        };
        victim.kill().unwrap(); // SIGKILL
        victim.wait().unwrap();
        killed.push((name, job));
        if k == 0 {
            steady = (0..2)
                .map(|i| {
                    spawn_worker(
                        pg.store(),
                        &format!("steady{i}"),
                        &[("CASEFILE_WORKER_PAUSE_MS", "30")],
                    )
                })
                .collect();
        }
    }
    assert!(!killed.is_empty());
    let mut stored: usize = steady.into_iter().map(finish).sum();
    // The steady workers may have stopped before the last victim died: one more worker takes
    // what the victims left.
    // Two threads: one process reading two jobs at once.
    stored += finish(spawn_worker_with(
        pg.store(),
        "last",
        &[],
        &["--threads", "2"],
    ));
    eprintln!("killed {killed:?}");

    assert_eq!(stored, 200, "each document stored once");
    assert_eq!(stored_documents(&pg), (200, 200));
    let (queued, done, failed, claims) = queue_state(&pg);
    assert_eq!((queued, done, failed), (0, 200, 0));
    for (name, job) in &killed {
        let row = client
            .query_one(
                "SELECT state, worker, (SELECT COUNT(*) FROM queue_claims WHERE job_id = $1) \
                 FROM queue WHERE id = $1",
                &[job],
            )
            .unwrap();
        let (state, worker, taken): (String, String, i64) = (row.get(0), row.get(1), row.get(2));
        assert_eq!(state, "done");
        assert_ne!(&worker, name, "job {job} was finished by another worker");
        assert!(taken >= 2, "job {job} taken {taken} times");
    }
    // Only the victims' jobs were taken more than once.
    let retried = claims.iter().filter(|&&c| c > 1).count();
    assert!(retried <= killed.len(), "claims per job: {claims:?}");
    assert_same_record(
        export(pg.store()),
        export(&sqlite),
        "after the kills vs casefile ingest",
    );
}

#[test]
fn the_queue_needs_a_postgres_store() {
    let dir = tempfile::tempdir().unwrap();
    for args in [vec!["enqueue", EXAMPLES], vec!["worker"], vec!["queue"]] {
        let o = casefile(&dir.path().join("store"), &args);
        assert_eq!(o.status.code(), Some(2));
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("needs a PostgreSQL store"), "{err}");
    }
}

/// `GET path` on a loopback server, as a plain HTTP/1.1 client: the whole response.
fn http_get(addr: std::net::SocketAddr, path: &str) -> std::io::Result<String> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    Ok(response)
}

/// Kills the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `casefile serve --follow 0.2` on `pg`'s store, on a free loopback port, its local files
/// under `dir`.
fn start_server(pg: &PgSchema, dir: &Path) -> (Server, std::net::SocketAddr) {
    // A free loopback port (released just before the server binds it).
    let addr = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let local = dir.join("local");
    let server = Server(
        Command::new(BIN)
            .arg("--store")
            .arg(pg.store())
            .arg("--local")
            .arg(&local)
            .args(["serve", "--follow", "0.2", "--addr", &addr.to_string()])
            .env_remove("CASEFILE_STORE")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    (server, addr)
}

/// The body of `GET path` once the server answers 200, waiting for it to start (2 minutes).
fn get_when_up(addr: std::net::SocketAddr, path: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Ok(response) = http_get(addr, path) {
            if response.starts_with("HTTP/1.1 200") {
                return response.split_once("\r\n\r\n").unwrap().1.to_string();
            }
        }
        assert!(
            Instant::now() < deadline,
            "the server did not answer {path}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn serve_finds_what_a_worker_stored_while_it_was_serving() {
    let Some(pg) = PgSchema::new("workers_serve") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first");
    generate(&first, 3, 21);
    ok(casefile(pg.store(), &["enqueue", first.to_str().unwrap()]));
    assert_eq!(finish(spawn_worker(pg.store(), "before", &[])), 3);

    let (server, addr) = start_server(&pg, dir.path());
    // The documents found for `q`, as the API's JSON hits; `None` while the server is not up.
    let search = |q: &str| -> Option<Vec<serde_json::Value>> {
        let response = http_get(addr, &format!("/api/search?q={q}&kind=document")).ok()?;
        if !response.starts_with("HTTP/1.1 200") {
            return None;
        }
        let body = response.split_once("\r\n\r\n")?.1;
        let json: serde_json::Value = serde_json::from_str(body).expect("the API answers JSON");
        Some(json["hits"].as_array().cloned().unwrap_or_default())
    };
    let deadline = Instant::now() + Duration::from_secs(120);
    let word = "Zanzibarovka";
    loop {
        match search(word) {
            Some(hits) => {
                assert!(hits.is_empty(), "not stored yet, yet found: {hits:?}");
                break;
            }
            None => {
                assert!(Instant::now() < deadline, "the server did not start");
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }

    // A new document, with a word no generated report has, stored by a worker.
    let second = dir.path().join("second");
    std::fs::create_dir(&second).unwrap();
    std::fs::write(
        second.join("late.txt"),
        format!(
            "Late report\n\nOn 3 March 2021 police in {word} detained the journalist Aidos \
             Tlegenov after a protest.\n"
        ),
    )
    .unwrap();
    ok(casefile(pg.store(), &["enqueue", second.to_str().unwrap()]));
    assert_eq!(finish(spawn_worker(pg.store(), "during", &[])), 1);
    loop {
        let hits = search(word).unwrap_or_default();
        if let Some(hit) = hits.first() {
            assert_eq!(hits.len(), 1, "{hits:?}");
            assert!(
                hit["snippet"]["text"].as_str().unwrap().contains(word),
                "{hit}"
            );
            break;
        }
        assert!(
            Instant::now() < deadline,
            "search never found the document the worker stored"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    drop(server);
}

#[test]
fn an_unreadable_file_fails_once_with_its_reason_and_a_second_enqueue_retries_it() {
    let Some(pg) = PgSchema::new("workers_fail") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    std::fs::create_dir(&files).unwrap();
    std::fs::write(
        files.join("good.txt"),
        "Police detained the blogger Aidos Tlegenov in Almaty on 3 March 2021.\n",
    )
    .unwrap();
    // Only whitespace: nothing to read.
    std::fs::write(files.join("blank.txt"), "  \n\n ").unwrap();
    let folder = files.to_str().unwrap();
    ok(casefile(pg.store(), &["enqueue", folder]));

    let out = spawn_worker(pg.store(), "w", &[])
        .wait_with_output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(errors.len(), 1, "{err}");
    assert!(
        errors[0].contains("blank.txt") && errors[0].contains("empty document"),
        "{err}"
    );
    let status = ok(casefile(pg.store(), &["queue"]));
    let status = String::from_utf8_lossy(&status.stdout).into_owned();
    assert!(
        status.contains("queue: 0 waiting, 1 done, 1 failed"),
        "{status}"
    );
    assert!(
        status.contains("failed: ") && status.matches("blank.txt").count() == 1,
        "{status}"
    );
    assert_eq!(stored_documents(&pg), (1, 1));
    // The web app's status shows the queue and why the job failed.
    let (server, addr) = start_server(&pg, dir.path());
    let status: serde_json::Value =
        serde_json::from_str(&get_when_up(addr, "/api/status")).unwrap();
    assert_eq!(status["queue"]["done"], 1, "{status}");
    assert_eq!(status["queue"]["failed"], 1, "{status}");
    let failure = &status["queue"]["failures"][0];
    assert!(
        failure[0].as_str().unwrap().ends_with("blank.txt"),
        "{status}"
    );
    assert!(
        failure[1].as_str().unwrap().contains("empty document"),
        "{status}"
    );
    let page = get_when_up(addr, "/status");
    assert!(page.contains("<h2>Work queue</h2>"), "{page}");
    assert!(page.contains("<strong>1</strong> failed"), "{page}");
    drop(server);

    // Enqueued again, the failed file waits again (the stored one is skipped); a job whose
    // workers kept dying (claims recorded, never finished) is given up instead of retried.
    let again = ok(casefile(pg.store(), &["enqueue", folder]));
    assert!(
        stderr(&again).contains("queued 1, skipped 1 (already stored)"),
        "{}",
        stderr(&again)
    );
    pg.client()
        .batch_execute(
            "INSERT INTO queue_claims (job_id, worker) \
             SELECT id, 'dead' FROM queue WHERE state = 'queued'",
        )
        .unwrap();
    let out = Command::new(BIN)
        .arg("--store")
        .arg(pg.store())
        .args(["worker", "--until-empty", "--max-attempts", "1"])
        .env_remove("CASEFILE_STORE")
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("blank.txt: given up after 1 attempts"),
        "{err}"
    );
    let (queued, done, failed, _) = queue_state(&pg);
    assert_eq!((queued, done, failed), (0, 1, 1));
}

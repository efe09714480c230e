//! Panics become one-line errors.
//!
//! A bug in a reader must cost one document, not the run: the ingest loop catches a panic per
//! document and reports it as that file's error. Rust's default hook would also print a multi-line
//! message and backtrace to standard error, breaking the one-line-per-file contract, so the hook
//! installed here only records the message for the code that catches the panic.

use std::cell::RefCell;
use std::sync::Mutex;

thread_local! {
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The last panic on any thread: a panic in a worker thread that no one caught reaches the main
/// thread without its message.
static LAST_ANYWHERE: Mutex<Option<String>> = Mutex::new(None);

/// Replaces the default panic hook with one that records the message on the panicking thread.
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        // Panic messages can quote whole documents: keep the line readable.
        let mut payload = payload.replace('\n', " ");
        if let Some((cut, _)) = payload.char_indices().nth(240) {
            payload.truncate(cut);
            payload.push('…');
        }
        let message = format!("{payload}{at}");
        if let Ok(mut anywhere) = LAST_ANYWHERE.lock() {
            *anywhere = Some(message.clone());
        }
        LAST.with(|last| *last.borrow_mut() = Some(message));
    }));
}

/// The message of the last panic on this thread, else on any thread (taken, so it is reported
/// once).
pub fn take_message() -> String {
    LAST.with(|last| last.borrow_mut().take())
        .or_else(|| LAST_ANYWHERE.lock().ok().and_then(|mut m| m.take()))
        .unwrap_or_else(|| "unknown panic".into())
}
